#include "core/incident.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

Plan plan_with_system_and_device() {
  Plan plan;
  InScopeSystem system;
  system.id = SystemId(1);
  system.name = "電子カルテシステム";
  plan.systems.push_back(system);
  Device d;
  d.id = DeviceId(9);
  d.name = "受付PC";
  d.asset_number = "PC-01";
  plan.devices.push_back(d);
  return plan;
}

Incident valid_incident() {
  Incident i;
  i.discovery.discoverer = "佐藤";
  i.discovery.situation = "脅迫文";
  i.discovery.discovered_at = Instant{1000};
  i.aware_at = Instant{1000};
  i.systems = {{SystemId(1), ""}};
  i.devices = {{DeviceId(9), "", ""}};
  return i;
}

TEST(IncidentTest, ValidIncidentHasNoProblems) {
  EXPECT_TRUE(validate_new_incident(valid_incident(), plan_with_system_and_device(), Instant{2000})
                  .empty());
}

TEST(IncidentTest, RequiresDiscovererAndSituation) {
  Incident i = valid_incident();
  i.discovery.discoverer = "　";
  i.discovery.situation = "";
  auto problems = validate_new_incident(i, plan_with_system_and_device(), Instant{2000});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "discovery.discoverer");
  EXPECT_EQ(problems[1].field, "discovery.situation");
}

TEST(IncidentTest, RejectsUnknownOrRepeatedReferencesAndFutureTimes) {
  Incident i = valid_incident();
  i.systems.push_back({SystemId(1), ""});
  i.devices.push_back({DeviceId(77), "", ""});
  i.aware_at = Instant{2000 + 301};
  auto problems = validate_new_incident(i, plan_with_system_and_device(), Instant{2000});
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].field, "aware_at");
  EXPECT_EQ(problems[1].field, "systems");
  EXPECT_EQ(problems[1].row, 2);
  EXPECT_EQ(problems[2].field, "devices");
  i = valid_incident();
  i.aware_at = Instant{2000 + 300};  // five minutes of clock difference is fine
  EXPECT_TRUE(validate_new_incident(i, plan_with_system_and_device(), Instant{2000}).empty());
}

TEST(IncidentTest, NamesAffectedFromPlan) {
  Incident i = valid_incident();
  name_affected_from_plan(i, plan_with_system_and_device());
  EXPECT_EQ(i.systems[0].name, "電子カルテシステム");
  EXPECT_EQ(i.devices[0].name, "受付PC");
  EXPECT_EQ(i.devices[0].asset_number, "PC-01");
}

}  // namespace
}  // namespace medbcp::core
