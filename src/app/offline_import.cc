#include "app/offline_import.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/drill_scenarios.h"
#include "app/password.h"
#include "app/plan_service.h"
#include "core/drill.h"
#include "core/incident_payload.h"
#include "core/incident_record.h"
#include "core/text.h"
#include "core/timeline.h"
#include "io/offline_log.h"
#include "store/drill_store.h"
#include "store/incident_store.h"
#include "store/kit_store.h"

namespace medbcp::app {
namespace {

using io::OfflineEntry;
using io::OfflineEntryKind;

core::Problem problem(std::string field, std::string message, int row = 0) {
  return core::Problem{std::move(field), row, std::move(message)};
}

std::string incident_label(core::IncidentId id) {
  return "インシデント " + std::to_string(id.value);
}

// The report as the timeline's opening record, as the kit wrote it.
core::IncidentOpening opening_of(const OfflineEntry& report) {
  // The log was validated, so the payload reads.
  return core::read_opening(report.payload).value_or(core::IncidentOpening{});
}

// A report merged into an incident that already has its opening: kept whole
// under another key, so it does not replace the incident's own opening.
std::string merged_report_payload(const core::IncidentOpening& opening) {
  std::string payload = core::to_payload(opening);
  const std::string_view key = "{\"opening\":";
  return "{\"offline_report\":" + payload.substr(key.size());
}

core::EntryKind timeline_kind(const OfflineEntry& e) {
  if (io::offline_drill_inject(e)) return core::EntryKind::Drill;
  switch (e.kind) {
    case OfflineEntryKind::Report:
    case OfflineEntryKind::Fact:
      return core::EntryKind::Fact;
    case OfflineEntryKind::Action:
      return core::EntryKind::Action;
    case OfflineEntryKind::Note:
      return core::EntryKind::Note;
    case OfflineEntryKind::Step:
      return core::EntryKind::Step;
    case OfflineEntryKind::Contact:
      return core::EntryKind::Contact;
  }
  return core::EntryKind::Note;
}

// The payload as the timeline stores it: re-written by the core writers, so
// it has the same canonical bytes as one written online.
std::string timeline_payload(const OfflineEntry& e, bool as_opening) {
  switch (e.kind) {
    case OfflineEntryKind::Report:
      return as_opening ? core::to_payload(opening_of(e)) : merged_report_payload(opening_of(e));
    case OfflineEntryKind::Step:
      return core::to_payload(core::read_step_mark(e.payload).value_or(core::StepMark{}));
    case OfflineEntryKind::Contact:
      return core::to_payload(core::read_contact_call(e.payload).value_or(core::ContactCall{}));
    case OfflineEntryKind::Note:
      if (const auto inject = io::offline_drill_inject(e)) {
        core::DrillEvent event;
        event.type = core::DrillEvent::Type::Inject;
        event.inject_index = inject->index;
        event.minute = inject->minute;
        event.text = inject->text;
        return core::to_payload(event);
      }
      return "{}";
    case OfflineEntryKind::Fact:
    case OfflineEntryKind::Action:
      return "{}";
  }
  return "{}";
}

core::TimelineEntry to_timeline_entry(const OfflineEntry& e, core::IncidentId incident,
                                      bool as_opening) {
  core::TimelineEntry t;
  t.id = e.id;
  t.incident = incident;
  t.kind = timeline_kind(e);
  t.occurred_at = e.occurred_at;
  t.recorded_at = e.recorded_at;
  t.author = e.author;
  t.text = e.text;
  t.payload = timeline_payload(e, as_opening);
  t.recorded_offline = true;
  return t;
}

// Whether a stored entry is this offline entry, merged before.
bool same_record(const core::TimelineEntry& stored, const OfflineEntry& e) {
  const core::TimelineEntry fresh = to_timeline_entry(e, stored.incident, false);
  const bool payload_matches =
      stored.payload == fresh.payload ||
      (e.kind == OfflineEntryKind::Report && stored.payload == timeline_payload(e, true));
  return stored.kind == fresh.kind && stored.occurred_at == fresh.occurred_at &&
         stored.recorded_at == fresh.recorded_at && stored.author == fresh.author &&
         stored.text == fresh.text && payload_matches && stored.recorded_offline;
}

// The first line of `text`, at most `max_chars` characters.
std::string first_line(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\n' || text[i] == '\r') return text.substr(0, i);
    if ((byte & 0xC0) != 0x80 && chars++ == max_chars) return text.substr(0, i) + "…";
  }
  return text;
}

// A system ticked on the kit, in today's plan: the same id under the same
// name, else the same name (the plan may have been rebuilt since the kit);
// one no longer in the plan keeps what the kit showed.
core::AffectedSystem resolve(const core::AffectedSystem& ticked, const core::Plan& plan) {
  const auto* same = plan.find_system(ticked.id);
  if (same != nullptr && same->name == ticked.name) return ticked;
  for (const auto& s : plan.systems) {
    if (s.name == ticked.name) return {s.id, ticked.name};
  }
  return ticked;
}

// A device by its 管理番号 first (what is written on the device), then as a system.
core::AffectedDevice resolve(const core::AffectedDevice& ticked, const core::Plan& plan) {
  for (const auto& d : plan.devices) {
    if (!ticked.asset_number.empty() && d.asset_number == ticked.asset_number) {
      return {d.id, ticked.name, ticked.asset_number};
    }
  }
  for (const auto& d : plan.devices) {
    if (d.id == ticked.id && d.name == ticked.name) return ticked;
  }
  return ticked;
}

core::Incident incident_from_report(const OfflineEntry& report, const core::Plan& plan) {
  const core::IncidentOpening o = opening_of(report);
  core::Incident incident;
  incident.title = core::trim(o.title);
  if (incident.title.empty()) incident.title = first_line(core::trim(o.discovery.situation), 40);
  if (incident.title.empty()) incident.title = core::label(o.threat);
  incident.threat = o.threat;
  incident.discovery = o.discovery;
  for (const auto& ticked : o.systems) {
    const auto found = resolve(ticked, plan);
    if (std::none_of(incident.systems.begin(), incident.systems.end(),
                     [&](const core::AffectedSystem& s) { return s.id == found.id; })) {
      incident.systems.push_back(found);
    }
  }
  for (const auto& ticked : o.devices) {
    const auto found = resolve(ticked, plan);
    if (std::none_of(incident.devices.begin(), incident.devices.end(),
                     [&](const core::AffectedDevice& d) { return d.id == found.id; })) {
      incident.devices.push_back(found);
    }
  }
  incident.personal_data_leak = o.personal_data_leak;
  incident.aware_at = o.aware_at;
  incident.opened_at = report.recorded_at;
  incident.opened_by = report.author;
  return incident;
}

std::string short_hash(const std::string& hex) { return hex.substr(0, 16); }

OfflineSeal check_seal(store::Database& db, const io::OfflineLog& log) {
  const auto kit = store::find_kit(db, log.kit.id);
  if (!kit || kit->seal_key.empty()) return OfflineSeal::KitUnknown;
  if (log.seal.empty()) return OfflineSeal::Missing;
  return constant_time_equal(io::offline_log_seal(log, kit->seal_key), log.seal)
             ? OfflineSeal::Verified
             : OfflineSeal::Mismatch;
}

}  // namespace

