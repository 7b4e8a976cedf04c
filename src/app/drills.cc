#include "app/drills.h"

#include <algorithm>

#include "app/mail.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "app/users.h"
#include "core/text.h"
#include "store/database.h"
#include "store/drill_store.h"
#include "store/incident_store.h"

namespace medbcp::app {
namespace {

using core::Instant;

core::Problems one_problem(std::string field, std::string message) {
  return {core::Problem{std::move(field), 0, std::move(message)}};
}

AppendResult refused(std::string field, std::string message) {
  AppendResult r;
  r.problems = one_problem(std::move(field), std::move(message));
  return r;
}

core::DrillRecord require_drill(store::Database& db, core::IncidentId id) {
  auto drill = store::load_drill(db, id);
  if (!drill) {
    throw NoSuchIncident(id, "訓練 No." + std::to_string(id.value) +
                                 " はありません（実際のインシデントか、番号の誤りです）。");
  }
  return *drill;
}

core::DrillScenario scenario_of(const core::DrillRecord& record) {
  // The source was read without problems when the drill started; what it
  // says now is what it said then. An offline kit's drill of a scenario this
  // binary does not know has its code and title only.
  core::DrillScenario s = core::parse_drill_scenario(record.scenario_source).scenario;
  if (s.code.empty()) s.code = record.scenario_code;
  if (s.title.empty()) s.title = record.scenario_title;
  return s;
}

std::vector<core::DrillParticipant> cleaned(const std::vector<core::DrillParticipant>& people) {
  std::vector<core::DrillParticipant> out;
  for (const auto& p : people) {
    core::DrillParticipant c{core::trim(p.name), core::trim(p.role)};
    if (c.name.empty()) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& q) {
      return core::match_key(q.name) == core::match_key(c.name);
    });
    if (same == out.end()) out.push_back(std::move(c));
  }
  return out;
}

// The participant playing the 発見者 (or the scenario's discoverer role),
// else the first one.
std::string discoverer_of(const core::DrillScenario& scenario,
                          const std::vector<core::DrillParticipant>& people,
                          const std::string& fallback) {
  for (const auto& p : people) {
    if (p.role.find("発見") != std::string::npos) return p.name;
  }
  for (const auto& p : people) {
    if (!scenario.discoverer_role.empty() && core::match_key(p.role).find(core::match_key(
                                                 scenario.discoverer_role)) != std::string::npos) {
      return p.name;
    }
  }
  return people.empty() ? fallback : people.front().name;
}

}  // namespace

bool is_drill(Workspace& ws, core::IncidentId id) {
  return store::load_drill(ws.db(), id).has_value();
}

