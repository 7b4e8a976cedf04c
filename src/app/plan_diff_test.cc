// The record-by-record comparison used by history and version pages.
#include "app/plan_diff.h"

#include <gtest/gtest.h>

namespace medbcp::app {
namespace {

TEST(PlanDiff, SingletonReportsOnlyChangedFields) {
  auto changes = diff_section("officer", R"({"name":"山田","phone_day":""})",
                              R"({"name":"山田","phone_day":"054"})");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::Changed);
  ASSERT_EQ(changes[0].fields.size(), 1u);
  EXPECT_EQ(changes[0].fields[0].field, "phone_day");
  EXPECT_EQ(changes[0].fields[0].after, "054");
}

TEST(PlanDiff, ListRecordsAreMatchedById) {
  auto changes = diff_section("devices",
                              R"([{"id":1,"name":"受付PC","ip_address":"10.0.0.1"},
                                  {"id":2,"name":"サーバ"}])",
                              R"([{"id":1,"name":"受付PC","ip_address":"10.0.0.9"},
                                  {"id":3,"name":"ルータ","internet_facing":true}])");
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].kind, ChangeKind::Changed);
  EXPECT_EQ(changes[0].record_label, "受付PC");
  EXPECT_EQ(changes[0].fields.at(0).before, "10.0.0.1");
  EXPECT_EQ(changes[1].kind, ChangeKind::Added);
  EXPECT_EQ(changes[1].record_id, 3);
  EXPECT_EQ(changes[1].fields.size(), 2u);  // name and internet_facing
  EXPECT_EQ(changes[2].kind, ChangeKind::Removed);
  EXPECT_EQ(changes[2].record_label, "サーバ");
}

TEST(PlanDiff, AChangedOrderIsReportedOnce) {
  auto changes = diff_section("internal_contacts", R"([{"id":1,"name":"A"},{"id":2,"name":"B"}])",
                              R"([{"id":2,"name":"B"},{"id":1,"name":"A"}])");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::Reordered);
}

TEST(PlanDiff, NoDifferenceNoChanges) {
  EXPECT_TRUE(
      diff_section("threats", R"([{"id":1,"title":"x"}])", R"([{"id":1,"title":"x"}])").empty());
}

TEST(PlanDiff, WholePlansAreComparedSectionBySection) {
  auto changes =
      diff_plans(R"({"facility":{"name":"A","edition":1},"devices":[]})",
                 R"({"facility":{"name":"A","edition":2},"devices":[{"id":1,"name":"PC"}]})");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].section, "facility");
  EXPECT_EQ(changes[1].section, "devices");
  EXPECT_EQ(changes[1].kind, ChangeKind::Added);
}

}  // namespace
}  // namespace medbcp::app
