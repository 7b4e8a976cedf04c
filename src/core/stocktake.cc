#include "core/stocktake.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace medbcp::core {
namespace {

struct FindingName {
  Finding finding;
  const char* code;
  const char* label;
  std::vector<const char*> variants;  // other words people write on the sheet
};

const std::vector<FindingName>& finding_names() {
  static const std::vector<FindingName> names = {
      {Finding::Confirmed,
       "confirmed",
       "確認済",
       {"確認", "確認済み", "ok", "有", "あり", "〇", "○"}},
      {Finding::Missing, "missing", "所在不明", {"不明", "なし", "無", "紛失", "見当たらない"}},
      {Finding::Moved, "moved", "設置場所変更", {"場所変更", "移動", "移設"}},
      {Finding::StatusChanged, "status", "状態変更", {"状態", "状態変化"}},
      {Finding::Retired, "retired", "廃棄", {"廃棄済", "廃棄済み", "処分", "撤去"}},
      {Finding::Unlisted, "unlisted", "台帳外", {"台帳外機器", "未登録", "新規", "新規発見"}},
  };
  return names;
}

const FindingName& name_of(Finding f) {
  for (const auto& n : finding_names()) {
    if (n.finding == f) return n;
  }
  return finding_names().front();
}

// 「A-001 受付PC」, or just the name when there is no 管理番号.
std::string device_label(const std::string& asset_number, const std::string& name) {
  return asset_number.empty() ? name : asset_number + " " + name;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : ""; }

// The later of two results for the same device; ties go to the larger id so
// every copy of the data picks the same one.
bool recorded_later(const StocktakeResult& a, const StocktakeResult& b) {
  if (a.recorded_at != b.recorded_at) return a.recorded_at > b.recorded_at;
  return a.id.value > b.id.value;
}

}  // namespace

const char* label(Finding f) { return name_of(f).label; }
const char* code(Finding f) { return name_of(f).code; }

std::optional<Finding> finding_from_code(std::string_view c) {
  for (const auto& n : finding_names()) {
    if (c == n.code) return n.finding;
  }
  return std::nullopt;
}

std::optional<Finding> finding_from_text(std::string_view text) {
  const std::string key = match_key(text);
  if (key.empty()) return std::nullopt;
  for (const auto& n : finding_names()) {
    if (key == match_key(n.code) || key == match_key(n.label)) return n.finding;
  }
  for (const auto& n : finding_names()) {
    for (const char* v : n.variants) {
      if (key == match_key(v)) return n.finding;
    }
  }
  return std::nullopt;
}

std::vector<StocktakeItem> stocktake_items(const std::vector<Device>& devices) {
  std::vector<StocktakeItem> items;
  for (const Device& d : devices) {
    if (d.status == DeviceStatus::Retired) continue;
    items.push_back(StocktakeItem{d.id, d.asset_number, d.name, d.kind, d.system, d.location,
                                  d.manager, d.status});
  }
  return items;
}

Problems validate_result(const StocktakeResult& result, const std::vector<StocktakeItem>& items) {
  Problems problems;
  auto add = [&](const char* field, std::string message) {
    problems.push_back(Problem{field, 0, std::move(message)});
  };
  if (result.finding == Finding::Unlisted) {
    if (trim(result.found_name).empty()) {
      add("found_name", "台帳にない機器の機器名を入力してください。");
    }
    return problems;
  }
  const StocktakeItem* item = nullptr;
  if (result.device) {
    for (const auto& i : items) {
      if (i.device == *result.device) item = &i;
    }
  }
  if (item == nullptr) {
    add("device",
        "この棚卸しの対象機器を選んでください（台帳にない機器は「台帳外」で記録します）。");
  }
  switch (result.finding) {
    case Finding::Moved:
      if (trim(result.new_location).empty())
        add("new_location", "新しい設置場所を入力してください。");
      break;
    case Finding::StatusChanged:
      if (!result.new_status) {
        add("new_status", "新しい状態を選んでください。");
      } else if (*result.new_status == DeviceStatus::Retired) {
        add("new_status", "廃棄は「廃棄」として記録してください。");
      } else if (item != nullptr && *result.new_status == item->status &&
                 trim(result.new_location).empty()) {
        add("new_status", std::string("台帳の状態もすでに「") + label(item->status) +
                              "」です。変わりがなければ「確認済」としてください。");
      }
      break;
    default:
      break;
  }
  return problems;
}

std::vector<StocktakeResult> effective_results(std::vector<StocktakeResult> results) {
  std::map<std::int64_t, StocktakeResult> by_device;
  std::vector<StocktakeResult> unlisted;
  for (auto& r : results) {
    if (r.finding == Finding::Unlisted || !r.device) {
      unlisted.push_back(std::move(r));
      continue;
    }
    auto it = by_device.find(r.device->value);
    if (it == by_device.end()) {
      by_device.emplace(r.device->value, std::move(r));
    } else if (recorded_later(r, it->second)) {
      it->second = std::move(r);
    }
  }
  std::sort(
      unlisted.begin(), unlisted.end(),
      [](const StocktakeResult& a, const StocktakeResult& b) { return recorded_later(b, a); });
  std::vector<StocktakeResult> out;
  out.reserve(by_device.size() + unlisted.size());
  for (auto& [id, r] : by_device) out.push_back(std::move(r));
  for (auto& r : unlisted) out.push_back(std::move(r));
  return out;
}

