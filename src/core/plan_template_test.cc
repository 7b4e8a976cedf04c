#include "core/plan_template.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(PlanTemplateTest, FacilityAndOfficerAsTheTemplateLeavesThem) {
  const Plan p = template_plan("さくら内科クリニック");
  EXPECT_EQ(p.facility.name, "さくら内科クリニック");
  EXPECT_EQ(p.facility.document_department, "");
  EXPECT_EQ(p.facility.address, "");
  EXPECT_EQ(p.facility.phone, "");
  EXPECT_EQ(p.facility.edition, 1);
  EXPECT_FALSE(p.facility.effective_date);
  EXPECT_FALSE(p.facility.last_reviewed);
  EXPECT_EQ(p.officer.title, "院長");
  EXPECT_EQ(p.officer.name, "");
  EXPECT_EQ(p.officer.phone_day, "");
  EXPECT_EQ(p.officer.phone_night, "");
  EXPECT_TRUE(p.internal_contacts.empty());
  EXPECT_TRUE(p.external_contacts.empty());
  EXPECT_TRUE(p.devices.empty());
}

TEST(PlanTemplateTest, SystemsOneToSix) {
  const Plan p = template_plan("医院");
  const char* names[] = {"電子カルテシステム",   "医事会計システム（レセプト）",
                         "医用画像システム",     "各種部門システム（検査、処方など）",
                         "オーダリングシステム", "〇〇〇〇"};
  ASSERT_EQ(p.systems.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(p.systems[i].id, SystemId(static_cast<std::int64_t>(i) + 1));
    EXPECT_EQ(p.systems[i].name, names[i]);
    EXPECT_EQ(p.systems[i].from_template, i < 5) << i;
    EXPECT_FALSE(p.systems[i].vendor);
  }
}

TEST(PlanTemplateTest, ThreatsOneToFour) {
  const Plan p = template_plan("医院");
  ASSERT_EQ(p.threats.size(), 4u);
  EXPECT_EQ(p.threats[0].title, "標的型メール攻撃");
  EXPECT_EQ(p.threats[0].kind, ThreatKind::TargetedEmail);
  EXPECT_EQ(p.threats[1].title, "不正アクセス等");
  EXPECT_EQ(p.threats[1].kind, ThreatKind::UnauthorizedAccess);
  EXPECT_EQ(p.threats[2].title, "マルウェア感染（ランサムウェアを含む）");
  EXPECT_EQ(p.threats[2].kind, ThreatKind::Malware);
  EXPECT_EQ(p.threats[3].title, "上記の予兆と思われる事象");
  EXPECT_EQ(p.threats[3].kind, ThreatKind::Precursor);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(p.threats[i].id, ThreatId(static_cast<std::int64_t>(i) + 1));
  }
}

TEST(PlanTemplateTest, FallbackRowsOfTheTemplate) {
  const Plan p = template_plan("医院");
  ASSERT_EQ(p.fallbacks.size(), 5u);
  struct Row {
    const char* business;
    const char* system;  // as shown: Plan::system_name
    const char* fallback;
  };
  const Row rows[] = {
      {"診療録等", "電子カルテシステム", "紙運用"},
      {"処方・検査", "オーダリングシステム", "紙運用（カーボンコピー）"},
      {"放射線画像診断", "医用画像システム", "撮影機器ワークステーションにて画像閲覧"},
      {"会計", "医事会計システム（レセプト）", "未収扱いを検討"},
      {"〇〇〇〇〇〇", "〇〇〇〇〇〇", "〇〇〇〇〇〇"},
  };
  for (std::size_t i = 0; i < 5; ++i) {
    const FallbackOperation& f = p.fallbacks[i];
    EXPECT_EQ(f.id, FallbackId(static_cast<std::int64_t>(i) + 1));
    EXPECT_EQ(f.business, rows[i].business);
    EXPECT_EQ(p.system_name(f.system, f.system_label), rows[i].system);
    EXPECT_EQ(f.fallback, rows[i].fallback);
  }
  EXPECT_EQ(p.fallbacks[2].system_label, "PACS");  // the template's own word is kept
  EXPECT_FALSE(p.fallbacks[4].system);
}

TEST(PlanTemplateTest, BackupRowsOfTheTemplate) {
  const Plan p = template_plan("医院");
  ASSERT_EQ(p.backups.size(), 3u);
  const BackupPlan& daily = p.backups[0];
  EXPECT_EQ(daily.id, BackupPlanId{1});
  EXPECT_EQ(daily.system, SystemId{1});
  EXPECT_EQ(daily.system_label, "電子カルテ");
  EXPECT_EQ(daily.frequency_days, 1);
  EXPECT_EQ(daily.method, "バックアップサーバにデータベースのバックアップを作成する");
  EXPECT_EQ(daily.restore_method,
            "データベースを再構築した後に、バックアップサーバのデータを復元する");
  const BackupPlan& weekly = p.backups[1];
  EXPECT_EQ(weekly.id, BackupPlanId{2});
  EXPECT_EQ(weekly.system, SystemId{1});
  EXPECT_EQ(weekly.frequency_days, 7);
  EXPECT_EQ(weekly.method,
            "磁気テープ・光学メディア・外付けHDD等にデータベースとシステムファイルのバックアップを"
            "作成する");
  EXPECT_EQ(weekly.restore_method,
            "システムのOSを再構築した後に、磁気テープのシステムファイルとデータベースのデータを"
            "復元する");
  const BackupPlan& blank = p.backups[2];
  EXPECT_EQ(blank.id, BackupPlanId{3});
  EXPECT_FALSE(blank.system);
  EXPECT_EQ(blank.system_label, "○○");
  EXPECT_EQ(blank.frequency_days, 0);
  EXPECT_EQ(blank.method, "○○");
  EXPECT_EQ(blank.restore_method, "○○");
}

TEST(PlanTemplateTest, EveryReferenceResolves) {
  const Plan p = template_plan("医院");
  for (const auto& f : p.fallbacks) {
    ASSERT_TRUE(!f.system || p.find_system(*f.system) != nullptr) << f.business;
  }
  for (const auto& b : p.backups) {
    ASSERT_TRUE(!b.system || p.find_system(*b.system) != nullptr) << b.method;
  }
}

}  // namespace
}  // namespace medbcp::core
