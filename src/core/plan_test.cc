#include "core/plan.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

namespace medbcp::core {
namespace {

bool is_snake_case(const std::string& s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (char c : s) {
    if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

template <class Enum, std::size_t N, class FromCode, class FromText>
void check_names(const Enum (&values)[N], FromCode from_code, FromText from_text) {
  std::set<std::string> codes;
  std::set<std::string> labels;
  for (Enum v : values) {
    const std::string c = code(v);
    EXPECT_TRUE(is_snake_case(c)) << c;
    EXPECT_TRUE(codes.insert(c).second) << "duplicate code " << c;
    EXPECT_TRUE(labels.insert(label(v)).second) << "duplicate label " << label(v);
    EXPECT_EQ(from_code(c), v) << c;
    EXPECT_EQ(from_text(c), v) << c;
    EXPECT_EQ(from_text(label(v)), v) << label(v);
  }
  EXPECT_EQ(from_code(""), std::nullopt);
  EXPECT_EQ(from_code("no_such_code"), std::nullopt);
  EXPECT_EQ(from_text(""), std::nullopt);
  EXPECT_EQ(from_text("no such thing"), std::nullopt);
}

TEST(PlanEnumsTest, ThreatKindsHaveUniqueCodesAndLabels) {
  check_names(kThreatKinds, threat_kind_from_code, threat_kind_from_text);
  EXPECT_STREQ(code(ThreatKind::TargetedEmail), "targeted_email");
  EXPECT_STREQ(label(ThreatKind::Malware), "マルウェア感染（ランサムウェアを含む）");
}

TEST(PlanEnumsTest, ExternalCategoriesHaveUniqueCodesAndLabels) {
  check_names(kExternalCategories, external_category_from_code, external_category_from_text);
  EXPECT_STREQ(code(ExternalCategory::SystemVendor), "system_vendor");
  EXPECT_STREQ(code(ExternalCategory::MedicalAssociation), "medical_association");
  EXPECT_STREQ(label(ExternalCategory::PrivacyCommission), "個人情報保護委員会");
}

TEST(PlanEnumsTest, DeviceKindsHaveUniqueCodesAndLabels) {
  check_names(kDeviceKinds, device_kind_from_code, device_kind_from_text);
  EXPECT_STREQ(code(DeviceKind::VpnRemote), "vpn_remote");
  EXPECT_STREQ(label(DeviceKind::Terminal), "端末");
}

TEST(PlanEnumsTest, DeviceStatusesHaveUniqueCodesAndLabels) {
  check_names(kDeviceStatuses, device_status_from_code, device_status_from_text);
  EXPECT_STREQ(code(DeviceStatus::Active), "active");
  EXPECT_STREQ(label(DeviceStatus::Retired), "廃棄");
}

TEST(PlanEnumsTest, CodesAreExactButTextIsForgiving) {
  EXPECT_EQ(device_kind_from_code("VPN_REMOTE"), std::nullopt);
  EXPECT_EQ(device_kind_from_code("端末"), std::nullopt);
  EXPECT_EQ(device_kind_from_text("VPN_REMOTE"), DeviceKind::VpnRemote);
}

TEST(PlanEnumsTest, DeviceKindVariants) {
  EXPECT_EQ(device_kind_from_text("端末"), DeviceKind::Terminal);
  EXPECT_EQ(device_kind_from_text("PC"), DeviceKind::Terminal);
  EXPECT_EQ(device_kind_from_text("ｐｃ"), DeviceKind::Terminal);
  EXPECT_EQ(device_kind_from_text("パソコン"), DeviceKind::Terminal);
  EXPECT_EQ(device_kind_from_text(" ノート PC "), DeviceKind::Terminal);
  EXPECT_EQ(device_kind_from_text("VPN"), DeviceKind::VpnRemote);
  EXPECT_EQ(device_kind_from_text("ＶＰＮ装置"), DeviceKind::VpnRemote);
  EXPECT_EQ(device_kind_from_text("リモート保守"), DeviceKind::VpnRemote);
  EXPECT_EQ(device_kind_from_text("サーバー"), DeviceKind::Server);
  EXPECT_EQ(device_kind_from_text("ルーター"), DeviceKind::Network);
  EXPECT_EQ(device_kind_from_text("UTM"), DeviceKind::Network);
  EXPECT_EQ(device_kind_from_text("複合機"), DeviceKind::Printer);
  EXPECT_EQ(device_kind_from_text("タブレット"), DeviceKind::Mobile);
  EXPECT_EQ(device_kind_from_text("USBメモリ"), DeviceKind::Media);
  EXPECT_EQ(device_kind_from_text("外付けＨＤＤ"), DeviceKind::Media);
  EXPECT_EQ(device_kind_from_text("撮影装置"), DeviceKind::Medical);
  // No guessing from parts of a phrase.
  EXPECT_EQ(device_kind_from_text("サーバ室のPC"), std::nullopt);
}

TEST(PlanEnumsTest, DeviceStatusVariants) {
  EXPECT_EQ(device_status_from_text("使用中"), DeviceStatus::Active);
  EXPECT_EQ(device_status_from_text("稼動中"), DeviceStatus::Active);
  EXPECT_EQ(device_status_from_text("Active"), DeviceStatus::Active);
  EXPECT_EQ(device_status_from_text("予備機"), DeviceStatus::Spare);
  EXPECT_EQ(device_status_from_text("故障中"), DeviceStatus::Broken);
  EXPECT_EQ(device_status_from_text("廃棄済"), DeviceStatus::Retired);
  EXPECT_EQ(device_status_from_text("廃棄済み"), DeviceStatus::Retired);
  EXPECT_EQ(device_status_from_text("撤去"), DeviceStatus::Retired);
}

TEST(PlanEnumsTest, ExternalCategoryAndThreatVariants) {
  EXPECT_EQ(external_category_from_text("ベンダー"), ExternalCategory::SystemVendor);
  EXPECT_EQ(external_category_from_text("警察署"), ExternalCategory::Police);
  EXPECT_EQ(external_category_from_text("厚労省"), ExternalCategory::Mhlw);
  EXPECT_EQ(external_category_from_text("県医師会"), ExternalCategory::MedicalAssociation);
  EXPECT_EQ(external_category_from_text("PPC"), ExternalCategory::PrivacyCommission);
  EXPECT_EQ(threat_kind_from_text("ランサムウェア"), ThreatKind::Malware);
  EXPECT_EQ(threat_kind_from_text("不正アクセス"), ThreatKind::UnauthorizedAccess);
}

Plan small_plan() {
  Plan p;
  p.systems.push_back({SystemId{1}, "電子カルテシステム", "", ExternalContactId{7}, true});
  p.systems.push_back({SystemId{2}, "医事会計システム（レセプト）", "", std::nullopt, true});
  ExternalContact vendor;
  vendor.id = ExternalContactId{7};
  vendor.organization = "カルテ株式会社";
  p.external_contacts.push_back(vendor);
  InternalContact staff;
  staff.id = InternalContactId{3};
  staff.name = "山田";
  p.internal_contacts.push_back(staff);
  return p;
}

TEST(PlanTest, FindById) {
  const Plan p = small_plan();
  ASSERT_NE(p.find_system(SystemId{2}), nullptr);
  EXPECT_EQ(p.find_system(SystemId{2})->name, "医事会計システム（レセプト）");
  EXPECT_EQ(p.find_system(SystemId{3}), nullptr);
  ASSERT_NE(p.find_external(ExternalContactId{7}), nullptr);
  EXPECT_EQ(p.find_external(ExternalContactId{7})->organization, "カルテ株式会社");
  EXPECT_EQ(p.find_external(ExternalContactId{1}), nullptr);
  ASSERT_NE(p.find_internal(InternalContactId{3}), nullptr);
  EXPECT_EQ(p.find_internal(InternalContactId{3})->name, "山田");
  EXPECT_EQ(p.find_internal(InternalContactId{4}), nullptr);
}

TEST(PlanTest, SystemNamePrefersTheLinkedSystem) {
  const Plan p = small_plan();
  EXPECT_EQ(p.system_name(SystemId{1}, "電子カルテ"), "電子カルテシステム");
  EXPECT_EQ(p.system_name(std::nullopt, "院内LAN"), "院内LAN");
  // A dangling reference shows what the row itself says rather than nothing.
  EXPECT_EQ(p.system_name(SystemId{9}, "旧システム"), "旧システム");
}

}  // namespace
}  // namespace medbcp::core

namespace medbcp::core {
namespace {

TEST(NumberUnnumberedDevices, GivesTheNextFreeNumberAndKeepsTypedOnes) {
  Plan plan;
  plan.devices.resize(4);
  plan.devices[0].asset_number = "ｍ－０００２";  // typed full width: the same label as M-0002
  plan.devices[2].asset_number = "PC-01";
  EXPECT_EQ(number_unnumbered_devices(plan), 2);
  EXPECT_EQ(plan.devices[0].asset_number, "ｍ－０００２");
  EXPECT_EQ(plan.devices[1].asset_number, "M-0001");
  EXPECT_EQ(plan.devices[2].asset_number, "PC-01");
  EXPECT_EQ(plan.devices[3].asset_number, "M-0003");
  EXPECT_EQ(number_unnumbered_devices(plan), 0);  // nothing left to number
}

}  // namespace
}  // namespace medbcp::core
