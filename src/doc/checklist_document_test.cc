// The checklist printout: the clinic's sheet with its answers and signature
// lines, and the vendor's sheet — the same layout, blank to fill in by hand,
// signed by the vendor.
#include "doc/checklist_document.h"

#include <gtest/gtest.h>

#include "doc/document_text_for_tests.h"

namespace medbcp::doc {
namespace {

core::ChecklistSheet sheet() {
  core::ChecklistSheet s;
  s.title = "医療機関におけるサイバーセキュリティ対策チェックリスト";
  s.edition = "令和7年度版";
  s.facility = "さくら内科クリニック";
  s.fiscal_year = "令和8年度";
  s.lines = {{"2-2", "2 医療情報システムの管理・運用", "医療情報システム全般",
              "リモートメンテナンス（保守）を利用している機器の有無を事業者に確認した。", "はい",
              "2026-11-30", "", ""}};
  return s;
}

TEST(ChecklistDocument, TheClinicsSheetIsSignedByTheClinic) {
  const std::string text = text_of(checklist_document(sheet()));
  EXPECT_NE(text.find("（医療機関確認用）"), std::string::npos);
  EXPECT_NE(text.find("医療情報システム安全管理責任者（署名）"), std::string::npos);
  EXPECT_NE(text.find("|はい|2026-11-30|"), std::string::npos) << text;
  EXPECT_EQ(text.find("事業者の確認者"), std::string::npos);
}

TEST(ChecklistDocument, TheVendorsSheetNamesTheVendorAndLeavesEveryAnswerToFillIn) {
  core::ChecklistSheet s = sheet();
  s.vendor = "メディカルシステム株式会社";
  s.lines[0].answer.clear();
  s.lines[0].checked_on.clear();
  const Document d = checklist_document(s);
  const std::string text = text_of(d);
  EXPECT_NE(text.find("（事業者確認用）"), std::string::npos) << text;
  EXPECT_NE(text.find("事業者:メディカルシステム株式会社"), std::string::npos) << text;
  EXPECT_NE(text.find("事業者の確認者（署名）"), std::string::npos);
  EXPECT_EQ(text.find("医療情報システム安全管理責任者（署名）"), std::string::npos);
  // はい／いいえ, 確認日 and 目標日 are blanks to write in, not empty cells.
  const Table* table = nullptr;
  for (const Block& b : d.blocks)
    if (const auto* t = std::get_if<Table>(&b); t && t->name == "checklist") table = t;
  ASSERT_NE(table, nullptr);
  const auto& row = table->rows.back();
  for (int column : {3, 4, 5}) EXPECT_TRUE(has_blank(row[column])) << column;
}

}  // namespace
}  // namespace medbcp::doc
