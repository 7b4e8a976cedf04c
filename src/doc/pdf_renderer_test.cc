#include "doc/pdf_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/demo_plan.h"
#include "core/numbering.h"
#include "core/plan_template.h"
#include "core/wareki.h"
#include "doc/plan_document.h"
#include "doc/render_test_util.h"
#include "doc/template_parser.h"

namespace medbcp::doc {
namespace {

using ::testing::HasSubstr;
using namespace testing;

// Reports only the missing phrase (a whole PDF's text is too much to print).
#define EXPECT_CONTAINS(text, phrase) \
  EXPECT_TRUE((text).find(phrase) != std::string::npos) << "missing: " << (phrase)
#define EXPECT_LACKS(text, phrase) \
  EXPECT_TRUE((text).find(phrase) == std::string::npos) << "unexpected: " << (phrase)

Document build(const core::Plan& plan) {
  return build_plan_document(plan, parse_template(default_template_text()).tmpl);
}

// Text without line breaks and spaces (also U+3000), so a phrase is found
// whole wherever the layout broke or spaced it.
std::string without_spaces(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    if (s[i] != '\n' && s[i] != ' ' && s[i] != '\f') out += s[i];
  }
  return out;
}

// pdftotext's text of the PDF in drawing order, flattened.
std::string pdf_text(const std::string& pdf, const ScratchDir& dir, const char* options = "-raw") {
  write_file(dir.file("plan.pdf"), pdf);
  CommandResult r = run_command(std::string("pdftotext ") + options + " " +
                                shell_quote(dir.file("plan.pdf")) + " -");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return without_spaces(r.output);
}

class PdfRenderer : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(have_tool("pdftotext"))
        << "pdftotext (poppler-utils, scripts/install-deps) is missing";
  }
  ScratchDir dir_;
};

TEST_F(PdfRenderer, TextIsSelectableAndHoldsEveryChapterAndTheFacility) {
  core::Plan plan = core::demo_plan();
  PdfInfo info;
  std::string pdf = render_pdf(build(plan), &info);
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  std::string text = pdf_text(pdf, dir_);
  for (const char* heading : {"第１章総則",
                              "策定目的",
                              "基本方針",
                              "対象範囲",
                              "想定する事象",
                              "文書の管理および周知",
                              "第２章体制整備",
                              "医療情報システム安全管理責任者",
                              "情報機器台帳",
                              "代替運用",
                              "バックアップ体制",
                              "第３章サイバーインシデント発生時の対応",
                              "初動対応",
                              "発生事象の発見・報告",
                              "被害拡大防止・二次被害抑止",
                              "証拠保全・原因調査",
                              "外部関係先への連絡",
                              "業務継続対応",
                              "業務復旧対応",
                              "診療可否の判断と診療形態の決定",
                              "附則",
                              "別紙１連絡体制図",
                              "別紙２情報機器台帳",
                              "目次"}) {
    EXPECT_CONTAINS(text, heading);
  }
  EXPECT_CONTAINS(text, without_spaces(plan.facility.name));
  EXPECT_CONTAINS(
      text, "本ＢＣＰは、" + core::format_wareki(*plan.facility.effective_date) + "から施行する");
  EXPECT_EQ(info.missing_glyphs, 0) << "characters without a font (tofu)";
  EXPECT_GT(info.pages, 8);
}

TEST_F(PdfRenderer, EveryFallbackAndBackupRowIsPrinted) {
  core::Plan plan = core::demo_plan();
  std::string text = pdf_text(render_pdf(build(plan)), dir_);
  for (const core::FallbackOperation& f : plan.fallbacks) {
    EXPECT_CONTAINS(text, without_spaces(f.business));
    EXPECT_CONTAINS(text, without_spaces(f.fallback));
  }
  for (const core::BackupPlan& b : plan.backups) {
    EXPECT_CONTAINS(text, without_spaces(b.method));
    EXPECT_CONTAINS(text, without_spaces(b.restore_method));
  }
  for (const core::Device& d : plan.devices) EXPECT_CONTAINS(text, without_spaces(d.asset_number));
  for (const core::ExternalContact& c : plan.external_contacts) EXPECT_CONTAINS(text, c.phone);
}

