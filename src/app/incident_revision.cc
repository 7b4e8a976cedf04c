#include "app/incident_revision.h"

#include <algorithm>
#include <set>

#include "app/plan_service.h"
#include "core/incident_payload.h"
#include "core/text.h"

namespace medbcp::app {
namespace {

// Times are typed and shown to the minute; the stored ones carry seconds.
std::int64_t minute_of(core::Instant t) {
  return t.seconds >= 0 ? t.seconds / 60 : (t.seconds - 59) / 60;
}

AppendResult refused(std::string field, std::string message, int row = 0) {
  AppendResult r;
  r.problems.push_back(core::Problem{std::move(field), row, std::move(message)});
  return r;
}

std::string names(const std::vector<core::AffectedSystem>& systems) {
  std::vector<std::string> out;
  out.reserve(systems.size());
  for (const auto& s : systems) out.push_back(s.name);
  return out.empty() ? "なし" : core::listed(out);
}

std::string names(const std::vector<core::AffectedDevice>& devices) {
  std::vector<std::string> out;
  out.reserve(devices.size());
  for (const auto& d : devices) {
    out.push_back(d.asset_number.empty() ? d.name : d.name + "（" + d.asset_number + "）");
  }
  return out.empty() ? "なし" : core::listed(out);
}

// The new list: entries already affected keep the name they had then (the
// ledger may have changed since); new ones take the plan's. Problems carry
// the row of the list as given.
template <class Affected, class Id, class Find>
std::optional<core::Problem> revise_list(std::vector<Affected>& list, const std::vector<Id>& ids,
                                         const char* field, const char* what, Find find_in_plan) {
  std::vector<Affected> revised;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const int row = static_cast<int>(i + 1);
    if (!seen.insert(ids[i].value).second) {
      return core::Problem{field, row, std::string("同じ") + what + "が二度指定されています。"};
    }
    auto kept =
        std::find_if(list.begin(), list.end(), [&](const Affected& a) { return a.id == ids[i]; });
    if (kept != list.end()) {
      revised.push_back(*kept);
      continue;
    }
    auto named = find_in_plan(ids[i]);
    if (!named) {
      return core::Problem{field, row,
                           std::string("計画にない") + what + "が指定されています（ID " +
                               std::to_string(ids[i].value) + "）。"};
    }
    revised.push_back(*named);
  }
  list = std::move(revised);
  return std::nullopt;
}

}  // namespace

AppendResult revise_incident_facts(Workspace& ws, const Actor& actor, core::IncidentId id,
                                   const FactsRevision& revision, core::Instant now) {
  require(actor, Permission::ManageIncident);
  const std::string reason = core::trim(revision.reason);
  if (reason.empty()) {
    return refused("reason", "訂正の理由（新たに分かったこと）を入力してください。");
  }
  const IncidentView view = load_incident_view(ws, actor, id, now);
  if (!view.state.opening) {
    return refused("revision", "開始時の記録が読めないため、訂正できません。");
  }
  // The facts as they read now: the incident (a kit's report names systems
  // by the kit's ids; the incident holds them as found in the plan).
  core::IncidentOpening opening = view.state.opening->value;
  opening.systems = view.incident.systems;
  opening.devices = view.incident.devices;
  opening.personal_data_leak = view.incident.personal_data_leak;
  opening.aware_at = view.incident.aware_at;
  std::vector<std::string> changes;

  if (revision.personal_data_leak && *revision.personal_data_leak != opening.personal_data_leak) {
    changes.push_back(std::string("個人情報漏えいのおそれ ") +
                      (opening.personal_data_leak ? "あり → なし" : "なし → あり"));
    opening.personal_data_leak = *revision.personal_data_leak;
  }
  if (revision.aware_at && minute_of(*revision.aware_at) != minute_of(opening.aware_at)) {
    if (core::is_in_future(*revision.aware_at, now)) {
      return refused("aware_at", "認知日時が未来になっています。日時を確認してください。");
    }
    if (minute_of(*revision.aware_at) < minute_of(opening.discovery.discovered_at)) {
      return refused("aware_at", "認知日時が発見日時（" +
                                     opening.discovery.discovered_at.tokyo_text() +
                                     "）より前になっています。日時を確認してください。");
    }
    changes.push_back("認知日時 " + opening.aware_at.tokyo_text() + " → " +
                      revision.aware_at->tokyo_text());
    opening.aware_at = *revision.aware_at;
  }
  if (revision.systems) {
    const std::string before = names(opening.systems);
    if (auto problem = revise_list(opening.systems, *revision.systems, "systems", "システム",
                                   [&](core::SystemId sid) -> std::optional<core::AffectedSystem> {
                                     const auto* s = view.plan.find_system(sid);
                                     if (s == nullptr) return std::nullopt;
                                     return core::AffectedSystem{sid, s->name};
                                   })) {
      return AppendResult{{*problem}, std::nullopt};
    }
    if (names(opening.systems) != before) {
      changes.push_back("影響を受けたシステム " + before + " → " + names(opening.systems));
    }
  }
  if (revision.devices) {
    const std::string before = names(opening.devices);
    if (auto problem = revise_list(opening.devices, *revision.devices, "devices", "機器",
                                   [&](core::DeviceId did) -> std::optional<core::AffectedDevice> {
                                     for (const auto& d : view.plan.devices) {
                                       if (d.id == did) {
                                         return core::AffectedDevice{did, d.name, d.asset_number};
                                       }
                                     }
                                     return std::nullopt;
                                   })) {
      return AppendResult{{*problem}, std::nullopt};
    }
    if (names(opening.devices) != before) {
      changes.push_back("影響を受けた機器 " + before + " → " + names(opening.devices));
    }
  }
  if (changes.empty()) {
    return refused("revision", "変更された項目がありません。今の記録のままです。");
  }
  std::string changed;
  for (const auto& c : changes) changed.append(changed.empty() ? "" : "／").append(c);
  core::Correction correction;
  correction.replacement_payload = core::to_payload(opening);
  return correct_entry(ws, actor, id, view.state.opening->entry_id, correction,
                       "開始時の報告を訂正（" + changed + "）。理由: " + reason, now);
}

}  // namespace medbcp::app
