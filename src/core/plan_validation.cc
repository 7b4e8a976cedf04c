// Structural rules, one small function per kind of record. Each problem
// names the machine path of the field (0-based index, as in readiness gaps)
// and the 1-based row a person sees in a table or a spreadsheet.
#include "core/plan_validation.h"

#include <map>
#include <unordered_map>

#include "core/network_address.h"
#include "core/text.h"

namespace medbcp::core {
namespace {

class ProblemList {
 public:
  explicit ProblemList(Problems& out) : out_(out) {}

  // A problem of a single field (row 0).
  void add(std::string field, std::string message) {
    out_.push_back(Problem{std::move(field), 0, std::move(message)});
  }
  // A problem of row `index` (0-based) of `list`.
  void add(const char* list, std::size_t index, const char* field, std::string message) {
    out_.push_back(Problem{std::string(list) + "[" + std::to_string(index) + "]." + field,
                           static_cast<int>(index) + 1, std::move(message)});
  }

 private:
  Problems& out_;
};

bool blank(const std::string& s) { return trim(s).empty(); }

std::string row_number(std::size_t index) { return std::to_string(index + 1) + "行目"; }

// Ids must be positive and unique within their list; other records refer to them.
template <class Record>
void check_ids(const std::vector<Record>& records, const char* list, ProblemList& problems) {
  std::map<std::int64_t, std::size_t> first_row;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto id = records[i].id;
    if (!id.valid()) {
      problems.add(list, i, "id", "IDは1以上の整数にしてください。");
      continue;
    }
    auto [it, inserted] = first_row.emplace(id.value, i);
    if (!inserted) {
      problems.add(list, i, "id",
                   "ID " + std::to_string(id.value) + " が" + row_number(it->second) +
                       "と重複しています。別のIDにしてください。");
    }
  }
}

void check_date(const std::optional<Date>& date, ProblemList& problems, std::string field,
                const char* what) {
  if (date && !date->valid()) {
    problems.add(std::move(field), std::string(what) + "が正しい日付ではありません。");
  }
}

void check_date(const std::optional<Date>& date, ProblemList& problems, const char* list,
                std::size_t index, const char* field, const char* what) {
  if (date && !date->valid()) {
    problems.add(list, index, field, std::string(what) + "が正しい日付ではありません。");
  }
}

void check_facility(const Facility& f, ProblemList& problems) {
  if (f.edition < 1) problems.add("facility.edition", "版数は1以上にしてください。");
  check_date(f.effective_date, problems, "facility.effective_date", "施行日");
  check_date(f.last_reviewed, problems, "facility.last_reviewed", "最終見直し日");
}

void check_systems(const Plan& plan, ProblemList& problems) {
  check_ids(plan.systems, "systems", problems);
  for (std::size_t i = 0; i < plan.systems.size(); ++i) {
    const InScopeSystem& s = plan.systems[i];
    if (blank(s.name)) problems.add("systems", i, "name", "システム名を入力してください。");
    if (s.vendor && plan.find_external(*s.vendor) == nullptr) {
      problems.add("systems", i, "vendor",
                   "システム事業者に指定した外部連絡先がありません。選び直してください。");
    }
  }
}

void check_threats(const Plan& plan, ProblemList& problems) {
  check_ids(plan.threats, "threats", problems);
  for (std::size_t i = 0; i < plan.threats.size(); ++i) {
    if (blank(plan.threats[i].title)) {
      problems.add("threats", i, "title", "想定する事象の名称を入力してください。");
    }
  }
}

void check_internal_contacts(const Plan& plan, ProblemList& problems) {
  const auto& contacts = plan.internal_contacts;
  check_ids(contacts, "internal_contacts", problems);
  std::unordered_map<InternalContactId, std::size_t> index_of;
  for (std::size_t i = 0; i < contacts.size(); ++i) index_of.emplace(contacts[i].id, i);

  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const InternalContact& c = contacts[i];
    if (blank(c.name)) problems.add("internal_contacts", i, "name", "氏名を入力してください。");
    if (!c.reports_to) continue;
    if (*c.reports_to == c.id) {
      problems.add("internal_contacts", i, "reports_to", "自分自身を報告先にはできません。");
      continue;
    }
    if (!index_of.contains(*c.reports_to)) {
      problems.add("internal_contacts", i, "reports_to",
                   "報告先の職員が連絡体制図にいません。選び直してください。");
      continue;
    }
    // Follow the chain upwards; coming back to this person means a cycle,
    // and a cycle would leave the chart without a path to the officer.
    std::optional<InternalContactId> next = c.reports_to;
    for (std::size_t steps = 0; next && steps <= contacts.size(); ++steps) {
      if (*next == c.id) {
        problems.add("internal_contacts", i, "reports_to",
                     "報告先をたどると自分に戻ってしまいます（循環）。"
                     "最上位の職員は報告先を空欄（責任者へ直接報告）にしてください。");
        break;
      }
      auto it = index_of.find(*next);
      if (it == index_of.end()) break;
      next = contacts[it->second].reports_to;
    }
  }
}

