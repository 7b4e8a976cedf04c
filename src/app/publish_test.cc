// 版の発行と周知: numbered versions with a date, the plan's 版数 kept in step,
// comparison of two versions, and each user's confirmation of reading.
#include "app/publish.h"

#include "app/render.h"

#include "app/plan_service.h"
#include "app/temp_workspace_test_util.h"

namespace medbcp::app {
namespace {

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Actor kCli{core::UserId(), "cli", Role::Admin};
const core::Instant kNow{1'710'000'000};
const core::Date kDay{2024, 4, 1};

class Publish : public TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    init_plan(ws(), kCli, "周知クリニック", false);
    ASSERT_TRUE(add_user(ws(), kCli, "editor", Role::Editor, "correct-horse").empty());
    ASSERT_TRUE(add_user(ws(), kCli, "nurse", Role::Staff, "correct-horse").empty());
    for (const auto& u : list_users(ws(), kCli)) {
      (u.role == Role::Editor ? editor_ : nurse_) = actor_for(u);
    }
  }
  Actor editor_, nurse_;
};

TEST_F(Publish, APlanWithGapsIsPublishedOnlyWhenThePublisherSaysSo) {
  ASSERT_FALSE(core::readiness_gaps(load_plan(ws())).empty());
  auto refused = publish_version(ws(), editor_, kDay, "初版", kNow);
  EXPECT_FALSE(refused.version);
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "accept_gaps");
  EXPECT_NE(refused.problems[0].message.find("不備が"), std::string::npos);
  EXPECT_TRUE(list_versions(ws()).empty());

  auto published = publish_version(ws(), editor_, kDay, "初版", kNow, OpenGaps::PublishAnyway);
  ASSERT_TRUE(published.version);
  EXPECT_EQ(list_versions(ws()).size(), 1u);
}

TEST_F(Publish, EditionsCountUpAndTheFacilityFollows) {
  auto first = publish_version(ws(), editor_, kDay, "初版", kNow, OpenGaps::PublishAnyway);
  ASSERT_TRUE(first.problems.empty());
  EXPECT_EQ(first.version->edition, 1);
  auto second = publish_version(ws(), editor_, kDay.plus_days(30), "連絡先を更新", kNow,
                                OpenGaps::PublishAnyway);
  ASSERT_TRUE(second.problems.empty());
  EXPECT_EQ(second.version->edition, 2);
  EXPECT_EQ(load_plan(ws()).facility.edition, 2);
  auto versions = list_versions(ws());
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].edition, 2);
  EXPECT_EQ(versions[0].note, "連絡先を更新");
  EXPECT_EQ(current_version(ws())->id, second.version->id);
}

// A new demo said 第2版 and 未発行, and its first publish 「第2版 … 最初の版です」.
TEST_F(Publish, TheDemosFirstPublishedVersionIsTheFirstEdition) {
  auto demo = Workspace::open(store::test_database_location(dir_ / "demo.db"));
  ASSERT_TRUE(ensure_demo_plan(*demo, kCli));
  EXPECT_EQ(load_plan(*demo).facility.edition, 1);
  auto first = publish_version(*demo, kCli, kDay, "初版", kNow);
  ASSERT_TRUE(first.problems.empty());
  EXPECT_EQ(first.version->edition, 1);
}

// The printed plan carries its 改定履歴: every published 版 with its note.
TEST_F(Publish, ThePrintedPlanListsThePublishedVersions) {
  auto demo = Workspace::open(store::test_database_location(dir_ / "history.db"));
  ASSERT_TRUE(ensure_demo_plan(*demo, kCli));
  ASSERT_TRUE(publish_version(*demo, kCli, kDay, "制定", kNow).problems.empty());
  ASSERT_TRUE(
      update_plan(*demo, kCli, [](core::Plan& p) { p.facility.phone = "054-999"; }).empty());
  ASSERT_TRUE(publish_version(*demo, kCli, kDay, "電話番号を変更", kNow).problems.empty());
  const auto revisions = plan_revisions(*demo);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].edition, 1);
  EXPECT_EQ(revisions[1].note, "電話番号を変更");
  const std::string html = render_stored_plan(*demo, kCli, Format::Html, {});
  EXPECT_NE(html.find("改定履歴"), std::string::npos);
  EXPECT_LT(html.find("制定"), html.find("電話番号を変更"));
}

