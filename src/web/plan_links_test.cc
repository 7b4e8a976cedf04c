// Where each readiness gap links to, and the per-section readiness figures.
#include "web/plan_links.h"

#include <gtest/gtest.h>

#include "core/plan_template.h"

namespace medbcp::web {
namespace {

core::Plan small_plan() {
  core::Plan p;
  p.facility.name = "テスト医院";
  p.systems.push_back({core::SystemId(7), "電子カルテシステム", "", std::nullopt, true});
  p.devices.push_back({});
  p.devices[0].id = core::DeviceId(11);
  p.devices[0].name = "受付PC";
  return p;
}

TEST(PlanLinks, RowGapsLinkToTheRecordAndField) {
  core::Plan p = small_plan();
  core::Gap gap{core::Section::Devices, "", "devices[0].location", ""};
  EXPECT_EQ(gap_link(p, gap), "/plan/devices/11#f-location");
  core::Gap vendor{core::Section::Systems, "", "systems[0].vendor", ""};
  EXPECT_EQ(gap_link(p, vendor), "/plan/systems/7#f-vendor_contact");
}

TEST(PlanLinks, MissingCoverageLinksToANewRowForTheSystem) {
  core::Plan p = small_plan();
  core::Gap gap{core::Section::Fallbacks, "", "systems[0]", ""};
  EXPECT_EQ(gap_link(p, gap), "/plan/fallbacks/new?system=7");
}

TEST(PlanLinks, SingletonAndListGaps) {
  core::Plan p = small_plan();
  EXPECT_EQ(gap_link(p, {core::Section::Officer, "", "officer.phone_day", ""}),
            "/plan/officer#f-phone_day");
  EXPECT_EQ(gap_link(p, {core::Section::Facility, "", "facility.effective_date", ""}),
            "/plan/facility#f-effective_date");
  EXPECT_EQ(gap_link(p, {core::Section::Threats, "", "threats", ""}), "/plan/threats");
  EXPECT_EQ(field_link(p, "backups[5]"), "/plan/backups");
  EXPECT_EQ(field_link(p, "something.else"), "/plan");
}

TEST(PlanLinks, ACompletePlanScoresFullAndTheTemplateDoesNot) {
  core::Plan tmpl = core::template_plan("〇〇医院");
  auto gaps = core::readiness_gaps(tmpl);
  auto figures = section_readiness(tmpl, gaps);
  ASSERT_EQ(figures.size(), 9u);
  int below_full = 0;
  for (const auto& f : figures) {
    EXPECT_GE(f.percent(), 0);
    EXPECT_LE(f.percent(), 100);
    if (f.percent() < 100) ++below_full;
  }
  EXPECT_GE(below_full, 3);

  core::Plan empty_gaps = small_plan();
  for (const auto& f : section_readiness(empty_gaps, {})) EXPECT_EQ(f.percent(), 100);
}

}  // namespace
}  // namespace medbcp::web
