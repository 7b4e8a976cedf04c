// The files the web app hands out and takes in: the plan document in each
// format from the 計画 page, and 別紙２ to and from Excel — export, then an
// import shown first as what would change, applied once, all or nothing.
#include <gtest/gtest.h>

#include <regex>

#include "app/plan_service.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A CSV line in the column order of the export (19 columns); `cells` sets
// some of them by index: 0 管理番号, 1 機器名, 2 種別, 4 設置場所, 14 導入日,
// 16 状態.
std::string ledger_row(std::initializer_list<std::pair<int, std::string>> cells) {
  std::vector<std::string> fields(19);
  for (const auto& [index, text] : cells) fields[index] = text;
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
  return line + "\r\n";
}

std::string upload_token(const std::string& html) {
  static const std::regex re("name=\"upload\" value=\"([0-9a-f]{32})\"");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

class WebFiles : public WebServerTest {
 protected:
  httplib::Result upload(TestBrowser& b, const std::string& name, const std::string& bytes,
                         bool with_token = true) {
    return b.post_multipart("/plan/devices/import", {{"ledger", bytes, name, "text/csv"}},
                            with_token);
  }
  const core::Device* device(const std::string& asset) {
    plan_ = app::load_plan(*ws_);
    for (const auto& d : plan_.devices) {
      if (d.asset_number == asset) return &d;
    }
    return nullptr;
  }
  core::Plan plan_;
};

TEST_F(WebFiles, ThePlanPageOffersTheDocumentInEveryFormat) {
  TestBrowser staff = signed_in("staff");
  const std::string page = staff.get("/plan")->body;
  for (const char* format : {"pdf", "docx", "html", "xlsx"}) {
    const std::string href = std::string("/plan/document.") + format;
    EXPECT_TRUE(contains(page, "href=\"" + href + "\"")) << format;
    auto file = staff.get(href);
    ASSERT_EQ(file->status, 200) << format;
    EXPECT_EQ(file->get_header_value("Content-Disposition"),
              std::string("attachment; filename=\"medbcp-plan.") + format + "\"");
    const std::string_view f = format;
    const char* magic = f == "pdf" ? "%PDF-" : f == "html" ? "<!DOCTYPE html>" : "PK";
    EXPECT_TRUE(file->body.starts_with(magic)) << format;
  }
  // 閲覧 reads the plan on screen but takes no file out.
  TestBrowser viewer = signed_in("viewer");
  EXPECT_FALSE(contains(viewer.get("/plan")->body, "/plan/document.pdf"));
  EXPECT_EQ(viewer.get("/plan/document.pdf")->status, 403);
  EXPECT_EQ(staff.get("/plan/document.odt")->status, 404);
}

TEST_F(WebFiles, TheLedgerGoesToExcelAndComesBackUnchanged) {
  TestBrowser editor = signed_in("editor");
  const std::string ledger = editor.get("/plan/devices")->body;
  EXPECT_TRUE(contains(ledger, "href=\"/plan/devices/export.xlsx\""));
  EXPECT_TRUE(contains(ledger, "href=\"/plan/devices/import\""));
  auto xlsx = editor.get("/plan/devices/export.xlsx");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_TRUE(xlsx->body.starts_with("PK"));
  auto sjis = editor.get("/plan/devices/export.csv?encoding=cp932");
  ASSERT_EQ(sjis->status, 200);
  EXPECT_EQ(sjis->get_header_value("Content-Type"), "text/csv; charset=Shift_JIS");
  EXPECT_FALSE(contains(sjis->body, "管理番号"));                         // not UTF-8
  EXPECT_TRUE(contains(sjis->body, "\x8a\xc7\x97\x9d\x94\xd4\x8d\x86"));  // 管理番号 in CP932

  editor.get("/plan/devices/import");
  for (const std::string* file : {&xlsx->body, &sjis->body}) {
    auto preview = upload(editor, "ledger", *file);
    ASSERT_EQ(preview->status, 200) << preview->body;
    EXPECT_TRUE(contains(preview->body, "台帳と同じ内容です")) << preview->body;
    EXPECT_TRUE(upload_token(preview->body).empty());
  }
}

TEST_F(WebFiles, AnImportIsShownFirstThenAppliedOnce) {
  TestBrowser editor = signed_in("editor");
  std::string csv = editor.get("/plan/devices/export.csv")->body;  // UTF-8 with BOM
  const std::size_t at = csv.find("サーバ室");
  ASSERT_NE(at, std::string::npos);
  csv.replace(at, std::string("サーバ室").size(), "第2サーバ室");
  csv += ledger_row({{0, "NEW-001"},
                     {1, "来客用タブレット"},
                     {2, "モバイル端末"},
                     {4, "待合室"},
                     {16, "稼働中"}});
  const std::string location_before = device("SV-001")->location;

  editor.get("/plan/devices/import");
  EXPECT_EQ(upload(editor, "ledger.csv", csv, false)->status, 403);  // CSRF
  auto preview = upload(editor, "ledger.csv", csv);
  ASSERT_EQ(preview->status, 200) << preview->body;
  EXPECT_TRUE(contains(preview->body, "追加 1 件"));
  EXPECT_TRUE(contains(preview->body, "更新 1 件"));
  EXPECT_TRUE(contains(preview->body, "「サーバ室」→「第2サーバ室」"));
  EXPECT_TRUE(contains(preview->body, "NEW-001「来客用タブレット」"));
  // Only a preview so far.
  EXPECT_EQ(device("SV-001")->location, location_before);
  EXPECT_EQ(device("NEW-001"), nullptr);

  const std::string token = upload_token(preview->body);
  ASSERT_FALSE(token.empty());
  // Another account cannot apply this person's upload.
  TestBrowser admin = signed_in("admin");
  admin.get("/plan/devices/import");
  EXPECT_EQ(admin.post("/plan/devices/import/apply", {{"upload", token}})->status, 410);

  auto applied = editor.post("/plan/devices/import/apply", {{"upload", token}});
  ASSERT_EQ(applied->status, 303) << applied->body;
  EXPECT_EQ(applied->get_header_value("Location"), "/plan/devices?notice=imported");
  EXPECT_EQ(device("SV-001")->location, "第2サーバ室");
  ASSERT_NE(device("NEW-001"), nullptr);
  EXPECT_EQ(device("NEW-001")->kind, core::DeviceKind::Mobile);
  // Once only.
  editor.get("/plan/devices/import");
  EXPECT_EQ(editor.post("/plan/devices/import/apply", {{"upload", token}})->status, 410);
}

TEST_F(WebFiles, AFileWithBadRowsNamesEveryRowAndChangesNothing) {
  TestBrowser editor = signed_in("editor");
  std::string csv = editor.get("/plan/devices/export.csv")->body;
  csv += ledger_row({{0, "BAD-1"}, {1, "壊れた行"}, {2, "謎の種別"}, {16, "稼働中"}});
  csv += ledger_row({{0, "BAD-2"}, {1, "日付の誤り"}, {14, "2024/13/45"}, {16, "稼働中"}});
  const std::size_t before = app::load_plan(*ws_).devices.size();
  editor.get("/plan/devices/import");
  auto preview = upload(editor, "ledger.csv", csv);
  EXPECT_EQ(preview->status, 422);
  EXPECT_TRUE(contains(preview->body, "台帳は変更していません"));
  const std::size_t rows = app::load_plan(*ws_).devices.size() + 2;  // header + data rows
  EXPECT_TRUE(contains(preview->body, "行 " + std::to_string(rows) + "・列 種別")) << preview->body;
  EXPECT_TRUE(contains(preview->body, "行 " + std::to_string(rows + 1) + "・列 導入日"));
  EXPECT_TRUE(upload_token(preview->body).empty());
  EXPECT_EQ(app::load_plan(*ws_).devices.size(), before);
  // Nothing chosen at all.
  EXPECT_EQ(upload(editor, "", "")->status, 422);
}

TEST_F(WebFiles, StaffMayExportTheLedgerButNotImportIt) {
  TestBrowser staff = signed_in("staff");
  EXPECT_EQ(staff.get("/plan/devices/export.xlsx")->status, 200);
  EXPECT_FALSE(contains(staff.get("/plan/devices")->body, "href=\"/plan/devices/import\""));
  EXPECT_EQ(staff.get("/plan/devices/import")->status, 403);
  EXPECT_EQ(upload(staff, "ledger.csv", "管理番号,機器名\r\nX-1,x\r\n")->status, 403);
}

}  // namespace
}  // namespace medbcp::web