StartResult start_drill(Workspace& ws, const Actor& actor, const ScenarioCatalog& catalog,
                        const StartDrillRequest& request, Instant now) {
  require(actor, Permission::ManageIncident);
  StartResult result;
  const core::DrillScenario* scenario = catalog.find(core::trim(request.scenario_code));
  if (scenario == nullptr) {
    result.problems =
        one_problem("scenario", "訓練シナリオ「" + request.scenario_code +
                                    "」はありません。使えるシナリオ: " + catalog.codes() + "。");
    return result;
  }
  const Instant start = request.started_at.value_or(now);
  if (core::is_in_future(start, now)) {
    result.problems = one_problem(
        "started_at", "開始日時が未来になっています。訓練を始めた日時を確認してください。");
    return result;
  }
  const auto people = cleaned(request.participants);
  const core::Plan plan = has_plan(ws) ? load_plan(ws) : core::Plan{};

  core::Incident incident;
  incident.drill = true;
  incident.title = "【訓練】" + scenario->title;
  incident.threat = scenario->threat;
  incident.discovery.discoverer = discoverer_of(*scenario, people, actor.name);
  incident.discovery.discovered_at = start;
  incident.discovery.how_found = scenario->how_found;
  incident.discovery.situation = scenario->situation;
  for (auto id : core::scenario_systems_in(*scenario, plan)) incident.systems.push_back({id, ""});
  incident.personal_data_leak = scenario->personal_data_leak;
  incident.aware_at = start;
  incident.opened_at = now;
  incident.opened_by = actor.name;
  result.problems = core::validate_new_incident(incident, plan, now);
  if (!result.problems.empty()) return result;
  core::name_affected_from_plan(incident, plan);

  core::DrillEvent event;
  event.type = core::DrillEvent::Type::Start;
  event.scenario_code = scenario->code;
  event.mode = request.mode;
  event.participants = people;

  auto& db = ws.db();
  store::Transaction tx(db);
  if (!request.despite_open_incident) {
    for (const auto& open : store::list_incidents(db)) {
      if (open.drill || open.status != core::IncidentStatus::Open) continue;
      result.problems =
          one_problem("open_incident", "対応中の実際のインシデントがあります（No." +
                                           std::to_string(open.id.value) + "「" + open.title +
                                           "」）。実際の対応が先です。それでも訓練を始めるときは、"
                                           "そのことを確かめたうえで選び直してください。");
      return result;
    }
  }
  result.id = insert_started_incident(db, incident, actor.name, now);
  store::insert_drill(db, core::DrillRecord{result.id, scenario->code, scenario->title,
                                            scenario->source, request.mode});
  store::append_timeline_entry(db, core::drill_entry(result.id, event, start, now, actor.name));
  incident.id = result.id;
  queue_incident_started_mail(db, plan, incident, true, now);  // marked 【訓練】
  tx.commit();
  return result;
}

AppendResult reveal_inject(Workspace& ws, const Actor& actor, core::IncidentId id,
                           std::optional<int> index, Instant now) {
  require(actor, Permission::ManageIncident);
  auto& db = ws.db();
  const core::DrillRecord record = require_drill(db, id);
  const core::DrillScenario scenario = scenario_of(record);
  const core::DrillProgress progress = core::fold_drill(store::load_timeline(db, id));
  if (progress.ended_at) return refused("status", "この訓練は終了しています。");
  if (progress.paused())
    return refused("status", "訓練は一時停止中です。再開してから出してください。");
  const int count = static_cast<int>(scenario.injects.size());
  if (!index) {
    for (int i = 0; i < count && !index; ++i)
      if (!progress.is_revealed(i)) index = i;
    if (!index) return refused("inject", "付与情報はすべて出しました。");
  }
  if (*index < 0 || *index >= count) {
    return refused("inject", "付与情報の番号は 1〜" + std::to_string(count) + " です。");
  }
  if (progress.is_revealed(*index)) {
    return refused("inject", "付与情報 " + std::to_string(*index + 1) + " はもう出しています。");
  }
  core::DrillEvent event;
  event.type = core::DrillEvent::Type::Inject;
  event.inject_index = *index;
  event.minute = scenario.injects[static_cast<std::size_t>(*index)].minute;
  event.text = scenario.injects[static_cast<std::size_t>(*index)].text;
  return record_drill_event(ws, actor, id, event, std::nullopt, now);
}

AppendResult pause_drill(Workspace& ws, const Actor& actor, core::IncidentId id, Instant now) {
  require(actor, Permission::ManageIncident);
  (void)require_drill(ws.db(), id);
  const auto progress = core::fold_drill(store::load_timeline(ws.db(), id));
  if (progress.ended_at) return refused("status", "この訓練は終了しています。");
  if (progress.paused()) return refused("status", "訓練はすでに一時停止しています。");
  return record_drill_event(ws, actor, id, core::DrillEvent{.type = core::DrillEvent::Type::Pause},
                            std::nullopt, now);
}

