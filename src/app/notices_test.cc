// Notices from a real incident: refused while facts are missing (each named
// with where to fill it), made once answered, in every format; issuing one
// is a timeline entry; every built-in template reads.
#include "app/notices.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/plan_service.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

using core::Instant;

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Instant kFound = Instant::from_tokyo(core::Date{2026, 11, 2}, 8, 40);
Instant at(int minutes) { return Instant{kFound.seconds + minutes * 60}; }

class NoticeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-notice-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, officer_));
    StartIncidentRequest r;
    r.threat = core::ThreatKind::TargetedEmail;
    r.discovery = {"山田 花子", kFound, "ルータの画面で", "患者名簿の外部送信", "LANを抜いた"};
    r.personal_data_leak = true;
    auto started = start_incident(*ws_, officer_, r, at(1));
    ASSERT_TRUE(started.problems.empty());
    id_ = started.id;
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  core::IncidentId id_;
  Actor officer_{core::UserId(1), "桜井 健一", Role::Admin};
  Actor staff_{core::UserId(2), "中村 さくら", Role::Staff};
};

TEST(NoticeTemplates, EveryBuiltInTemplateReads) {
  for (auto kind : core::all_notice_kinds()) {
    const auto parsed = notice_template(kind);
    EXPECT_TRUE(parsed.problems.empty()) << core::code(kind) << ": " << parsed.problems[0].message;
    EXPECT_FALSE(parsed.notice.lines.empty()) << core::code(kind);
  }
}

TEST_F(NoticeTest, APpcReportIsRefusedUntilItsFactsAreAnsweredThenMade) {
  auto refused = make_notice(*ws_, officer_, id_, core::NoticeKind::PpcPrompt, NoticeFormat::Text,
                             false, at(60));
  ASSERT_FALSE(refused.problems.empty());
  EXPECT_TRUE(refused.bytes.empty());
  EXPECT_EQ(refused.problems[0].field, "leaked_items");
  EXPECT_NE(refused.problems[0].message.find("--answer leaked_items="), std::string::npos);
  // A draft is made, with the gaps marked as such.
  auto draft = make_notice(*ws_, officer_, id_, core::NoticeKind::PpcPrompt, NoticeFormat::Text,
                           true, at(60));
  EXPECT_TRUE(draft.problems.empty());
  EXPECT_NE(draft.bytes.find("（未記入：原因）"), std::string::npos);

  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"leaked_items", "氏名、生年月日、病名"},
                                                        {"affected_people", "約1,200人"},
                                                        {"cause", "標的型メール"},
                                                        {"secondary_damage", "確認されていない"},
                                                        {"person_response", "郵送で通知予定"},
                                                        {"publication", "ウェブサイトで公表予定"},
                                                        {"prevention", "添付ファイルの制限"},
                                                        {"grounds", "要配慮個人情報、1,000人超"},
                                                        {"other", "警察に相談済み"}}) {
    ASSERT_TRUE(answer_report_item(*ws_, officer_, id_, key, value, at(70)).problems.empty());
  }
  const auto text = make_notice(*ws_, officer_, id_, core::NoticeKind::PpcPrompt,
                                NoticeFormat::Text, false, at(80));
  ASSERT_TRUE(text.problems.empty()) << text.problems[0].message;
  EXPECT_EQ(text.name, "incident-" + std::to_string(id_.value) + "-ppc-prompt.txt");
  for (const char* expected : {"【原因】\n標的型メール", "【本人の数】\n約1,200人",
                               "【報告者（事業者の名称）】\nさくら内科クリニック",
                               "令和8年11月2日 08:40 に 山田 花子 が発見"}) {
    EXPECT_NE(text.bytes.find(expected), std::string::npos) << expected << "\n" << text.bytes;
  }
  EXPECT_EQ(make_notice(*ws_, officer_, id_, core::NoticeKind::PpcPrompt, NoticeFormat::Pdf, false,
                        at(80))
                .bytes.substr(0, 5),
            "%PDF-");
  EXPECT_EQ(make_notice(*ws_, officer_, id_, core::NoticeKind::PpcFinal, NoticeFormat::Docx, false,
                        at(80))
                .bytes.substr(0, 2),
            "PK");
}

