#include "core/readiness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/demo_plan.h"
#include "core/plan_template.h"

namespace medbcp::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

// "section:field" for each gap, so a test can say exactly which gaps it expects.
std::vector<std::string> keys(const std::vector<Gap>& gaps) {
  std::vector<std::string> out;
  out.reserve(gaps.size());
  for (const Gap& g : gaps) out.push_back(std::string(code(g.section)) + ":" + g.field);
  return out;
}

std::vector<std::string> gaps_of(const Plan& plan) { return keys(readiness_gaps(plan)); }

const Gap* find_gap(const std::vector<Gap>& gaps, const std::string& field) {
  auto it = std::find_if(gaps.begin(), gaps.end(), [&](const Gap& g) { return g.field == field; });
  return it == gaps.end() ? nullptr : &*it;
}

TEST(IsPlaceholderTest, EmptyAndBlankTextIsAPlaceholder) {
  EXPECT_TRUE(is_placeholder(""));
  EXPECT_TRUE(is_placeholder("   "));
  EXPECT_TRUE(is_placeholder("　"));
}

TEST(IsPlaceholderTest, RunsOfMarksArePlaceholders) {
  EXPECT_TRUE(is_placeholder("〇〇"));
  EXPECT_TRUE(is_placeholder("○○"));
  EXPECT_TRUE(is_placeholder("◯◯"));
  EXPECT_TRUE(is_placeholder("●●"));
  EXPECT_TRUE(is_placeholder("××"));
  EXPECT_TRUE(is_placeholder("〇〇〇〇〇〇"));
  EXPECT_TRUE(is_placeholder("〇〇部門"));
  EXPECT_TRUE(is_placeholder("○○（院長）"));
  EXPECT_TRUE(is_placeholder("医療法人〇〇会"));
  EXPECT_TRUE(is_placeholder("〇○"));  // mixed marks, as when copied from two sources
}

TEST(IsPlaceholderTest, FilledTextIsNot) {
  EXPECT_FALSE(is_placeholder("事務部門"));
  EXPECT_FALSE(is_placeholder("○"));  // a single mark is a value (○ = yes)
  EXPECT_FALSE(is_placeholder("〇 〇"));
  EXPECT_FALSE(is_placeholder("紙運用（○印の様式）"));
  EXPECT_FALSE(is_placeholder("054-000-1000"));
}

TEST(ReadinessTest, DemoPlanHasNoGaps) {
  const auto gaps = readiness_gaps(demo_plan());
  for (const Gap& g : gaps) ADD_FAILURE() << g.field << " " << g.where << " " << g.message;
  EXPECT_THAT(gaps, IsEmpty());
}

TEST(ReadinessTest, FreshTemplateListsEveryOpenPlaceholder) {
  EXPECT_THAT(gaps_of(template_plan("さくら内科クリニック")),
              UnorderedElementsAreArray({
                  "facility:facility.address",
                  "facility:facility.phone",
                  "facility:facility.document_department",
                  "officer:officer.name",
                  "officer:officer.phone_day",
                  "officer:officer.phone_night",
                  "systems:systems[5].name",
                  "systems:systems[0].vendor",
                  "systems:systems[1].vendor",
                  "systems:systems[2].vendor",
                  "systems:systems[3].vendor",
                  "systems:systems[4].vendor",
                  "systems:systems[5].vendor",
                  "internal_contacts:internal_contacts",
                  "external_contacts:external_contacts",
                  "devices:devices",
                  "fallbacks:fallbacks[4].business",
                  "fallbacks:fallbacks[4].system",
                  "fallbacks:fallbacks[4].fallback",
                  "fallbacks:systems[3]",  // ④各種部門システム has no example row
                  "fallbacks:systems[5]",
                  "backups:backups[2].system",
                  "backups:backups[2].frequency_days",
                  "backups:backups[2].method",
                  "backups:backups[2].restore_method",
                  "backups:systems[1]",
                  "backups:systems[2]",
                  "backups:systems[3]",
                  "backups:systems[4]",
                  "backups:systems[5]",
                  "backups:backups",  // no offline copy
                  "facility:facility.effective_date",
              }));
}