bool DifferenceLine::differs() const { return result && result->finding != Finding::Confirmed; }

DifferenceReport difference_report(const std::vector<StocktakeItem>& items,
                                   const std::vector<StocktakeResult>& results) {
  DifferenceReport report;
  report.total = static_cast<int>(items.size());
  std::vector<StocktakeResult> effective = effective_results(results);
  for (const StocktakeItem& item : items) {
    DifferenceLine line{item, std::nullopt};
    for (const auto& r : effective) {
      if (r.device && *r.device == item.device && r.finding != Finding::Unlisted) line.result = r;
    }
    if (!line.result) {
      report.unchecked.push_back(std::move(line));
      continue;
    }
    ++report.checked;
    if (line.result->finding == Finding::Confirmed) {
      ++report.confirmed;
    } else {
      report.differences.push_back(std::move(line));
    }
  }
  for (const auto& r : effective) {
    if (r.finding != Finding::Unlisted) continue;
    StocktakeItem found;
    found.asset_number = r.found_asset_number;
    found.name = r.found_name;
    found.kind = r.found_kind;
    found.location = r.found_location;
    report.differences.push_back(DifferenceLine{std::move(found), r});
  }
  return report;
}

LedgerUpdate apply_stocktake(const std::vector<Device>& ledger,
                             const std::vector<StocktakeResult>& results, const Date& closed_on) {
  LedgerUpdate update;
  update.devices = ledger;
  const std::string date = closed_on.iso();
  for (const StocktakeResult& r : effective_results(results)) {
    if (r.finding == Finding::Unlisted) {
      Device d;
      d.asset_number = trim(r.found_asset_number);
      d.name = trim(r.found_name);
      d.kind = r.found_kind;
      d.location = trim(r.found_location);
      d.status = DeviceStatus::Active;
      d.last_stocktake = closed_on;
      d.note = "棚卸し（" + date + "）で台帳外の機器として発見" +
               (r.note.empty() ? std::string() : "：" + r.note);
      update.changes.push_back(
          {std::nullopt, device_label(d.asset_number, d.name), "added", "", d.name});
      update.devices.push_back(std::move(d));
      continue;
    }
    auto it = std::find_if(update.devices.begin(), update.devices.end(),
                           [&](const Device& d) { return r.device && d.id == *r.device; });
    if (it == update.devices.end()) {
      update.skipped.push_back(r);
      continue;
    }
    Device& d = *it;
    const std::string who = device_label(d.asset_number, d.name);
    auto set_location = [&](const std::string& place) {
      std::string value = trim(place);
      if (value.empty() || value == d.location) return;
      update.changes.push_back({d.id, who, "location", d.location, value});
      d.location = value;
    };
    auto set_status = [&](DeviceStatus status) {
      if (status == d.status) return;
      update.changes.push_back({d.id, who, "status", label(d.status), label(status)});
      d.status = status;
    };
    switch (r.finding) {
      case Finding::Missing: {
        std::string line = "【所在不明】" + date + " の棚卸しで所在を確認できず";
        if (!r.note.empty()) line += "：" + r.note;
        std::string note = d.note.empty() ? line : d.note + "\n" + line;
        update.changes.push_back({d.id, who, "note", d.note, note});
        d.note = std::move(note);
        // Flagged (status and reminders) until found again or written off.
        set_status(DeviceStatus::Missing);
        continue;  // not seen: the last date it was seen stays
      }
      case Finding::Moved:
      case Finding::StatusChanged:
        set_location(r.new_location);
        if (r.new_status) {
          set_status(*r.new_status);
        } else if (d.status == DeviceStatus::Missing) {
          set_status(DeviceStatus::Active);  // seen again
        }
        break;
      case Finding::Retired:
        set_status(DeviceStatus::Retired);
        break;
      case Finding::Confirmed:
        if (d.status == DeviceStatus::Missing) set_status(DeviceStatus::Active);  // found again
        break;
      case Finding::Unlisted:
        break;
    }
    if (d.last_stocktake != closed_on) {
      update.changes.push_back({d.id, who, "last_stocktake", date_text(d.last_stocktake), date});
      d.last_stocktake = closed_on;
    }
  }
  return update;
}

std::string ledger_field_label(std::string_view field) {
  if (field == "location") return "設置場所";
  if (field == "status") return "状態";
  if (field == "last_stocktake") return "最終棚卸日";
  if (field == "note") return "備考";
  if (field == "added") return "台帳に追加";
  return std::string(field);
}

Date stocktake_due(const Date& last_completed, int cycle_days) {
  return last_completed.plus_days(cycle_days);
}

}  // namespace medbcp::core
