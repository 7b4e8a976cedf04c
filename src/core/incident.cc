#include "core/incident.h"

#include <set>

#include "core/text.h"

namespace medbcp::core {
namespace {}  // namespace

const char* code(IncidentStatus status) {
  return status == IncidentStatus::Closed ? "closed" : "open";
}

const char* label(IncidentStatus status) {
  return status == IncidentStatus::Closed ? "終了" : "対応中";
}

std::optional<IncidentStatus> incident_status_from_code(std::string_view text) {
  if (text == "open") return IncidentStatus::Open;
  if (text == "closed") return IncidentStatus::Closed;
  return std::nullopt;
}

void name_affected_from_plan(Incident& incident, const Plan& plan) {
  for (auto& s : incident.systems) {
    if (const auto* found = plan.find_system(s.id)) s.name = found->name;
  }
  for (auto& d : incident.devices) {
    for (const auto& device : plan.devices) {
      if (device.id == d.id) {
        d.name = device.name;
        d.asset_number = device.asset_number;
      }
    }
  }
}

Problems validate_new_incident(const Incident& incident, const Plan& plan, Instant now) {
  Problems problems;
  auto add = [&](std::string field, std::string message, int row = 0) {
    problems.push_back(Problem{std::move(field), row, std::move(message)});
  };
  if (trim(incident.discovery.discoverer).empty()) {
    add("discovery.discoverer", "発見者の名前を入力してください。");
  }
  if (trim(incident.discovery.situation).empty()) {
    add("discovery.situation", "発生状況（何が起きているか）を入力してください。");
  }
  if (is_in_future(incident.discovery.discovered_at, now)) {
    add("discovery.discovered_at", "発見日時が未来になっています。日時を確認してください。");
  }
  if (is_in_future(incident.aware_at, now)) {
    add("aware_at", "認知日時が未来になっています。日時を確認してください。");
  } else if (incident.aware_at.seconds != 0 &&
             incident.aware_at.seconds < incident.discovery.discovered_at.seconds) {
    add("aware_at", "認知日時が発見日時（" + incident.discovery.discovered_at.tokyo_text() +
                        "）より前になっています。日時を確認してください。");
  }
  std::set<std::int64_t> seen_systems;
  for (std::size_t i = 0; i < incident.systems.size(); ++i) {
    const auto id = incident.systems[i].id;
    if (plan.find_system(id) == nullptr) {
      add("systems",
          "計画にないシステムが指定されています（ID " + std::to_string(id.value) + "）。",
          static_cast<int>(i + 1));
    } else if (!seen_systems.insert(id.value).second) {
      add("systems", "同じシステムが二度指定されています。", static_cast<int>(i + 1));
    }
  }
  std::set<std::int64_t> seen_devices;
  for (std::size_t i = 0; i < incident.devices.size(); ++i) {
    const auto id = incident.devices[i].id;
    bool known = false;
    for (const auto& d : plan.devices) known = known || d.id == id;
    if (!known) {
      add("devices",
          "情報機器台帳にない機器が指定されています（ID " + std::to_string(id.value) + "）。",
          static_cast<int>(i + 1));
    } else if (!seen_devices.insert(id.value).second) {
      add("devices", "同じ機器が二度指定されています。", static_cast<int>(i + 1));
    }
  }
  return problems;
}

}  // namespace medbcp::core
