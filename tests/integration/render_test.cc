// `medbcp render` end to end: a stored plan becomes PDF, HTML, DOCX and XLSX
// files; the DOCX and XLSX open in LibreOffice; a faulty template is refused
// with its line numbers.
#include <gtest/gtest.h>

#include <filesystem>

#include "doc/render_test_util.h"

namespace {

using namespace medbcp::doc::testing;

#define EXPECT_CONTAINS(text, phrase) \
  EXPECT_TRUE((text).find(phrase) != std::string::npos) << "missing: " << (phrase)

class RenderCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    CommandResult init = medbcp("init --demo");
    ASSERT_EQ(init.exit_code, 0) << init.output;
  }

  CommandResult medbcp(const std::string& args) {
    return run_command(std::string(MEDBCP_BINARY) + " --db " + shell_quote(dir_.file("plan.db")) +
                       " " + args);
  }

  ScratchDir dir_;
};

TEST_F(RenderCommand, WritesEveryFormat) {
  for (const char* format : {"pdf", "html", "docx", "xlsx"}) {
    std::string out = dir_.file(std::string("plan.") + format);
    CommandResult r =
        medbcp(std::string("render --format ") + format + " --out " + shell_quote(out));
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.output;
    std::string bytes = read_file(out);
    ASSERT_FALSE(bytes.empty()) << format;
    const std::string_view f = format;
    const char* magic = f == "pdf" ? "%PDF-" : f == "html" ? "<!DOCTYPE html>" : "PK";
    EXPECT_TRUE(bytes.starts_with(magic)) << format;
  }
}

TEST_F(RenderCommand, PdfHoldsTheStoredPlan) {
  ASSERT_TRUE(have_tool("pdftotext"))
      << "pdftotext (poppler-utils, scripts/install-deps) is missing";
  std::string out = dir_.file("plan.pdf");
  ASSERT_EQ(medbcp("render --out " + shell_quote(out)).exit_code, 0);  // format from the extension
  CommandResult text = run_command("pdftotext -raw " + shell_quote(out) + " -");
  EXPECT_CONTAINS(text.output, "さくら内科クリニック");
  EXPECT_CONTAINS(text.output, "から施行する");
  EXPECT_CONTAINS(text.output, "令和");
  EXPECT_CONTAINS(text.output, "別紙２");
}

TEST_F(RenderCommand, FaultyTemplateIsRefusedWithLineNumbers) {
  std::string tmpl = dir_.file("bad.md");
  write_file(tmpl, "# 総則\n\n{{facility.nmae}} は\n{{table nothing}}\n");
  CommandResult r = medbcp("render --format pdf --out " + shell_quote(dir_.file("x.pdf")) +
                           " --template " + shell_quote(tmpl));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_CONTAINS(r.output, "3行目");
  EXPECT_CONTAINS(r.output, "4行目");
  EXPECT_FALSE(std::filesystem::exists(dir_.file("x.pdf")));
  CommandResult check = medbcp("render --check-template --template " + shell_quote(tmpl));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(medbcp("render --check-template").exit_code, 0);  // the built-in one
}

TEST_F(RenderCommand, AMedicalAssociationsOwnTemplate) {
  ASSERT_TRUE(have_tool("pdftotext"))
      << "pdftotext (poppler-utils, scripts/install-deps) is missing";
  std::string tmpl = dir_.file("assoc.md");
  write_file(tmpl,
             "---\ntitle: 〇〇県医師会版 事業継続計画\n---\n# 第１章　連絡先\n\n"
             "{{facility.name}}の連絡先は次のとおり。\n\n{{table external_contacts "
             "columns=\"organization phone\"}}\n");
  std::string out = dir_.file("assoc.pdf");
  CommandResult r = medbcp("render --out " + shell_quote(out) + " --template " + shell_quote(tmpl));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  CommandResult text = run_command("pdftotext -raw " + shell_quote(out) + " -");
  EXPECT_CONTAINS(text.output, "県医師会版");
  EXPECT_CONTAINS(text.output, "さくら内科クリニックの連絡先は次のとおり。");
}

TEST_F(RenderCommand, DocxAndXlsxConvertWithLibreOffice) {
  ASSERT_TRUE(have_tool("soffice")) << "LibreOffice (scripts/install-deps) is missing";
  for (const char* format : {"docx", "xlsx"}) {
    std::string out = dir_.file(std::string("plan.") + format);
    ASSERT_EQ(medbcp(std::string("render --out ") + shell_quote(out)).exit_code, 0);
    CommandResult convert = libreoffice_to_pdf(dir_, out);
    EXPECT_EQ(convert.exit_code, 0) << convert.output;
    std::string pdf = dir_.file(std::string("lo-out/plan.pdf"));
    ASSERT_TRUE(std::filesystem::exists(pdf)) << format << ": " << convert.output;
    {
      CommandResult text = run_command("pdftotext " + shell_quote(pdf) + " -");
      EXPECT_CONTAINS(text.output, std::string(format) == "docx" ? "総則" : "情報機器台帳");
    }
    if (std::string(format) == "docx") {
      // No page is blank but for its footer (a section break that spilled
      // onto a page of its own once made one).
      CommandResult info = run_command("pdfinfo " + shell_quote(pdf));
      const std::size_t at = info.output.find("Pages:");
      ASSERT_NE(at, std::string::npos);
      const int pages = std::stoi(info.output.substr(at + 6));
      for (int p = 1; p <= pages; ++p) {
        CommandResult page = run_command("pdftotext -f " + std::to_string(p) + " -l " +
                                         std::to_string(p) + " " + shell_quote(pdf) + " -");
        std::string squashed;
        for (char c : page.output) {
          if (c != ' ' && c != '\n' && c != '\f') squashed += c;
        }
        EXPECT_GT(squashed.size(), 80u) << "page " << p << " holds only: " << page.output;
      }
    }
    std::filesystem::remove(pdf);
  }
}

}  // namespace