const char* label(OfflineSeal seal) {
  switch (seal) {
    case OfflineSeal::Verified:
      return "確認済み（このサーバが作ったキットで記録されたもの）";
    case OfflineSeal::KitUnknown:
      return "確認できない（このサーバが作ったキットではないか、封印のない古いキット）";
    case OfflineSeal::Missing:
      return "なし（キットには鍵があるのに封印がない。書き換えられたか、そのキットの記録ではない）";
    case OfflineSeal::Mismatch:
      return "不一致（書き換えられたか、そのキットの記録ではない）";
  }
  return "確認できない";
}

OfflineImportResult import_offline_log(Workspace& ws, const Actor& actor, std::string_view file,
                                       std::optional<core::IncidentId> into, core::Instant now) {
  require(actor, Permission::ReportIncident);
  OfflineImportResult result;
  io::OfflineLogParse parse = io::parse_offline_log(file);
  if (!parse.log) {
    result.problems = std::move(parse.problems);
    return result;
  }
  const io::OfflineLog& log = *parse.log;
  if (log.entries.empty()) {
    result.problems.push_back(problem("entries", "このファイルには記録がありません。"));
    return result;
  }
  const core::Plan plan = has_plan(ws) ? load_plan(ws) : core::Plan{};
  if (!plan.facility.name.empty() && !log.kit.facility.empty() &&
      core::match_key(plan.facility.name) != core::match_key(log.kit.facility)) {
    result.notices.push_back("このファイルは「" + log.kit.facility +
                             "」のオフラインキットで記録されたものです（この計画は「" +
                             plan.facility.name + "」）。");
  }
  result.seal = check_seal(ws.db(), log);
  if (result.seal != OfflineSeal::Verified) {
    result.notices.push_back(std::string("キットの封印: ") + label(result.seal) +
                             "。記録の中身を、記録した人に確かめてください。");
  }
  if (plan.facility.edition != log.kit.edition && log.kit.edition > 0) {
    result.notices.push_back("記録に使われたキットは計画の第" + std::to_string(log.kit.edition) +
                             "版のものです（現在は第" + std::to_string(plan.facility.edition) +
                             "版）。");
  }

  auto& db = ws.db();
  store::Transaction tx(db);

  // Which entries are already on a timeline, and where.
  std::map<std::string, core::TimelineEntry> stored;
  std::set<std::int64_t> holders;
  for (std::size_t i = 0; i < log.entries.size(); ++i) {
    const OfflineEntry& e = log.entries[i];
    auto existing = store::find_timeline_entry(db, e.id);
    if (!existing) continue;
    const int row = static_cast<int>(i + 1);
    if (!same_record(*existing, e)) {
      result.problems.push_back(problem("entries[" + std::to_string(i) + "].id",
                                        "この ID の記録は " + incident_label(existing->incident) +
                                            " に別の内容で記録されています。"
                                            "ファイルが改変されたおそれがあるため取り込みません。",
                                        row));
      continue;
    }
    holders.insert(existing->incident.value);
    stored.emplace(e.id, std::move(*existing));
  }
  if (!result.problems.empty()) return result;
  if (holders.size() > 1) {
    result.problems.push_back(problem(
        "entries",
        "このファイルの記録は複数のインシデントに分かれて取り込まれています。取り込みません。"));
    return result;
  }

  const OfflineEntry* report = nullptr;
  for (const auto& e : log.entries) {
    if (e.kind == OfflineEntryKind::Report) report = &e;
  }

  std::optional<core::Incident> target;
  if (into) {
    if (!holders.empty() && *holders.begin() != into->value) {
      result.problems.push_back(problem(
          "incident", "このファイルはすでに " + incident_label(core::IncidentId(*holders.begin())) +
                          " に取り込まれています。同じインシデントを指定してください。"));
      return result;
    }
    target = store::load_incident(db, *into);
    if (!target) {
      result.problems.push_back(problem("incident", incident_label(*into) + " はありません。"));
      return result;
    }
  } else if (!holders.empty()) {
    target = store::load_incident(db, core::IncidentId(*holders.begin()));
  } else if (report == nullptr) {
    result.problems.push_back(
        problem("entries",
                "このファイルには発見・報告がないため、新しいインシデントにできません。"
                "取り込み先のインシデントを指定してください。"));
    return result;
  }

  // The entries to add, in their deterministic order. A new incident's
  // report comes first: it is the opening.
  std::vector<const OfflineEntry*> fresh;
  for (const auto& e : log.entries) {
    if (stored.count(e.id) == 0) fresh.push_back(&e);
  }
  std::sort(fresh.begin(), fresh.end(), [](const OfflineEntry* a, const OfflineEntry* b) {
    return std::tie(a->occurred_at, a->recorded_at, a->id) <
           std::tie(b->occurred_at, b->recorded_at, b->id);
  });
  result.already_present = static_cast<int>(stored.size());
  const bool creating = !target.has_value();
  // A log written in the kit's drill mode is a drill, and stays one: it
  // never lands on a real incident, nor a real log on a drill.
  const std::optional<io::OfflineDrill> drill =
      report != nullptr ? io::offline_drill(*report) : std::nullopt;
  const bool drill_entries =
      drill.has_value() || std::any_of(log.entries.begin(), log.entries.end(), [](const auto& e) {
        return io::offline_drill_inject(e).has_value();
      });
  // A second laptop's log (no report) may join a drill as it joins an incident.
  const bool real_report = report != nullptr && !drill;
  if (target && !fresh.empty() &&
      ((drill_entries && !target->drill) || (real_report && target->drill))) {
    result.problems.push_back(problem(
        "incident", drill_entries
                        ? "このファイルは訓練の記録です。実際のインシデントには取り込めません。"
                        : "このファイルは実際のインシデントの記録です。訓練には取り込めません。"));
    return result;
  }

  if (creating) {
    core::Incident incident = incident_from_report(*report, plan);
    // What was ticked on the kit is kept even when today's plan no longer
    // has it (incident_from_report): a record made on the day is not refused.
    core::Incident checked = incident;
    checked.systems.clear();
    checked.devices.clear();
    core::Problems problems = core::validate_new_incident(checked, plan, now);
    if (!problems.empty()) {
      const auto row = static_cast<int>(report - log.entries.data()) + 1;
      for (auto& p : problems) {
        result.problems.push_back(problem(
            "entries[" + std::to_string(row - 1) + "].payload.opening." + p.field, p.message, row));
      }
      return result;
    }
    std::stable_partition(fresh.begin(), fresh.end(),
                          [report](const OfflineEntry* e) { return e == report; });
    if (drill) {
      incident.drill = true;
      if (!incident.title.starts_with("【訓練】")) incident.title = "【訓練】" + incident.title;
    }
    target = incident;
    target->id = store::insert_incident(db, incident);
    result.created = true;
    if (drill) {
      // The scenario as this binary knows it (a clinic's own scenario keeps
      // its code and title); the start follows the opening on the timeline.
      const auto catalog = load_scenarios();
      const auto* known = catalog.find(drill->scenario);
      store::insert_drill(
          db, core::DrillRecord{target->id, drill->scenario, known ? known->title : drill->title,
                                known ? known->source : "", core::DrillMode::Offline});
    }
  } else if (!fresh.empty() && target->status == core::IncidentStatus::Closed) {
    result.problems.push_back(problem(
        "incident", incident_label(target->id) +
                        " は終了しています。取り込むには先にインシデントを再開してください。"));
    return result;
  }

  result.incident = target->id;
  for (const OfflineEntry* e : fresh) {
    const bool as_opening = creating && e == report;
    store::append_timeline_entry(db, to_timeline_entry(*e, target->id, as_opening));
    if (as_opening && drill) {
      core::DrillEvent start;
      start.type = core::DrillEvent::Type::Start;
      start.scenario_code = drill->scenario;
      start.mode = core::DrillMode::Offline;
      start.participants = {{e->author, "記録者（オフラインキット）"}};
      if (target->discovery.discoverer != e->author) {
        start.participants.push_back({target->discovery.discoverer, "発見者"});
      }
      store::append_timeline_entry(
          db,
          core::drill_entry(target->id, start, target->discovery.discovered_at, now, actor.name));
    }
  }
  result.added = static_cast<int>(fresh.size());
  if (result.added > 0) {
    // Provenance: who merged which file. Written now, by the person merging.
    core::TimelineEntry note;
    note.id = core::new_entry_id();
    note.incident = target->id;
    note.kind = core::EntryKind::Note;
    note.occurred_at = now;
    note.recorded_at = now;
    note.author = actor.name;
    note.text = "オフライン記録を取り込み: " + std::to_string(result.added) + " 件（キット " +
                log.kit.id.substr(0, 8) + "・第" + std::to_string(log.kit.edition) +
                "版、記録端末 " + log.log_id.substr(0, 8) + "、ファイルの整合性ハッシュ " +
                short_hash(log.sha256) + "…、キットの封印 " + label(result.seal) + "）";
    store::append_timeline_entry(db, note);
  }
  tx.commit();
  return result;
}

}  // namespace medbcp::app
