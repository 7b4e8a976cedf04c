// The checklist on a clinic's workspace (both engines): the shipped edition
// reads, medbcp proposes from the demo clinic's records, a person answers
// and overrides, an answer whose evidence lapses is shown and reminded, and
// a bad answer stores nothing.
#include "app/checklist_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/plan_service.h"
#include "app/reminders.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const core::Date kToday{2026, 12, 6};
// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const core::Instant kNow = core::Instant::from_tokyo(kToday, 10, 0);

class ChecklistServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-checklist-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, editor_, kNow));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  const ChecklistRow& row(const ChecklistAssessment& a, const std::string& id) {
    auto it = std::find_if(a.rows.begin(), a.rows.end(),
                           [&](const ChecklistRow& r) { return r.item.id == id; });
    EXPECT_NE(it, a.rows.end()) << id;
    return *it;
  }
  ChecklistAssessment assess(core::Date today = kToday) {
    return assess_checklist(*ws_, editor_, checklist_, today);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  core::Checklist checklist_ = default_checklist();
  Actor editor_{core::UserId(1), "事務長 山田", Role::Editor};
  Actor viewer_{core::UserId(2), "閲覧者", Role::Viewer};
};

TEST_F(ChecklistServiceTest, TheShippedEditionReadsWithEveryPublishedItem) {
  EXPECT_EQ(checklist_.edition, "令和7年度版");
  for (const char* id : {"0", "1-1", "2-1", "2-7", "2-11", "2-13", "3-1", "3-2", "3-3"}) {
    EXPECT_NE(checklist_.find(id), nullptr) << id;
  }
  EXPECT_TRUE(checklist_.find("2-4")->unconfirmed);  // still marked until checked
  EXPECT_GE(checklist_.bcp_items.size(), 10u);
}

TEST_F(ChecklistServiceTest, TheRecordsProposeAnswersAndAPersonOverridesWithAReason) {
  auto a = assess();
  EXPECT_EQ(row(a, "1-1").effective, true);
  EXPECT_FALSE(row(a, "1-1").answered_by_person);
  EXPECT_NE(row(a, "1-1").proposal.why.find("安全管理責任者"), std::string::npos);
  EXPECT_EQ(row(a, "2-4").effective, std::nullopt);  // only a person knows
  EXPECT_EQ(row(a, "3-3").effective, false);         // the demo plan is not published yet

  ChecklistAnswerRequest no;
  no.item_id = "2-4";
  no.target_on = core::Date{2027, 3, 31};
  no.note = "職種別の権限は未設定。業者に依頼済み";
  ASSERT_TRUE(answer_checklist_item(*ws_, editor_, checklist_, no, kToday, kNow).empty());
  ChecklistAnswerRequest override_yes;
  override_yes.item_id = "3-3";
  override_yes.yes = true;
  override_yes.note = "紙の計画を院長が承認済み（電子版は来月発行）";
  ASSERT_TRUE(answer_checklist_item(*ws_, editor_, checklist_, override_yes, kToday, kNow).empty());

  a = assess();
  EXPECT_EQ(row(a, "2-4").effective, false);
  EXPECT_EQ(row(a, "2-4").answer->target_on, (core::Date{2027, 3, 31}));
  EXPECT_EQ(row(a, "2-4").answer->answered_by, "事務長 山田");
  // The proposal is kept beside the override.
  EXPECT_EQ(row(a, "3-3").effective, true);
  EXPECT_EQ(row(a, "3-3").answer->proposed, false);
  EXPECT_FALSE(row(a, "3-3").answer->proposal_reason.empty());
  EXPECT_TRUE(row(a, "3-3").lapsed);  // はい, while the records still say いいえ

  // Next 年度 starts empty, with this one beside it.
  const auto next = assess(core::Date{2027, 4, 2});
  EXPECT_FALSE(row(next, "2-4").answer);
  ASSERT_TRUE(row(next, "2-4").last_year);
  EXPECT_FALSE(row(next, "2-4").last_year->yes);
}

TEST_F(ChecklistServiceTest, ATargetPassedAndALapsedAnswerAreReminders) {
  ChecklistAnswerRequest no;
  no.item_id = "2-9";
  no.target_on = core::Date{2026, 12, 20};
  ASSERT_TRUE(answer_checklist_item(*ws_, editor_, checklist_, no, kToday, kNow).empty());
  auto kinds = [&](core::Date today) {
    std::vector<core::ReminderKind> out;
    for (const auto& r : current_reminders(*ws_, editor_, today)) {
      if (r.field == "checklist:2-9") out.push_back(r.kind);
    }
    return out;
  };
  EXPECT_EQ(kinds(kToday).size(), 1u);  // due soon
  const auto later = current_reminders(*ws_, editor_, core::Date{2027, 1, 5});
  const auto overdue = std::find_if(later.begin(), later.end(), [](const core::Reminder& r) {
    return r.field == "checklist:2-9";
  });
  ASSERT_NE(overdue, later.end());
  EXPECT_EQ(overdue->urgency, core::Urgency::Overdue);
  EXPECT_EQ(assess(core::Date{2027, 1, 5}).target_passed, 1);
}

TEST_F(ChecklistServiceTest, TheGateAnsweredNoLeavesNothingElseToAnswer) {
  ChecklistAnswerRequest gate;
  gate.item_id = "0";
  gate.target_on = core::Date{2027, 3, 31};
  ASSERT_TRUE(answer_checklist_item(*ws_, editor_, checklist_, gate, kToday, kNow).empty());
  const auto a = assess();
  EXPECT_TRUE(row(a, "1-1").not_applicable);
  EXPECT_EQ(a.yes + a.no + a.unanswered, 1);
}

TEST_F(ChecklistServiceTest, ABadAnswerNamesItsFieldAndStoresNothing) {
  auto field = [&](const ChecklistAnswerRequest& r) {
    const auto problems = answer_checklist_item(*ws_, editor_, checklist_, r, kToday, kNow);
    return problems.empty() ? std::string() : problems.front().field;
  };
  ChecklistAnswerRequest unknown;
  unknown.item_id = "9-9";
  unknown.yes = true;
  EXPECT_EQ(field(unknown), "item");
  ChecklistAnswerRequest no_target;
  no_target.item_id = "2-4";
  EXPECT_EQ(field(no_target), "target_on");
  ChecklistAnswerRequest future;
  future.item_id = "2-4";
  future.yes = true;
  future.checked_on = core::Date{2027, 1, 1};
  EXPECT_EQ(field(future), "checked_on");
  EXPECT_FALSE(row(assess(), "2-4").answer);
  ChecklistAnswerRequest full_width;  // typed as the printed sheet shows it
  full_width.item_id = "２－４";
  full_width.yes = true;
  EXPECT_EQ(field(full_width), "");
  ChecklistAnswerRequest r;
  r.item_id = "1-1";
  r.yes = true;
  EXPECT_THROW(answer_checklist_item(*ws_, viewer_, checklist_, r, kToday, kNow), PermissionDenied);
}

}  // namespace
}  // namespace medbcp::app
