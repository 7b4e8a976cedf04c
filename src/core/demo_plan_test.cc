#include "core/demo_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/plan_validation.h"
#include "core/readiness.h"
#include "core/wareki.h"

namespace medbcp::core {
namespace {

TEST(DemoPlanTest, IsCompleteAndValid) {
  const Plan p = demo_plan();
  EXPECT_TRUE(readiness_gaps(p).empty());
  EXPECT_TRUE(validate_plan(p).empty());
}

TEST(DemoPlanTest, TakesEffectOnReiwa6April1) {
  const Plan p = demo_plan();
  ASSERT_TRUE(p.facility.effective_date);
  EXPECT_EQ(format_wareki(*p.facility.effective_date), "令和６年４月１日");
}

TEST(DemoPlanTest, CoversEveryExternalCategory) {
  const Plan p = demo_plan();
  std::set<ExternalCategory> seen;
  for (const auto& c : p.external_contacts) seen.insert(c.category);
  for (ExternalCategory c : kExternalCategories) EXPECT_TRUE(seen.contains(c)) << code(c);
}

TEST(DemoPlanTest, EverySystemHasAVendorWhoIsCalledFirst) {
  const Plan p = demo_plan();
  for (const auto& s : p.systems) {
    ASSERT_TRUE(s.vendor) << s.name;
    const ExternalContact* vendor = p.find_external(*s.vendor);
    ASSERT_NE(vendor, nullptr) << s.name;
    EXPECT_EQ(vendor->category, ExternalCategory::SystemVendor) << s.name;
    EXPECT_TRUE(vendor->notify_on_incident) << s.name;
  }
}

TEST(DemoPlanTest, HasEveryKindOfDevice) {
  const Plan p = demo_plan();
  std::set<DeviceKind> kinds;
  for (const auto& d : p.devices) kinds.insert(d.kind);
  for (DeviceKind k : kDeviceKinds) EXPECT_TRUE(kinds.contains(k)) << code(k);
  std::set<DeviceStatus> statuses;
  for (const auto& d : p.devices) statuses.insert(d.status);
  for (DeviceStatus s : kDeviceStatuses) {
    // 所在不明 comes from a stock-take; a new demo clinic has lost nothing.
    if (s == DeviceStatus::Missing) continue;
    EXPECT_TRUE(statuses.contains(s)) << code(s);
  }
}

TEST(DemoPlanTest, HasARemoteMaintenanceVpnAndADeviceOutOfSupport) {
  const Plan p = demo_plan();
  EXPECT_TRUE(std::any_of(p.devices.begin(), p.devices.end(), [](const Device& d) {
    return d.kind == DeviceKind::VpnRemote && d.remote_maintenance && d.internet_facing;
  }));
  const Date today{2025, 4, 1};
  EXPECT_TRUE(std::any_of(p.devices.begin(), p.devices.end(), [&](const Device& d) {
    return d.status == DeviceStatus::Active && d.support_end && *d.support_end < today;
  }));
}

TEST(DemoPlanTest, ReportingTreeHasDepth) {
  const Plan p = demo_plan();
  EXPECT_GE(p.internal_contacts.size(), 8u);
  int with_manager = 0;
  for (const auto& c : p.internal_contacts) with_manager += c.reports_to ? 1 : 0;
  EXPECT_GT(with_manager, 0);
  EXPECT_LT(with_manager, static_cast<int>(p.internal_contacts.size()));
}

TEST(DemoPlanTest, BackupsIncludeAnOfflineCopy) {
  const Plan p = demo_plan();
  EXPECT_TRUE(std::any_of(p.backups.begin(), p.backups.end(),
                          [](const BackupPlan& b) { return b.offline; }));
}

}  // namespace
}  // namespace medbcp::core