TEST_F(PdfRenderer, FooterCarriesFacilityEditionAndEffectiveDateOnEveryBodyPage) {
  core::Plan plan = core::demo_plan();
  PdfInfo info;
  std::string pdf = render_pdf(build(plan), &info);
  write_file(dir_.file("plan.pdf"), pdf);
  std::string edition = "第" + core::full_width_number(plan.facility.edition) + "版";
  for (int page = 2; page <= info.pages; ++page) {
    CommandResult r =
        run_command("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                    shell_quote(dir_.file("plan.pdf")) + " -");
    std::string t = without_spaces(r.output);
    EXPECT_CONTAINS(t, std::to_string(page) + "/" + std::to_string(info.pages)) << "page " << page;
    EXPECT_CONTAINS(t, edition) << "page " << page;
    EXPECT_CONTAINS(t, core::format_wareki(*plan.facility.effective_date) + "施行")
        << "page " << page;
  }
}

TEST_F(PdfRenderer, ContentsListsPageNumbersOfChapters) {
  std::string pdf = render_pdf(build(core::demo_plan()));
  write_file(dir_.file("plan.pdf"), pdf);
  CommandResult toc =
      run_command("pdftotext -f 2 -l 2 -layout " + shell_quote(dir_.file("plan.pdf")) + " -");
  ASSERT_THAT(toc.output, HasSubstr("目次"));
  // The page the contents give for 附則 is the page where 附則 is.
  std::string line;
  std::istringstream lines(toc.output);
  int page = 0;
  while (std::getline(lines, line))
    if (line.find("附則") != std::string::npos)
      page = std::atoi(line.substr(line.find_last_of(' ') + 1).c_str());
  ASSERT_GT(page, 2);
  CommandResult at =
      run_command("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                  shell_quote(dir_.file("plan.pdf")) + " -");
  EXPECT_THAT(at.output, HasSubstr("附則"));
}

TEST_F(PdfRenderer, MissingFieldsPrintAsVisibleBlanks) {
  core::Plan plan = core::template_plan("");
  std::string text = pdf_text(render_pdf(build(plan)), dir_);
  EXPECT_LACKS(text, "〇〇");
  EXPECT_LACKS(text, "○○");
  EXPECT_CONTAINS(text, "＿＿＿＿（以下、当院という）");
  EXPECT_CONTAINS(text, "令和＿＿年＿＿月＿＿日から施行する");
  EXPECT_CONTAINS(text, "＿＿（院長）を当院における");
}

TEST_F(PdfRenderer, ALongLedgerRepeatsItsHeaderOnEveryPage) {
  core::Plan plan = core::demo_plan();
  std::vector<core::Device> devices;
  for (int i = 0; i < 200; ++i) {
    core::Device d = plan.devices[i % plan.devices.size()];
    d.asset_number = "Z-" + std::to_string(1000 + i);
    devices.push_back(d);
  }
  plan.devices = devices;
  PdfInfo info;
  std::string pdf = render_pdf(build(plan), &info);
  write_file(dir_.file("plan.pdf"), pdf);
  int ledger_pages = 0;
  for (int page = 1; page <= info.pages; ++page) {
    CommandResult r =
        run_command("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                    shell_quote(dir_.file("plan.pdf")) + " -");
    if (r.output.find("Z-1") == std::string::npos) continue;
    ++ledger_pages;
    EXPECT_CONTAINS(r.output, "管理番号") << "page " << page;
    EXPECT_CONTAINS(r.output, "最終棚卸日") << "page " << page;
  }
  EXPECT_GT(ledger_pages, 3);
  // Every row once: no row lost or printed twice across page breaks.
  std::string text = pdf_text(pdf, dir_);
  for (int i = 0; i < 200; ++i) {
    std::string asset = "Z-" + std::to_string(1000 + i);
    std::size_t first = text.find(asset);
    EXPECT_NE(first, std::string::npos) << asset;
  }
}

TEST_F(PdfRenderer, AParagraphLongerThanAPageContinuesOnTheNext) {
  Document doc;
  doc.title = "試験";
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "長い段落の文。";
  long_text += "終わり";
  doc.blocks.push_back(Heading{1, "", "見出し", "h1"});
  doc.blocks.push_back(Paragraph{Paragraph::Style::Body, plain(long_text)});
  PdfInfo info;
  std::string text = pdf_text(render_pdf(doc, &info), dir_);
  EXPECT_GE(info.pages, 4);  // cover, contents, two pages of text
  EXPECT_CONTAINS(text, "終わり");
}

}  // namespace
}  // namespace medbcp::doc