TEST_F(Publish, StaffMayNotPublishAndADateIsNeeded) {
  EXPECT_THROW(publish_version(ws(), nurse_, kDay, "", kNow, OpenGaps::PublishAnyway),
               PermissionDenied);
  auto no_date = publish_version(ws(), editor_, core::Date{}, "", kNow, OpenGaps::PublishAnyway);
  ASSERT_EQ(no_date.problems.size(), 1u);
  EXPECT_EQ(no_date.problems[0].field, "published_on");
  EXPECT_TRUE(list_versions(ws()).empty());
}

TEST_F(Publish, TwoVersionsDifferByWhatChangedBetweenThem) {
  auto v1 = publish_version(ws(), editor_, kDay, "", kNow, OpenGaps::PublishAnyway).version.value();
  ASSERT_TRUE(
      update_plan(ws(), editor_, [](core::Plan& p) { p.facility.phone = "054-999"; }).empty());
  auto v2 = publish_version(ws(), editor_, kDay, "", kNow, OpenGaps::PublishAnyway).version.value();
  auto changes = diff_versions(ws(), nurse_, v1.id, v2.id);
  ASSERT_TRUE(changes);
  bool phone = false;
  for (const auto& c : *changes) {
    for (const auto& f : c.fields) phone = phone || (f.field == "phone" && f.after == "054-999");
  }
  EXPECT_TRUE(phone);
  EXPECT_FALSE(diff_versions(ws(), nurse_, v1.id, 999));
}

TEST_F(Publish, EachUserConfirmsReadingOnceAndTheRestAreListedFirst) {
  auto v = publish_version(ws(), editor_, kDay, "", kNow, OpenGaps::PublishAnyway).version.value();
  auto status = reading_status(ws(), editor_, v.id);
  ASSERT_EQ(status.size(), 2u);
  EXPECT_FALSE(status[0].acknowledged_at);
  EXPECT_FALSE(status[1].acknowledged_at);

  ASSERT_TRUE(acknowledge_version(ws(), nurse_, v.id, kNow).empty());
  ASSERT_TRUE(acknowledge_version(ws(), nurse_, v.id, core::Instant{kNow.seconds + 100}).empty());
  EXPECT_EQ(acknowledged_at(ws(), nurse_.user, v.id)->seconds, kNow.seconds);

  status = reading_status(ws(), editor_, v.id);
  EXPECT_EQ(status[0].user.name, "editor");
  EXPECT_FALSE(status[0].acknowledged_at);
  EXPECT_EQ(status[1].user.name, "nurse");
  EXPECT_TRUE(status[1].acknowledged_at);
  EXPECT_THROW(reading_status(ws(), nurse_, v.id), PermissionDenied);
}

TEST_F(Publish, ANewVersionNeedsANewConfirmation) {
  auto v1 = publish_version(ws(), editor_, kDay, "", kNow, OpenGaps::PublishAnyway).version.value();
  ASSERT_TRUE(acknowledge_version(ws(), nurse_, v1.id, kNow).empty());
  auto v2 = publish_version(ws(), editor_, kDay, "", kNow, OpenGaps::PublishAnyway).version.value();
  EXPECT_FALSE(acknowledged_at(ws(), nurse_.user, v2.id));
}

TEST_F(Publish, TheCliCannotConfirmForAPerson) {
  auto v = publish_version(ws(), editor_, kDay, "", kNow, OpenGaps::PublishAnyway).version.value();
  EXPECT_FALSE(acknowledge_version(ws(), kCli, v.id, kNow).empty());
}

}  // namespace
}  // namespace medbcp::app