TEST_F(NoticeTest, IssuingANoticeIsOnTheTimelineAndTheStatusFollows) {
  auto view = load_incident_view(*ws_, officer_, id_, at(10));
  auto statuses = notice_statuses(view, at(10));
  ASSERT_EQ(statuses.front().kind, core::NoticeKind::PpcPrompt);
  EXPECT_TRUE(statuses.front().due);
  EXPECT_FALSE(statuses.front().issued);
  auto r = record_notice_issued(*ws_, officer_, id_, core::NoticeKind::PpcPrompt, "提出した",
                                std::nullopt, at(20));
  ASSERT_TRUE(r.problems.empty());
  EXPECT_NE(r.entry->text.find("個人情報保護委員会への漏えい等報告（速報）を提出した"),
            std::string::npos);
  view = load_incident_view(*ws_, officer_, id_, at(30));
  statuses = notice_statuses(view, at(30));
  ASSERT_TRUE(statuses.front().issued);
  EXPECT_EQ(statuses.front().issued->at, at(20));
  EXPECT_TRUE(verify_incident(*ws_, officer_, id_).ok());
  // The door notice is printed large, on one page.
  ASSERT_TRUE(answer_report_item(*ws_, officer_, id_, "resume_outlook", "12月10日から", at(40))
                  .problems.empty());
  core::Decision care;
  care.kind = core::DecisionKind::Care;
  care.care = core::CareStatus::Reduced;
  care.care_mode = "紙カルテで外来のみ";
  care.reason = "電子カルテ停止";
  ASSERT_TRUE(record_decision(*ws_, officer_, id_, care, std::nullopt, at(41)).problems.empty());
  const auto door =
      make_notice(*ws_, officer_, id_, core::NoticeKind::Door, NoticeFormat::Pdf, false, at(42));
  ASSERT_TRUE(door.problems.empty()) << door.problems[0].message;
  EXPECT_EQ(door.bytes.substr(0, 5), "%PDF-");
}

TEST_F(NoticeTest, BadAnswersAndPermissionsWriteNothing) {
  const auto entries = load_incident_view(*ws_, officer_, id_, at(5)).timeline.size();
  EXPECT_FALSE(answer_report_item(*ws_, officer_, id_, "nonsense", "x", at(5)).problems.empty());
  EXPECT_FALSE(answer_report_item(*ws_, officer_, id_, "cause", "  ", at(5)).problems.empty());
  EXPECT_THROW(answer_report_item(*ws_, staff_, id_, "cause", "x", at(5)), PermissionDenied);
  EXPECT_EQ(load_incident_view(*ws_, officer_, id_, at(6)).timeline.size(), entries);
}

}  // namespace
}  // namespace medbcp::app

namespace medbcp::app {
namespace {

TEST_F(NoticeTest, TheCostLogFeedsTheInsurersSummary) {
  EXPECT_FALSE(record_cost(*ws_, officer_, id_, {core::CostCategory::Vendor, 0, "", {}}, at(5))
                   .problems.empty());
  ASSERT_TRUE(
      record_cost(*ws_, officer_, id_, {core::CostCategory::Vendor, 150000, "調査", {}}, at(6))
          .problems.empty());
  ASSERT_TRUE(record_cost(*ws_, officer_, id_, {core::CostCategory::Overtime, 30000, "", {}}, at(7))
                  .problems.empty());
  const auto summary =
      make_notice(*ws_, officer_, id_, core::NoticeKind::Insurer, NoticeFormat::Text, true, at(10));
  EXPECT_NE(summary.bytes.find("合計 180,000円"), std::string::npos) << summary.bytes;
  EXPECT_NE(summary.bytes.find("業者の作業費　150,000円　調査"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::app
