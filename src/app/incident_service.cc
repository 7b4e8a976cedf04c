#include "app/incident_service.h"

#include <algorithm>

#include "app/incident_evidence.h"
#include "app/mail.h"
#include "app/plan_service.h"
#include "core/incident_guidance.h"
#include "core/incident_payload.h"
#include "core/text.h"
#include "store/database.h"
#include "store/incident_store.h"

namespace medbcp::app {
namespace {

using core::Instant;
using core::Problems;

core::Plan plan_or_empty(Workspace& ws) { return has_plan(ws) ? load_plan(ws) : core::Plan{}; }

core::Incident require_incident(store::Database& db, core::IncidentId id) {
  auto incident = store::load_incident(db, id);
  if (!incident) throw NoSuchIncident(id);
  return *incident;
}

AppendResult refused(std::string field, std::string message) {
  AppendResult r;
  r.problems.push_back(core::Problem{std::move(field), 0, std::move(message)});
  return r;
}

// What every append shares: one write transaction that reads the incident,
// refuses a closed one (except to reopen it), seals and inserts the entry,
// and lets `also` write what belongs with it.
struct Draft {
  core::EntryKind kind = core::EntryKind::Note;
  std::string text;
  std::string payload = "{}";
  std::string corrects;
  std::optional<Instant> occurred_at;
};

AppendResult append(
    Workspace& ws, const Actor& actor, core::IncidentId id, const Draft& draft, Instant now,
    const std::function<void(store::Database&, const core::TimelineEntry&)>& also = {}) {
  if (draft.occurred_at && core::is_in_future(*draft.occurred_at, now)) {
    return refused("occurred_at", "日時が未来になっています。起きた日時を確認してください。");
  }
  auto& db = ws.db();
  store::Transaction tx(db);
  const core::Incident incident = require_incident(db, id);
  if (incident.status == core::IncidentStatus::Closed && draft.kind != core::EntryKind::Reopen) {
    return refused("status",
                   "このインシデントは終了しています。記録するには先に再開してください。");
  }
  // A first-response step taken before the incident was found is a typing
  // mistake (a wrong day), not a fact: facts and notes may reach back.
  if (draft.kind == core::EntryKind::Step && draft.occurred_at &&
      draft.occurred_at->seconds < incident.discovery.discovered_at.seconds) {
    return refused("occurred_at", "発見（" + incident.discovery.discovered_at.tokyo_text() +
                                      "）より前の日時です。日時を確かめてください。");
  }
  core::TimelineEntry e;
  e.id = core::new_entry_id();
  e.incident = id;
  e.kind = draft.kind;
  e.occurred_at = draft.occurred_at.value_or(now);
  e.recorded_at = now;
  e.author = actor.name;
  e.text = draft.text;
  e.payload = draft.payload;
  e.corrects = draft.corrects;
  AppendResult result;
  result.entry = store::append_timeline_entry(db, e);
  if (also) also(db, *result.entry);
  tx.commit();
  return result;
}

// The first line of `text`, at most `max_chars` characters (UTF-8 aware).
std::string first_line(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\n' || text[i] == '\r') return text.substr(0, i);
    if ((byte & 0xC0) != 0x80 && chars++ == max_chars) return text.substr(0, i) + "…";
  }
  return text;
}

std::string with_note(std::string text, const std::string& note) {
  if (!core::trim(note).empty()) text += "。" + core::trim(note);
  return text;
}

}  // namespace

NoSuchIncident::NoSuchIncident(core::IncidentId incident_id)
    : std::runtime_error("インシデント " + std::to_string(incident_id.value) + " はありません。"),
      id(incident_id) {}

NoSuchIncident::NoSuchIncident(core::IncidentId incident_id, const std::string& message)
    : std::runtime_error(message), id(incident_id) {}

namespace {

// The incidents still open, oldest first.
std::vector<core::Incident> open_incidents_in(store::Database& db) {
  std::vector<core::Incident> open;
  for (auto& incident : store::list_incidents(db)) {
    if (incident.status == core::IncidentStatus::Open && !incident.drill) {
      open.push_back(std::move(incident));
    }
  }
  std::sort(open.begin(), open.end(), [](const core::Incident& a, const core::Incident& b) {
    return a.id.value < b.id.value;
  });
  return open;
}

}  // namespace