AppendResult resume_drill(Workspace& ws, const Actor& actor, core::IncidentId id, Instant now) {
  require(actor, Permission::ManageIncident);
  (void)require_drill(ws.db(), id);
  const auto progress = core::fold_drill(store::load_timeline(ws.db(), id));
  if (progress.ended_at) return refused("status", "この訓練は終了しています。");
  if (!progress.paused()) return refused("status", "訓練は一時停止していません。");
  return record_drill_event(ws, actor, id, core::DrillEvent{.type = core::DrillEvent::Type::Resume},
                            std::nullopt, now);
}

AppendResult add_participants(Workspace& ws, const Actor& actor, core::IncidentId id,
                              const std::vector<core::DrillParticipant>& people, Instant now) {
  require(actor, Permission::ManageIncident);
  (void)require_drill(ws.db(), id);
  core::DrillEvent event;
  event.type = core::DrillEvent::Type::Join;
  event.participants = cleaned(people);
  if (event.participants.empty()) return refused("participant", "参加者の名前を入力してください。");
  return record_drill_event(ws, actor, id, event, std::nullopt, now);
}

AppendResult end_drill(Workspace& ws, const Actor& actor, core::IncidentId id,
                       const EndDrillRequest& request, Instant now) {
  require(actor, Permission::ManageIncident);
  const DrillView view = load_drill_view(ws, actor, id, now);
  if (view.incident.incident.status == core::IncidentStatus::Closed) {
    return refused("status",
                   "この訓練はすでに終了しています（No." + std::to_string(id.value) + "）。");
  }
  if (request.ended_at && (core::is_in_future(*request.ended_at, now) ||
                           (view.progress.started_at &&
                            request.ended_at->seconds < view.progress.started_at->seconds))) {
    return refused("ended_at", "終了日時は訓練の開始から今までの間にしてください。");
  }
  core::Closure closure;
  closure.lessons = core::trim(request.summary);
  if (closure.lessons.empty()) {
    const auto& m = view.measures;
    closure.lessons = "所要 " + core::format_drill_time(m.duration_seconds) + "、付与情報 " +
                      std::to_string(m.injects_revealed) + "/" + std::to_string(m.injects_total) +
                      "、未実施の手順 " + std::to_string(m.missed_steps.size()) +
                      " 件、連絡がつかなかった先 " + std::to_string(m.unreached.size()) + " 件";
  }
  closure.follow_ups = request.findings;
  for (auto contact_id : request.check_contacts) {
    const auto* c = view.incident.plan.find_external(contact_id);
    if (c == nullptr) {
      return refused("check_contacts",
                     "連絡先 " + std::to_string(contact_id.value) + " は別紙１にありません。");
    }
    closure.follow_ups.push_back(core::FollowUp{
        "連絡先を確認する: " + c->organization + "（" + c->phone + "）に訓練で連絡がつかなかった",
        view.incident.plan.officer.name, std::nullopt, "external_contacts"});
  }
  if (request.ended_at) {
    // A tabletop drill recorded afterwards ends when it ended, not now.
    return close_incident(ws, actor, id, closure, *request.ended_at, OpenItems::CloseAnyway);
  }
  return close_incident(ws, actor, id, closure, now, OpenItems::CloseAnyway);
}

DrillView load_drill_view(Workspace& ws, const Actor& actor, core::IncidentId id, Instant now) {
  require(actor, Permission::ReadPlan);
  DrillView v;
  v.record = require_drill(ws.db(), id);
  v.incident = load_incident_view(ws, actor, id, now);
  v.scenario = scenario_of(v.record);
  v.progress = core::fold_drill(v.incident.timeline);
  v.measures = core::measure_drill(v.incident, v.progress, v.scenario, now);
  v.due = core::injects_due(v.scenario, v.progress, now);
  for (const auto& other : store::list_drills(ws.db())) {
    if (other.incident.value >= id.value) continue;
    auto incident = store::load_incident(ws.db(), other.incident);
    if (!incident || incident->status != core::IncidentStatus::Closed) continue;
    const IncidentView before = load_incident_view(ws, actor, other.incident, now);
    const core::DrillProgress progress = core::fold_drill(before.timeline);
    v.previous_id = other.incident;
    v.previous = core::measure_drill(before, progress, scenario_of(other), now);
    break;  // newest first: the one just before
  }
  return v;
}

