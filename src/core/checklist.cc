#include "core/checklist.h"

#include <array>
#include <set>
#include <utility>

#include "core/data_lines.h"
#include "core/text.h"

namespace medbcp::core {
namespace {

constexpr std::array<std::pair<EvidenceRule, const char*>, 18> kRules = {{
    {EvidenceRule::None, ""},
    {EvidenceRule::Officer, "officer"},
    {EvidenceRule::DeviceLedger, "device_ledger"},
    {EvidenceRule::RemoteMaintenance, "remote_maintenance"},
    {EvidenceRule::Patches, "patches"},
    {EvidenceRule::ContactChart, "contact_chart"},
    {EvidenceRule::Backups, "backups"},
    {EvidenceRule::PublishedPlan, "published_plan"},
    {EvidenceRule::PlanDevices, "plan_devices"},
    {EvidenceRule::PlanImpact, "plan_impact"},
    {EvidenceRule::PlanVulnerabilities, "plan_vulnerabilities"},
    {EvidenceRule::PlanContacts, "plan_contacts"},
    {EvidenceRule::PlanBackups, "plan_backups"},
    {EvidenceRule::PlanResponse, "plan_response"},
    {EvidenceRule::PlanOfficer, "plan_officer"},
    {EvidenceRule::PlanFollowUp, "plan_followup"},
    {EvidenceRule::Drills, "drills"},
    {EvidenceRule::MedbcpSignIn, "medbcp_sign_in"},
}};

constexpr std::string_view kUnconfirmed = "〔要確認〕";

// 「1」「1-2」「2-13」「1-1-1」: digits in groups joined by '-'.
bool is_item_id(std::string_view id) {
  if (id.empty() || id.size() > 16 || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (c == '-' && id[i - 1] == '-') return false;
    if (c != '-' && (c < '0' || c > '9')) return false;
  }
  return true;
}

}  // namespace

const char* code(EvidenceRule rule) {
  for (const auto& [r, text] : kRules) {
    if (r == rule) return text;
  }
  return "";
}

std::optional<EvidenceRule> evidence_rule_from_code(std::string_view text) {
  for (const auto& [r, name] : kRules) {
    if (text == name) return r;
  }
  return std::nullopt;
}

const ChecklistItem* Checklist::find(std::string_view id) const {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

const ChecklistItem* Checklist::gate() const {
  for (const auto& item : items) {
    if (item.gate) return &item;
  }
  return nullptr;
}

ChecklistParse parse_checklist(std::string_view text) {
  ChecklistParse out;
  Checklist& c = out.checklist;
  std::string section;
  bool vendor_section = false;
  std::string bcp_section;
  std::set<std::string> ids;
  std::set<std::string> bcp_ids;
  for_each_data_line(text, [&](int line_number, std::vector<std::string>& f) {
    auto problem = [&](std::string message) {
      out.problems.push_back(Problem{"checklist", line_number, std::move(message)});
    };
    const std::string& kind = f[0];
    auto need = [&](std::size_t at_least, std::size_t at_most, const char* shape) {
      if (f.size() < at_least || f.size() > at_most) {
        problem(kind + " の行の形が違います（" + shape + "）。");
        return false;
      }
      return true;
    };
    auto rule_of = [&](std::size_t index) {
      if (f.size() <= index || f[index].empty()) return EvidenceRule::None;
      auto rule = evidence_rule_from_code(f[index]);
      if (!rule) problem("根拠の規則「" + f[index] + "」は medbcp にありません。");
      return rule.value_or(EvidenceRule::None);
    };
    auto fresh_id = [&](std::set<std::string>& seen, const std::string& id) {
      if (!is_item_id(id)) {
        problem("項目の ID「" + id + "」は数字とハイフンで書いてください（例 2-7）。");
        return false;
      }
      if (!seen.insert(id).second) {
        problem("項目の ID「" + id + "」が二度あります。");
        return false;
      }
      return true;
    };
    if (kind == "edition") {
      if (need(2, 2, "edition | 版の名前")) c.edition = f[1];
    } else if (kind == "title") {
      if (need(2, 2, "title | 表題")) c.title = f[1];
    } else if (kind == "section") {
      if (!need(3, 4, "section | 番号 | 見出し | vendor")) return;
      section = f[2];
      vendor_section = f.size() == 4 && f[3] == "vendor";
      if (f.size() == 4 && !vendor_section) {
        problem("section の4つ目の欄は vendor（事業者確認用にも載せる）だけです。");
      }
    } else if (kind == "bcp_section") {
      if (need(3, 3, "bcp_section | 番号 | 見出し")) bcp_section = f[2];
    } else if (kind == "gate" || kind == "item") {
      if (!need(4, 5, "item | ID | 対象 | 項目 | 根拠")) return;
      if (kind == "gate" && c.gate() != nullptr) {
        problem("gate の行は一つだけです。");
        return;
      }
      if (!fresh_id(ids, f[1])) return;
      if (f[3].empty()) {
        problem("項目の文がありません。");
        return;
      }
      if (kind == "item" && section.empty()) {
        problem("item の前に section の行が必要です。");
        return;
      }
      ChecklistItem item;
      item.id = f[1];
      item.section = kind == "gate" ? "" : section;
      item.target = f[2];
      item.text = f[3];
      item.evidence = rule_of(4);
      item.gate = kind == "gate";
      item.unconfirmed = item.text.find(kUnconfirmed) != std::string::npos;
      item.vendor = kind == "item" && vendor_section;
      if (item.gate) {
        c.items.insert(c.items.begin(), std::move(item));
      } else {
        c.items.push_back(std::move(item));
      }
    } else if (kind == "bcp") {
      if (!need(4, 5, "bcp | ID | 小見出し | 確認内容 | 根拠")) return;
      if (!fresh_id(bcp_ids, f[1])) return;
      if (bcp_section.empty()) {
        problem("bcp の前に bcp_section の行が必要です。");
        return;
      }
      c.bcp_items.push_back(BcpCheckItem{f[1], bcp_section, f[2], f[3], rule_of(4)});
    } else {
      problem("行の種類「" + kind +
              "」が分かりません（edition, title, gate, section, item, bcp_section, bcp）。");
    }
  });
  if (c.edition.empty()) out.problems.push_back({"checklist", 0, "edition の行がありません。"});
  if (c.items.empty()) out.problems.push_back({"checklist", 0, "item の行がありません。"});
  if (c.title.empty()) c.title = "サイバーセキュリティ対策チェックリスト";
  return out;
}

int fiscal_year_of(const Date& date) { return date.month >= 4 ? date.year : date.year - 1; }

std::string fiscal_year_label(int fiscal_year) {
  // 令和 began on 2019-05-01; its first 年度 (2019-04 to 2020-03) is 令和元年度.
  if (fiscal_year >= 2019) {
    const int reiwa = fiscal_year - 2018;
    return "令和" + (reiwa == 1 ? std::string("元") : std::to_string(reiwa)) + "年度";
  }
  return "平成" + std::to_string(fiscal_year - 1988) + "年度";
}

}  // namespace medbcp::core