StartResult start_incident(Workspace& ws, const Actor& actor, const StartIncidentRequest& request,
                           Instant now) {
  require(actor, Permission::ReportIncident);
  const core::Plan plan = plan_or_empty(ws);

  core::Incident incident;
  incident.threat = request.threat;
  incident.discovery = request.discovery;
  incident.discovery.discoverer = core::trim(incident.discovery.discoverer);
  for (auto s : request.systems) incident.systems.push_back({s, ""});
  for (auto d : request.devices) incident.devices.push_back({d, "", ""});
  incident.personal_data_leak = request.personal_data_leak;
  // 認知 is when anyone of the clinic knew (PPC's Q&A: any part of the
  // organisation); the discoverer is one of us, so an unset 認知 starts the
  // deadlines at the discovery, not at the moment the report was typed.
  const bool discovered = request.discovery.discovered_at.seconds != 0;
  incident.aware_at = request.aware_at.value_or(discovered ? request.discovery.discovered_at : now);
  incident.opened_at = now;
  incident.opened_by = actor.name;
  incident.title = core::trim(request.title);
  if (incident.title.empty()) {
    // The first line of the situation, shortened, is title enough under stress.
    const std::string title = first_line(core::trim(request.discovery.situation), 40);
    incident.title = title.empty() ? std::string(core::label(request.threat)) : title;
  }

  StartResult result;
  result.problems = core::validate_new_incident(incident, plan, now);
  if (!result.problems.empty()) return result;
  core::name_affected_from_plan(incident, plan);

  auto& db = ws.db();
  store::Transaction tx(db);
  if (!request.separate_from_open) {
    // Read in the transaction: of two people reporting the same screen at
    // once, the second is told of the first.
    if (const auto open = open_incidents_in(db); !open.empty()) {
      const core::Incident& first = open.front();  // the one the pages and the CLI offer first
      result.problems.push_back(
          {"separate_event", 0,
           "対応中のインシデントがあります（No." + std::to_string(first.id.value) + "「" +
               first.title + "」、発見 " + first.discovery.discovered_at.tokyo_text() +
               "）。同じ出来事なら、新しく報告せずにその記録に追記してください。"
               "別の出来事なら、別の出来事として報告することを選んでください。"});
      return result;
    }
  }
  result.id = insert_started_incident(db, incident, actor.name, now);
  incident.id = result.id;
  // The 責任者 hears of it by mail (queued with the incident, sent later).
  queue_incident_started_mail(db, plan, incident, false, now);
  tx.commit();
  return result;
}

core::IncidentId insert_started_incident(store::Database& db, const core::Incident& incident,
                                         const std::string& author, Instant now) {
  const core::IncidentOpening opening{incident.title,     incident.threat,
                                      incident.discovery, incident.systems,
                                      incident.devices,   incident.personal_data_leak,
                                      incident.aware_at};
  const core::IncidentId id = store::insert_incident(db, incident);
  core::TimelineEntry e;
  e.id = core::new_entry_id();
  e.incident = id;
  e.kind = core::EntryKind::Fact;
  e.occurred_at = incident.discovery.discovered_at;
  e.recorded_at = now;
  e.author = author;
  e.text = core::describe(opening);
  e.payload = core::to_payload(opening);
  store::append_timeline_entry(db, e);
  return id;
}

std::vector<core::Incident> list_incidents(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  auto all = store::list_incidents(ws.db());
  std::erase_if(all, [](const core::Incident& i) { return i.drill; });
  return all;
}

std::vector<core::Incident> open_incidents(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  return open_incidents_in(ws.db());
}

IncidentView load_incident_view(Workspace& ws, const Actor& actor, core::IncidentId id,
                                Instant now) {
  require(actor, Permission::ReadPlan);
  IncidentView view;
  view.plan = plan_or_empty(ws);
  auto& db = ws.db();
  view.incident = require_incident(db, id);
  view.timeline = store::load_timeline(db, id);
  view.chain = core::verify_chain(view.timeline, store::load_chain_anchor(db, id));
  view.state = core::fold_timeline(view.timeline);
  if (view.state.opening && view.state.opening->corrected) {
    core::apply_opening(view.incident, view.state.opening->value);
  }
  view.deadlines = core::incident_deadlines(view.incident, view.plan, view.state, now);
  for (const auto* c :
       core::contacts_still_to_reach(view.plan, view.state, view.incident.personal_data_leak)) {
    view.still_to_reach.push_back(*c);
  }
  view.follow_ups = store::follow_up_tasks_of(db, id);
  return view;
}