void check_external_contacts(const Plan& plan, ProblemList& problems) {
  check_ids(plan.external_contacts, "external_contacts", problems);
  for (std::size_t i = 0; i < plan.external_contacts.size(); ++i) {
    const ExternalContact& c = plan.external_contacts[i];
    if (blank(c.organization)) {
      problems.add("external_contacts", i, "organization", "組織名を入力してください。");
    }
    check_date(c.last_verified, problems, "external_contacts", i, "last_verified",
               "連絡先の最終確認日");
  }
}

void check_devices(const Plan& plan, ProblemList& problems) {
  check_ids(plan.devices, "devices", problems);
  // The same 管理番号 typed in full width or lower case is still the same label
  // on the machine, so compare by match_key.
  std::map<std::string, std::size_t> asset_rows;
  for (std::size_t i = 0; i < plan.devices.size(); ++i) {
    const Device& d = plan.devices[i];
    if (blank(d.name)) problems.add("devices", i, "name", "機器名を入力してください。");
    const std::string key = match_key(d.asset_number);
    if (!key.empty()) {
      auto [it, inserted] = asset_rows.emplace(key, i);
      if (!inserted) {
        problems.add("devices", i, "asset_number",
                     "管理番号「" + trim(d.asset_number) + "」が" + row_number(it->second) +
                         "と重複しています。機器ごとに別の番号にしてください。");
      }
    }
    if (const auto problem = ip_address_problem(d.ip_address)) {
      problems.add("devices", i, "ip_address", *problem);
    }
    check_date(d.introduced, problems, "devices", i, "introduced", "導入日");
    check_date(d.support_end, problems, "devices", i, "support_end", "サポート終了日");
    check_date(d.last_stocktake, problems, "devices", i, "last_stocktake", "最終棚卸日");
    if (d.introduced && d.support_end && d.introduced->valid() && d.support_end->valid() &&
        *d.support_end < *d.introduced) {
      problems.add("devices", i, "support_end", "サポート終了日が導入日より前になっています。");
    }
  }
}

void check_fallbacks(const Plan& plan, ProblemList& problems) {
  check_ids(plan.fallbacks, "fallbacks", problems);
  for (std::size_t i = 0; i < plan.fallbacks.size(); ++i) {
    const FallbackOperation& f = plan.fallbacks[i];
    if (blank(f.business)) problems.add("fallbacks", i, "business", "業務内容を入力してください。");
    if (f.system && plan.find_system(*f.system) == nullptr) {
      problems.add("fallbacks", i, "system",
                   "指定したシステムが対象範囲にありません。選び直してください。");
    }
  }
}

void check_backups(const Plan& plan, ProblemList& problems) {
  check_ids(plan.backups, "backups", problems);
  for (std::size_t i = 0; i < plan.backups.size(); ++i) {
    const BackupPlan& b = plan.backups[i];
    if (b.system && plan.find_system(*b.system) == nullptr) {
      problems.add("backups", i, "system",
                   "指定したシステムが対象範囲にありません。選び直してください。");
    } else if (!b.system && blank(b.system_label)) {
      problems.add("backups", i, "system", "バックアップするシステムを選ぶか入力してください。");
    }
    if (b.frequency_days < 0) {
      problems.add("backups", i, "frequency_days",
                   "頻度は0以上の日数にしてください（0は未設定）。");
    }
    if (b.generations < 0) {
      problems.add("backups", i, "generations", "保持世代数は0以上にしてください。");
    }
  }
}

}  // namespace

Problems validate_plan(const Plan& plan) {
  Problems out;
  ProblemList problems(out);
  check_facility(plan.facility, problems);
  check_systems(plan, problems);
  check_threats(plan, problems);
  check_internal_contacts(plan, problems);
  check_external_contacts(plan, problems);
  check_devices(plan, problems);
  check_fallbacks(plan, problems);
  check_backups(plan, problems);
  return out;
}

}  // namespace medbcp::core
