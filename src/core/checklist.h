// MHLW's 医療機関におけるサイバーセキュリティ対策チェックリスト and the BCP
// 確認表 as data (checklists/*.txt, one file per 年度版): read here into items
// with the rule, if any, by which medbcp proposes an answer from its records
// (core/checklist_evidence.h). An association ships a new edition as a new
// file; the binary does not change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "core/time.h"

namespace medbcp::core {

// The evidence rules the binary knows; a data file naming another is refused.
enum class EvidenceRule {
  None,
  Officer,              // 1-1: the named 責任者 with day and night numbers
  DeviceLedger,         // 2-1: 別紙２ and a stock-take within its cycle
  RemoteMaintenance,    // 2-2: the ledger's remote-maintenance column
  Patches,              // 2-11: no device past its end of support
  ContactChart,         // 3-1: 別紙１ holds a vendor, MHLW and the police
  Backups,              // 3-2: backups and restore tests within their cycle
  PublishedPlan,        // 3-3: a published plan with a 施行日
  PlanDevices,          // 確認表: the plan's 別紙２
  PlanImpact,           // 確認表: systems with their 代替運用
  PlanVulnerabilities,  // 確認表: support ends recorded, none passed
  PlanContacts,         // 確認表: 別紙１
  PlanBackups,          // 確認表: バックアップ体制 with restore methods
  PlanResponse,         // 確認表: 第３章 (the template's response steps)
  PlanOfficer,          // 確認表: the 責任者 and the internal chart
  PlanFollowUp,         // 確認表: closing an incident leaves follow-up tasks
  Drills,               // 確認表: 教育訓練 (drills are not recorded yet)
  MedbcpSignIn,         // 2-7, 2-10: medbcp's own sign-in meets it; the rest is a person's
};
const char* code(EvidenceRule);
std::optional<EvidenceRule> evidence_rule_from_code(std::string_view);

struct ChecklistItem {
  std::string id;       // 「1-1」「2-7」; 「0」 for the gate
  std::string section;  // 体制構築
  std::string target;  // 医療情報システム全般 / サーバ / 端末PC / ネットワーク機器
  std::string text;
  EvidenceRule evidence = EvidenceRule::None;
  bool gate = false;         // いいえ: no other item applies
  bool unconfirmed = false;  // 〔要確認〕: wording not yet checked against the MHLW sheet
  bool vendor = false;       // asked of each vendor too (事業者確認用): its section says so
};

struct BcpCheckItem {
  std::string id;  // 「1-1-1」
  std::string section;
  std::string heading;
  std::string text;
  EvidenceRule evidence = EvidenceRule::None;
};

struct Checklist {
  std::string edition;  // 令和7年度版
  std::string title;
  std::vector<ChecklistItem> items;  // the gate first
  std::vector<BcpCheckItem> bcp_items;

  const ChecklistItem* find(std::string_view id) const;
  const ChecklistItem* gate() const;
};

// An answer a person gave to an item for a 年度 (the latest one counts).
struct ChecklistAnswer {
  std::int64_t id = 0;
  int fiscal_year = 0;
  std::string edition;
  std::string item_id;
  bool yes = false;
  Date checked_on;                // 確認日
  std::optional<Date> target_on;  // 目標日 (いいえ only, required there)
  std::string note;               // 備考: why, or why the proposal was overridden
  std::string evidence;           // a file name or a record in medbcp
  std::optional<bool> proposed;   // what medbcp proposed from its records then
  std::string proposal_reason;
  std::string answered_by;
  Instant answered_at;
};

// A vendor's answer from its 事業者確認用 sheet.
struct VendorChecklistAnswer {
  int fiscal_year = 0;
  std::string edition;
  std::int64_t vendor_id = 0;  // the 別紙１ contact
  std::string vendor_name;
  std::string item_id;
  bool yes = false;
  std::optional<Date> checked_on;
  std::optional<Date> target_on;
  std::string note;
  Instant imported_at;
  std::string imported_by;
};

struct ChecklistParse {
  Checklist checklist;
  Problems problems;  // row = the line number; nothing usable when not empty
};
ChecklistParse parse_checklist(std::string_view text);

// 年度: April to March. 2026-12-06 → 2026 (令和8年度).
int fiscal_year_of(const Date& date);
std::string fiscal_year_label(int fiscal_year);  // 令和8年度

}  // namespace medbcp::core