TEST(ReadinessTest, GapsSayWhereInTheDocumentAndWhatToDo) {
  const auto gaps = readiness_gaps(template_plan("医院"));
  const Gap* sixth = find_gap(gaps, "systems[5].name");
  ASSERT_NE(sixth, nullptr);
  EXPECT_EQ(sixth->section, Section::Systems);
  EXPECT_EQ(sixth->where, "総則 ３ 対象範囲 ⑥");
  EXPECT_NE(sixth->message.find("削除"), std::string::npos);

  const Gap* department = find_gap(gaps, "facility.document_department");
  ASSERT_NE(department, nullptr);
  EXPECT_EQ(department->where, "総則 ５ 文書の管理および周知（〇〇部門）");

  const Gap* row = find_gap(gaps, "fallbacks[4].fallback");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->where, "体制整備 ３ 代替運用 ５行目（代替手段）");

  const Gap* restore = find_gap(gaps, "backups[2].restore_method");
  ASSERT_NE(restore, nullptr);
  EXPECT_EQ(restore->where, "体制整備 ４ バックアップ体制 ３行目（復旧方法）");
  EXPECT_NE(restore->message.find("復旧"), std::string::npos);

  const Gap* vendor = find_gap(gaps, "systems[0].vendor");
  ASSERT_NE(vendor, nullptr);
  EXPECT_NE(vendor->message.find("「電子カルテシステム」"), std::string::npos);

  for (const Gap& g : gaps) {
    EXPECT_FALSE(g.where.empty()) << g.field;
    EXPECT_FALSE(g.message.empty()) << g.field;
  }
}

TEST(ReadinessTest, PlaceholderFacilityName) {
  Plan p = demo_plan();
  p.facility.name = "〇〇クリニック";
  EXPECT_THAT(gaps_of(p), ElementsAre("facility:facility.name"));
  p.facility.name = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("facility:facility.name"));
}

TEST(ReadinessTest, FacilityAddressPhoneAndDepartment) {
  Plan p = demo_plan();
  p.facility.address = "静岡県〇〇市";
  EXPECT_THAT(gaps_of(p), ElementsAre("facility:facility.address"));
  p = demo_plan();
  p.facility.phone = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("facility:facility.phone"));
  p = demo_plan();
  p.facility.document_department = "〇〇部門";
  EXPECT_THAT(gaps_of(p), ElementsAre("facility:facility.document_department"));
}

TEST(ReadinessTest, OfficerNameAndPhonesDayAndNight) {
  Plan p = demo_plan();
  p.officer.name = "○○";
  EXPECT_THAT(gaps_of(p), ElementsAre("officer:officer.name"));
  p = demo_plan();
  p.officer.phone_day = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("officer:officer.phone_day"));
  // The page asks for a number that answers at night and on holidays;
  // a blank one is a gap, as the page says (check said 不備なし).
  p = demo_plan();
  p.officer.phone_night = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("officer:officer.phone_night"));
  p = demo_plan();
  p.officer.email = "";  // welcome, not required
  EXPECT_THAT(gaps_of(p), IsEmpty());
}

TEST(ReadinessTest, SystemNamePlaceholder) {
  Plan p = demo_plan();
  p.systems[5].name = "〇〇〇〇";
  EXPECT_THAT(gaps_of(p), ElementsAre("systems:systems[5].name"));
}

TEST(ReadinessTest, NoSystemsAtAll) {
  Plan p = demo_plan();
  p.systems.clear();
  for (auto& f : p.fallbacks) f.system_label = "電子カルテ";
  for (auto& b : p.backups) b.system_label = "電子カルテ";
  EXPECT_THAT(gaps_of(p), ElementsAre("systems:systems"));
}

TEST(ReadinessTest, SystemWithoutVendor) {
  Plan p = demo_plan();
  p.systems[2].vendor.reset();
  EXPECT_THAT(gaps_of(p), ElementsAre("systems:systems[2].vendor"));
  p = demo_plan();
  p.systems[2].vendor = ExternalContactId{999};  // deleted contact
  EXPECT_THAT(gaps_of(p), ElementsAre("systems:systems[2].vendor"));
}

TEST(ReadinessTest, Threats) {
  Plan p = demo_plan();
  p.threats[1].title = "◯◯";
  EXPECT_THAT(gaps_of(p), ElementsAre("threats:threats[1].title"));
  p.threats.clear();
  EXPECT_THAT(gaps_of(p), ElementsAre("threats:threats"));
}

TEST(ReadinessTest, FallbackRowPlaceholders) {
  Plan p = demo_plan();
  p.fallbacks[0].business = "〇〇〇〇〇〇";
  EXPECT_THAT(gaps_of(p), ElementsAre("fallbacks:fallbacks[0].business"));
  p = demo_plan();
  p.fallbacks[0].fallback = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("fallbacks:fallbacks[0].fallback"));
}

TEST(ReadinessTest, FallbackRowMustNameASystem) {
  FallbackOperation extra;
  extra.id = FallbackId{99};
  extra.business = "院内連絡";
  extra.fallback = "内線電話と掲示";
  Plan p = demo_plan();
  p.fallbacks.push_back(extra);
  EXPECT_THAT(gaps_of(p), ElementsAre("fallbacks:fallbacks[6].system"));
  p.fallbacks.back().system_label = "院内メール";  // a system outside the list is fine
  EXPECT_THAT(gaps_of(p), IsEmpty());
  p.fallbacks.back().system_label = "〇〇";
  p.fallbacks.back().system = SystemId{42};  // dangling: counts as not chosen
  EXPECT_THAT(gaps_of(p), ElementsAre("fallbacks:fallbacks[6].system"));
}