AppendResult log_entry(Workspace& ws, const Actor& actor, core::IncidentId id,
                       const LogRequest& request, Instant now) {
  require(actor, Permission::ReportIncident);
  using K = core::EntryKind;
  if (request.kind != K::Fact && request.kind != K::Action && request.kind != K::Note) {
    return refused("kind",
                   "この種類の記録は専用の操作で行ってください（手順・連絡・判断・証拠など）。");
  }
  if (core::trim(request.text).empty()) return refused("text", "記録する内容を入力してください。");
  return append(ws, actor, id,
                Draft{request.kind, core::trim(request.text), "{}", "", request.occurred_at}, now);
}

AppendResult mark_step(Workspace& ws, const Actor& actor, core::IncidentId id,
                       const core::StepMark& mark, const std::string& note,
                       std::optional<Instant> occurred_at, Instant now) {
  require(actor, Permission::ReportIncident);
  core::StepMark m = mark;
  m.note = core::trim(note);
  AppendResult r;
  r.problems = core::validate(m);
  if (!r.problems.empty()) return r;
  return append(ws, actor, id,
                Draft{core::EntryKind::Step, with_note(core::describe(m), m.note),
                      core::to_payload(m), "", occurred_at},
                now);
}

AppendResult record_contact(Workspace& ws, const Actor& actor, core::IncidentId id,
                            core::ContactCall call, std::optional<Instant> occurred_at,
                            Instant now) {
  require(actor, Permission::ReportIncident);
  using Type = core::ContactTarget::Type;
  if (call.target.type != Type::Other) {
    const core::Plan plan = plan_or_empty(ws);
    if (call.target.type == Type::External) {
      const auto* c = plan.find_external(core::ExternalContactId(call.target.id));
      if (c == nullptr) return refused("contact", "別紙１にない連絡先が指定されています。");
      call.target.name = c->organization + (c->person.empty() ? "" : "（" + c->person + "）");
      call.target.category = c->category;
    } else if (call.target.type == Type::Officer) {
      if (core::trim(plan.officer.name).empty()) {
        return refused("contact",
                       "医療情報システム安全管理責任者が計画に登録されていません"
                       "（計画の「責任者」で登録してください）。");
      }
      call.target.id = 0;
      call.target.name = core::officer_contact_name(plan.officer);
      call.target.category.reset();
    } else {
      const auto* c = plan.find_internal(core::InternalContactId(call.target.id));
      if (c == nullptr) return refused("contact", "連絡体制図にない職員が指定されています。");
      call.target.name = c->name + (c->role.empty() ? "" : "（" + c->role + "）");
      call.target.category.reset();
    }
  }
  if (core::trim(call.called_by).empty()) call.called_by = actor.name;
  AppendResult r;
  r.problems = core::validate(call);
  if (!r.problems.empty()) return r;
  return append(ws, actor, id,
                Draft{core::EntryKind::Contact, core::describe(call), core::to_payload(call), "",
                      occurred_at},
                now);
}

AppendResult record_decision(Workspace& ws, const Actor& actor, core::IncidentId id,
                             core::Decision decision, std::optional<Instant> occurred_at,
                             Instant now) {
  require(actor, Permission::ManageIncident);
  if (decision.kind == core::DecisionKind::ReportGrounds) {
    decision.system.reset();
    if (!require_incident(ws.db(), id).personal_data_leak) {
      return refused("kind",
                     "個人情報漏えいのおそれがない事案には、個人情報保護委員会への確報の期限は"
                     "ありません。");
    }
  }
  if (decision.system) {
    const core::Incident incident = require_incident(ws.db(), id);
    decision.system_name.clear();
    for (const auto& s : incident.systems) {
      if (s.id == *decision.system) decision.system_name = s.name;
    }
    if (decision.system_name.empty()) {
      if (const auto* s = plan_or_empty(ws).find_system(*decision.system)) {
        decision.system_name = s->name;
      } else {
        return refused("system", "計画にないシステムが指定されています。");
      }
    }
  }
  AppendResult r;
  r.problems = core::validate(decision);
  if (!r.problems.empty()) return r;
  return append(ws, actor, id,
                Draft{core::EntryKind::Decision, core::describe(decision),
                      core::to_payload(decision), "", occurred_at},
                now);
}

