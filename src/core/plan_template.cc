// The plan exactly as 「小規模医療機関向けＢＣＰのひな形」 leaves it. The wording
// of each row is the template's own; placeholders the template prints as
// 〇〇 stay 〇〇 in list rows (so the clinic sees what to replace), while
// single fields whose 〇〇 only means "write here" (〇〇部門, ○○（院長）) are
// empty. Either way readiness_gaps() reports them until they are filled.
#include "core/plan_template.h"

namespace medbcp::core {
namespace {

// 総則 ３ 対象範囲 ①〜⑥. Ids are the list positions so that the example rows
// of 代替運用 and バックアップ体制 below can refer to them.
constexpr SystemId kElectronicRecords{1};  // ①電子カルテシステム
constexpr SystemId kBilling{2};            // ②医事会計システム（レセプト）
constexpr SystemId kImaging{3};            // ③医用画像システム
constexpr SystemId kDepartmental{4};       // ④各種部門システム（検査、処方など）
constexpr SystemId kOrdering{5};           // ⑤オーダリングシステム
constexpr SystemId kClinicOwn{6};          // ⑥〇〇〇〇

InScopeSystem system(SystemId id, const char* name, bool from_template) {
  InScopeSystem s;
  s.id = id;
  s.name = name;
  s.from_template = from_template;
  return s;
}

ThreatScenario threat(std::int64_t id, ThreatKind kind) {
  ThreatScenario t;
  t.id = ThreatId{id};
  t.kind = kind;
  t.title = label(kind);  // the labels are the template's wording
  return t;
}

FallbackOperation fallback(std::int64_t id, const char* business, std::optional<SystemId> system,
                           const char* system_label, const char* means) {
  FallbackOperation f;
  f.id = FallbackId{id};
  f.business = business;
  f.system = system;
  f.system_label = system_label;
  f.fallback = means;
  return f;
}

BackupPlan backup(std::int64_t id, std::optional<SystemId> system, const char* system_label,
                  int frequency_days, const char* method, const char* restore_method) {
  BackupPlan b;
  b.id = BackupPlanId{id};
  b.system = system;
  b.system_label = system_label;
  b.frequency_days = frequency_days;
  b.method = method;
  b.restore_method = restore_method;
  return b;
}

}  // namespace

Plan template_plan(const std::string& facility_name) {
  Plan plan;
  plan.facility.name = facility_name;
  plan.facility.document_department = "";  // 「〇〇部門にて…」
  plan.facility.edition = 1;

  plan.officer.title = "院長";  // 「○○（院長）を…責任者とし」; the name is ○○

  plan.systems = {
      system(kElectronicRecords, "電子カルテシステム", true),
      system(kBilling, "医事会計システム（レセプト）", true),
      system(kImaging, "医用画像システム", true),
      system(kDepartmental, "各種部門システム（検査、処方など）", true),
      system(kOrdering, "オーダリングシステム", true),
      system(kClinicOwn, "〇〇〇〇", false),  // the clinic fills it in or deletes it
  };

  plan.threats = {
      threat(1, ThreatKind::TargetedEmail),
      threat(2, ThreatKind::UnauthorizedAccess),
      threat(3, ThreatKind::Malware),
      threat(4, ThreatKind::Precursor),
  };

  // 体制整備 ３ 代替運用, 表◯「業務内容に対する代替手段（例）」. The template
  // writes the imaging system as "PACS"; the row is linked to ③医用画像システム
  // and keeps "PACS" as its label.
  plan.fallbacks = {
      fallback(1, "診療録等", kElectronicRecords, "電子カルテシステム", "紙運用"),
      fallback(2, "処方・検査", kOrdering, "オーダリングシステム", "紙運用（カーボンコピー）"),
      fallback(3, "放射線画像診断", kImaging, "PACS", "撮影機器ワークステーションにて画像閲覧"),
      fallback(4, "会計", kBilling, "医事会計システム", "未収扱いを検討"),
      fallback(5, "〇〇〇〇〇〇", std::nullopt, "〇〇〇〇〇〇", "〇〇〇〇〇〇"),
  };

  // 体制整備 ４ バックアップ体制, 表◯「バックアップの作成と復旧方法（例）」.
  // The template's second row leaves the system cell blank under 電子カルテ.
  plan.backups = {
      backup(1, kElectronicRecords, "電子カルテ", 1,
             "バックアップサーバにデータベースのバックアップを作成する",
             "データベースを再構築した後に、バックアップサーバのデータを復元する"),
      backup(2, kElectronicRecords, "電子カルテ", 7,
             "磁気テープ・光学メディア・外付けHDD等にデータベースとシステムファイルのバックアップを"
             "作成する",
             "システムのOSを再構築した後に、磁気テープのシステムファイルとデータベースのデータを"
             "復元する"),
      backup(3, std::nullopt, "○○", 0, "○○", "○○"),  // 頻度 ○○: not set
  };

  return plan;  // no effective date: 附則「令和６年○月○日から施行する」
}

}  // namespace medbcp::core
