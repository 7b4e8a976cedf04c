// The 事業者確認用 sheets: one per vendor of 別紙１, read back with every row
// checked and nothing stored unless all of it reads.
#include "app/checklist_vendor.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/checklist_service.h"
#include "app/plan_service.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const core::Date kToday{2026, 12, 6};

class ChecklistVendorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-vendor-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, editor_));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  // The vendor's return: the sent sheet with `edit` applied to its rows.
  std::string filled(const VendorSheet& sent,
                     const std::function<void(std::vector<std::vector<io::XlsxCell>>&)>& edit) {
    const io::XlsxSheet read = io::read_xlsx(sent.bytes);
    io::XlsxTable t;
    t.sheet_name = "事業者確認用";
    for (const auto& h : read.rows[0]) t.columns.push_back({h, 12});
    for (std::size_t r = 1; r < read.rows.size(); ++r) {
      std::vector<io::XlsxCell> row(t.columns.size());
      for (std::size_t c = 0; c < read.rows[r].size(); ++c) row[c] = read.rows[r][c];
      t.rows.push_back(std::move(row));
    }
    edit(t.rows);
    return io::xlsx_bytes(t);
  }
  int stored() {
    int n = 0;
    for (const auto& s : vendor_statuses(*ws_, editor_, kToday)) {
      n += static_cast<int>(s.answers.size());
    }
    return n;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  core::Checklist checklist_ = default_checklist();
  Actor editor_{core::UserId(1), "事務長 山田", Role::Editor};
};

TEST_F(ChecklistVendorTest, OneSheetPerVendorWithTheManagementItems) {
  const auto sheets = vendor_sheets(*ws_, editor_, checklist_, kToday);
  ASSERT_GE(sheets.size(), 2u);
  const io::XlsxSheet read = io::read_xlsx(sheets[0].bytes);
  EXPECT_EQ(read.rows[0][3], "回答（はい／いいえ）");
  EXPECT_EQ(read.rows[1][0], "2-1");  // the vendor section only
  EXPECT_EQ(read.rows[1][7], sheets[0].vendor_name);
  // and the same sheet printed, to fill in by hand
  EXPECT_EQ(sheets[0].pdf_name,
            sheets[0].file_name.substr(0, sheets[0].file_name.size() - 5) + ".pdf");
  EXPECT_TRUE(sheets[0].pdf.starts_with("%PDF-"));
}

TEST_F(ChecklistVendorTest, AFilledSheetIsKeptWithTheVendorsNameAndDate) {
  const auto sent = vendor_sheets(*ws_, editor_, checklist_, kToday)[0];
  const std::string back = filled(sent, [](auto& rows) {
    rows[0][3] = std::string("はい");
    rows[0][4] = core::Date{2026, 11, 30};
    rows[1][3] = std::string("いいえ");
    rows[1][5] = std::string("令和9年3月31日");
    rows[1][6] = std::string("保守VPNの棚卸し中");
  });
  const auto r = import_vendor_sheet(*ws_, editor_, checklist_, back, kToday, core::Instant::now());
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
  EXPECT_EQ(r.answered, 2);
  EXPECT_EQ(r.vendor_name, sent.vendor_name);
  const auto statuses = vendor_statuses(*ws_, editor_, kToday);
  EXPECT_EQ(statuses[0].answers.size(), 2u);
  EXPECT_EQ(statuses[0].no, 1);
  EXPECT_EQ(statuses[0].answers[1].target_on, (core::Date{2027, 3, 31}));
}

// 2-2 asks whether the clinic confirmed remote maintenance with its
// vendors: the vendor's answer on its sheet is that confirmation.
TEST_F(ChecklistVendorTest, TheRemoteMaintenanceVendorsAnswerIsTheConfirmation) {
  const core::Plan plan = load_plan(*ws_);
  std::string vendor;
  for (const auto& d : plan.devices) {
    if (d.remote_maintenance) vendor = d.vendor;
  }
  ASSERT_FALSE(vendor.empty());
  auto proposal = [&] {
    for (const auto& row : assess_checklist(*ws_, editor_, checklist_, kToday).rows) {
      if (row.item.id == "2-2") return row.proposal;
    }
    return core::Proposal{};
  };
  EXPECT_EQ(proposal().answer, false);
  EXPECT_NE(proposal().why.find(vendor), std::string::npos) << proposal().why;
  for (const auto& sent : vendor_sheets(*ws_, editor_, checklist_, kToday)) {
    if (!sent.vendor_name.starts_with(vendor)) continue;  // 「… 静岡支店」
    const std::string back = filled(sent, [](auto& rows) {
      for (auto& row : rows) {
        if (std::get<std::string>(row[0]) == "2-2") row[3] = std::string("はい");
      }
    });
    ASSERT_TRUE(import_vendor_sheet(*ws_, editor_, checklist_, back, kToday, core::Instant::now())
                    .problems.empty());
  }
  EXPECT_EQ(proposal().answer, true) << proposal().why;
}

TEST_F(ChecklistVendorTest, EveryBadRowIsNamedAndNothingIsStored) {
  const auto sent = vendor_sheets(*ws_, editor_, checklist_, kToday)[0];
  const std::string back = filled(sent, [](auto& rows) {
    rows[0][3] = std::string("はい");
    rows[1][3] = std::string("いいえ");  // no target date
    rows[2][3] = std::string("たぶん");
    rows[3][3] = std::string("はい");
    rows[3][9] = std::string("よその医院");
    rows[4][3] = std::string("はい");
    rows[4][10] = std::string("令和6年度版");
    rows[5][3] = std::string("はい");
    rows[5][0] = std::string("9-9");
  });
  const auto r = import_vendor_sheet(*ws_, editor_, checklist_, back, kToday, core::Instant::now());
  ASSERT_EQ(r.problems.size(), 5u);
  EXPECT_EQ(r.problems[0].message.rfind("3行目: ", 0), 0u) << r.problems[0].message;
  EXPECT_NE(r.problems[0].message.find("目標日"), std::string::npos);
  EXPECT_NE(r.problems[2].message.find("別の施設"), std::string::npos);
  EXPECT_NE(r.problems[3].message.find("版が違います"), std::string::npos);
  EXPECT_EQ(stored(), 0);

  const auto empty =
      import_vendor_sheet(*ws_, editor_, checklist_, sent.bytes, kToday, core::Instant::now());
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_NE(empty.problems[0].message.find("回答のある行"), std::string::npos);
  const auto not_xlsx =
      import_vendor_sheet(*ws_, editor_, checklist_, "ID,項目\n", kToday, core::Instant::now());
  ASSERT_EQ(not_xlsx.problems.size(), 1u);
  EXPECT_EQ(stored(), 0);
}

}  // namespace
}  // namespace medbcp::app