AppendResult add_evidence(Workspace& ws, const Actor& actor, core::IncidentId id,
                          core::EvidenceItem item, const std::optional<std::string>& file_path,
                          std::optional<Instant> occurred_at, Instant now) {
  require(actor, Permission::ReportIncident);
  item.evidence_id = core::new_entry_id();
  item.device_name.clear();
  if (item.device) {
    const core::Plan plan = plan_or_empty(ws);
    for (const auto& d : plan.devices) {
      if (d.id == *item.device) {
        item.device_name = d.name + (d.asset_number.empty() ? "" : "（" + d.asset_number + "）");
      }
    }
    if (item.device_name.empty())
      return refused("device", "情報機器台帳にない機器が指定されています。");
  }
  AppendResult r;
  r.problems = core::validate(item);
  if (!r.problems.empty()) return r;
  (void)require_incident(ws.db(), id);  // before hashing a large file for nothing
  if (file_path) {
    FileDigest digest = hash_evidence_file(*file_path);
    item.file_name = digest.name;
    item.file_size = digest.size;
    item.sha256 = digest.sha256;
  }
  return append(ws, actor, id,
                Draft{core::EntryKind::Evidence, core::describe(item), core::to_payload(item), "",
                      occurred_at},
                now);
}

AppendResult hand_over_evidence(Workspace& ws, const Actor& actor, core::IncidentId id,
                                const core::CustodyTransfer& transfer,
                                std::optional<Instant> occurred_at, Instant now) {
  require(actor, Permission::ReportIncident);
  AppendResult r;
  r.problems = core::validate(transfer);
  if (!r.problems.empty()) return r;
  const auto state = core::fold_timeline(store::load_timeline(ws.db(), id));
  const auto* evidence = state.find_evidence(transfer.evidence_id);
  if (evidence == nullptr) return refused("evidence_id", "その証拠品は登録されていません。");
  std::string text = core::describe(transfer);
  text = "「" + evidence->item.value.item + "」の受け渡し: " + text.substr(text.find(": ") + 2);
  return append(ws, actor, id,
                Draft{core::EntryKind::Custody, text, core::to_payload(transfer), "", occurred_at},
                now);
}

AppendResult correct_entry(Workspace& ws, const Actor& actor, core::IncidentId id,
                           const std::string& corrected_entry_id,
                           const core::Correction& correction, const std::string& text,
                           Instant now) {
  require(actor, Permission::ReportIncident);
  if (core::trim(text).empty()) return refused("text", "何が誤っていたかを入力してください。");
  const auto target = store::find_timeline_entry(ws.db(), corrected_entry_id);
  if (!target || target->incident != id) {
    return refused("corrects", "訂正する記録がこのインシデントにありません。");
  }
  if (target->kind == core::EntryKind::Close || target->kind == core::EntryKind::Reopen) {
    return refused("corrects",
                   "終了・再開の記録は訂正できません。再開または終了をやり直してください。");
  }
  if (correction.replacement_payload && !core::is_json_object(*correction.replacement_payload)) {
    return refused("replacement", "訂正後の内容が JSON オブジェクトではありません。");
  }
  return append(ws, actor, id,
                Draft{core::EntryKind::Correction,
                      "No." + std::to_string(target->seq) + " の訂正: " + core::trim(text),
                      core::to_payload(correction), corrected_entry_id, std::nullopt},
                now);
}

std::vector<std::string> open_items_at_close(const IncidentView& view) {
  std::vector<std::string> items;
  for (const auto& d : view.deadlines) {
    if (d.state == core::DeadlineState::Done) continue;
    items.push_back(d.title + "（" + core::label(d.state) + "）");
  }
  for (const auto& c : view.still_to_reach) items.push_back(c.organization + "への連絡（未連絡）");
  return items;
}