std::vector<DrillSummary> list_drills(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  std::vector<DrillSummary> out;
  for (auto& record : store::list_drills(ws.db())) {
    auto incident = store::load_incident(ws.db(), record.incident);
    if (!incident) continue;
    const auto progress = core::fold_drill(store::load_timeline(ws.db(), record.incident));
    out.push_back(DrillSummary{std::move(*incident), std::move(record),
                               static_cast<int>(progress.participants.size())});
  }
  return out;
}

namespace {

struct DrillAttendance {
  core::IncidentId id;
  core::Date date;
  std::vector<std::string> keys;  // participants' match keys
};

std::vector<DrillAttendance> attendance(Workspace& ws) {
  std::vector<DrillAttendance> out;
  for (const auto& record : store::list_drills(ws.db())) {
    auto incident = store::load_incident(ws.db(), record.incident);
    if (!incident) continue;
    DrillAttendance a{record.incident, incident->discovery.discovered_at.tokyo_date(), {}};
    for (const auto& p :
         core::fold_drill(store::load_timeline(ws.db(), record.incident)).participants)
      a.keys.push_back(core::match_key(p.name));
    out.push_back(std::move(a));
  }
  std::reverse(out.begin(), out.end());  // oldest first
  return out;
}

// The people a drill is for: the 責任者 (when named), then 別紙１'s staff
// without the 責任者 a second time. (name, role)
std::vector<std::pair<std::string, std::string>> people_to_train(const core::Plan& plan) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!core::trim(plan.officer.name).empty()) {
    out.emplace_back(plan.officer.name, "医療情報システム安全管理責任者");
  }
  for (const auto& person : plan.internal_contacts) {
    if (core::match_key(person.name) == core::match_key(plan.officer.name)) continue;
    out.emplace_back(person.name, person.role);
  }
  return out;
}

bool took_part(const DrillAttendance& a, const std::string& name) {
  const std::string key = core::match_key(name);
  return std::find(a.keys.begin(), a.keys.end(), key) != a.keys.end();
}

}  // namespace

std::vector<StaffTraining> training_record(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  std::vector<StaffTraining> out;
  if (!has_plan(ws)) return out;
  const core::Plan plan = load_plan(ws);
  const auto drills = attendance(ws);
  const auto users = list_users(ws, cli_actor());
  const auto versions = list_versions(ws);  // newest first
  for (const auto& [name, role] : people_to_train(plan)) {
    StaffTraining t{name, role, {}, std::nullopt};
    for (const auto& d : drills)
      if (took_part(d, name)) t.drills.emplace_back(d.id, d.date);
    for (const auto& user : users) {
      if (core::match_key(user.name) != core::match_key(name)) continue;
      for (const auto& version : versions) {
        if (acknowledged_at(ws, user.id, version.id)) {
          t.acknowledged_edition = version.edition;
          break;
        }
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<core::Date> last_drill_day(Workspace& ws) {
  if (auto at = store::latest_drill_start(ws.db())) return at->tokyo_date();
  return std::nullopt;
}

DrillStanding drill_standing(Workspace& ws, const core::Plan& plan, const core::Date& today) {
  DrillStanding s;
  s.last_drill = last_drill_day(ws);
  const core::Date year_ago = today.plus_days(-365);
  std::vector<DrillAttendance> recent;
  for (auto& d : attendance(ws))
    if (!(d.date < year_ago)) recent.push_back(std::move(d));
  auto trained = [&](const std::string& name) {
    return std::any_of(recent.begin(), recent.end(),
                       [&](const DrillAttendance& d) { return took_part(d, name); });
  };
  for (const auto& [name, role] : people_to_train(plan)) {
    if (!core::trim(name).empty() && !trained(name)) s.not_trained.push_back(name);
  }
  return s;
}

}  // namespace medbcp::app