TEST(ReadinessTest, SystemWithoutFallback) {
  Plan p = demo_plan();
  p.fallbacks.erase(p.fallbacks.begin() + 4);  // 検体検査 for ④
  EXPECT_THAT(gaps_of(p), ElementsAre("fallbacks:systems[3]"));
}

TEST(ReadinessTest, BackupRowPlaceholders) {
  Plan p = demo_plan();
  p.backups[2].frequency_days = 0;
  EXPECT_THAT(gaps_of(p), ElementsAre("backups:backups[2].frequency_days"));
  p = demo_plan();
  p.backups[2].method = "○○";
  EXPECT_THAT(gaps_of(p), ElementsAre("backups:backups[2].method"));
  p = demo_plan();
  p.backups[1].system.reset();
  EXPECT_THAT(gaps_of(p), ElementsAre("backups:backups[1].system"));
  p.backups[1].system_label = "電子カルテ";
  EXPECT_THAT(gaps_of(p), IsEmpty());
}

TEST(ReadinessTest, BackupWithoutRestoreMethod) {
  Plan p = demo_plan();
  p.backups[3].restore_method = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("backups:backups[3].restore_method"));
}

TEST(ReadinessTest, SystemWithoutBackup) {
  Plan p = demo_plan();
  p.backups.erase(p.backups.begin() + 7);  // the only one for ⑥
  EXPECT_THAT(gaps_of(p), ElementsAre("backups:systems[5]"));
}

TEST(ReadinessTest, NoOfflineBackup) {
  Plan p = demo_plan();
  for (auto& b : p.backups) b.offline = false;
  EXPECT_THAT(gaps_of(p), ElementsAre("backups:backups"));
}

TEST(ReadinessTest, InternalContacts) {
  Plan p = demo_plan();
  p.internal_contacts[3].name = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("internal_contacts:internal_contacts[3].name"));
  p = demo_plan();
  p.internal_contacts[3].phone_day = "";
  EXPECT_THAT(gaps_of(p), IsEmpty());  // reachable at night
  p.internal_contacts[3].phone_night = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("internal_contacts:internal_contacts[3].phone_day"));
  p = demo_plan();
  p.internal_contacts.clear();
  EXPECT_THAT(gaps_of(p), ElementsAre("internal_contacts:internal_contacts"));
}

TEST(ReadinessTest, ExternalContacts) {
  Plan p = demo_plan();
  p.external_contacts[8].organization = "〇〇県 〇〇課";
  EXPECT_THAT(gaps_of(p), ElementsAre("external_contacts:external_contacts[8].organization"));
  p = demo_plan();
  p.external_contacts[8].phone = "";
  p.external_contacts[8].phone_after_hours = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("external_contacts:external_contacts[8].phone"));
}

TEST(ReadinessTest, NoPoliceContact) {
  Plan p = demo_plan();
  std::erase_if(p.external_contacts,
                [](const ExternalContact& c) { return c.category == ExternalCategory::Police; });
  EXPECT_THAT(gaps_of(p), ElementsAre("external_contacts:external_contacts"));
}

TEST(ReadinessTest, Devices) {
  Plan p = demo_plan();
  p.devices[0].name = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("devices:devices[0].name"));
  p = demo_plan();
  p.devices[0].location = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("devices:devices[0].location"));
  p = demo_plan();
  p.devices.clear();
  EXPECT_THAT(gaps_of(p), ElementsAre("devices:devices"));
}

TEST(ReadinessTest, RetiredDevicesNeedNoLocation) {
  Plan p = demo_plan();
  p.devices[0].status = DeviceStatus::Retired;
  p.devices[0].location = "";
  EXPECT_THAT(gaps_of(p), IsEmpty());
}

TEST(ReadinessTest, RemoteMaintenanceNeedsItsVendor) {
  Plan p = demo_plan();
  auto vpn = std::find_if(p.devices.begin(), p.devices.end(),
                          [](const Device& d) { return d.kind == DeviceKind::VpnRemote; });
  ASSERT_NE(vpn, p.devices.end());
  vpn->vendor = "";
  const std::string field = "devices[" + std::to_string(vpn - p.devices.begin()) + "].vendor";
  EXPECT_THAT(gaps_of(p), ElementsAre("devices:" + field));

  p = demo_plan();
  p.devices[3].remote_maintenance = true;  // a terminal reached by remote support
  p.devices[3].vendor = "";
  EXPECT_THAT(gaps_of(p), ElementsAre("devices:devices[3].vendor"));
  p.devices[3].remote_maintenance = false;  // an ordinary terminal needs no vendor
  EXPECT_THAT(gaps_of(p), IsEmpty());
}

TEST(ReadinessTest, EffectiveDate) {
  Plan p = demo_plan();
  p.facility.effective_date.reset();
  EXPECT_THAT(gaps_of(p), ElementsAre("facility:facility.effective_date"));
}

}  // namespace
}  // namespace medbcp::core