AppendResult close_incident(Workspace& ws, const Actor& actor, core::IncidentId id,
                            const core::Closure& closure, Instant now, OpenItems open_items) {
  require(actor, Permission::ManageIncident);
  AppendResult r;
  r.problems = core::validate(closure);
  if (!r.problems.empty()) return r;
  if (open_items == OpenItems::Refuse) {
    const auto items = open_items_at_close(load_incident_view(ws, actor, id, now));
    if (!items.empty()) {
      return refused("open_items", "まだ終わっていないことがあります：" + core::listed(items) +
                                       "。済ませてから終了するか、未了のまま終了することを選んで"
                                       "ください。");
    }
  }
  const bool drill = require_incident(ws.db(), id).drill;
  std::string text = std::string(drill ? "訓練終了。振り返り: " : "インシデント終了。教訓: ") +
                     core::trim(closure.lessons);
  if (!closure.follow_ups.empty()) {
    text += std::string(drill ? "。所見から課題 " : "。再発防止策 ") +
            std::to_string(closure.follow_ups.size()) + " 件";
  }
  return append(ws, actor, id,
                Draft{core::EntryKind::Close, text, core::to_payload(closure), "", std::nullopt},
                now, [&](store::Database& db, const core::TimelineEntry& e) {
                  store::insert_follow_up_tasks(db, id, closure.follow_ups, now, actor.name, e.id);
                  store::set_incident_status(db, id, core::IncidentStatus::Closed, now);
                });
}

AppendResult reopen_incident(Workspace& ws, const Actor& actor, core::IncidentId id,
                             const std::string& reason, Instant now) {
  require(actor, Permission::ManageIncident);
  if (core::trim(reason).empty()) return refused("reason", "再開する理由を入力してください。");
  if (require_incident(ws.db(), id).status != core::IncidentStatus::Closed) {
    return refused("status", "このインシデントは対応中です（再開の必要はありません）。");
  }
  return append(ws, actor, id,
                Draft{core::EntryKind::Reopen, "インシデント再開: " + core::trim(reason), "{}", "",
                      std::nullopt},
                now, [&](store::Database& db, const core::TimelineEntry&) {
                  store::set_incident_status(db, id, core::IncidentStatus::Open, std::nullopt);
                });
}

AppendResult append_structured(Workspace& ws, const Actor& actor, core::IncidentId id,
                               core::EntryKind kind, const std::string& text,
                               const std::string& payload, std::optional<Instant> occurred_at,
                               Instant now) {
  require(actor, Permission::ReportIncident);
  if (kind != core::EntryKind::Fact && kind != core::EntryKind::Note) {
    return refused("kind", "この種類の記録は専用の操作で行ってください。");
  }
  return append(ws, actor, id, Draft{kind, text, payload, "", occurred_at}, now);
}

AppendResult record_drill_event(Workspace& ws, const Actor& actor, core::IncidentId id,
                                const core::DrillEvent& event, std::optional<Instant> occurred_at,
                                Instant now) {
  require(actor, Permission::ManageIncident);
  if (!require_incident(ws.db(), id).drill) {
    return refused("drill", "No." + std::to_string(id.value) +
                                " は訓練ではありません（実際のインシデントです）。");
  }
  return append(ws, actor, id,
                Draft{core::EntryKind::Drill, core::describe(event), core::to_payload(event), "",
                      occurred_at},
                now);
}

core::ChainReport verify_incident(Workspace& ws, const Actor& actor, core::IncidentId id,
                                  const std::vector<std::string>& witnessed) {
  require(actor, Permission::ReadPlan);
  auto& db = ws.db();
  (void)require_incident(db, id);
  const core::ChainAnchor anchor = store::load_chain_anchor(db, id);
  // Stream first: a long intact chain verifies in constant memory. Only a
  // broken one (or one checked against witnessed hashes) is loaded whole to
  // explain it.
  core::ChainScanner scanner;
  store::for_each_timeline_entry(db, id, [&](const core::TimelineEntry& e) { scanner.add(e); });
  if (scanner.clean_against(anchor) && witnessed.empty()) {
    return core::ChainReport{scanner.count(), scanner.head_hash(), {}};
  }
  return core::verify_chain(store::load_timeline(db, id), anchor, witnessed);
}

std::vector<core::FollowUpTask> list_follow_up_tasks(Workspace& ws, const Actor& actor,
                                                     bool open_only) {
  require(actor, Permission::ReadPlan);
  return store::list_follow_up_tasks(ws.db(), open_only);
}

bool complete_follow_up_task(Workspace& ws, const Actor& actor, std::int64_t task_id, Instant now) {
  require(actor, Permission::EditPlan);
  auto& db = ws.db();
  store::Transaction tx(db);
  const bool done = store::complete_follow_up_task(db, task_id, now, actor.name);
  tx.commit();
  return done;
}

}  // namespace medbcp::app
