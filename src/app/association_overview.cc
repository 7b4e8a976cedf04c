#include "app/association_overview.h"

#include <algorithm>
#include <cstdint>

#include "app/actor.h"
#include "app/checklist_service.h"
#include "app/drills.h"
#include "app/incident_service.h"
#include "app/kit.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "app/reminders.h"
#include "app/users.h"
#include "store/facility_registry.h"

namespace medbcp::app {

core::FacilityReadiness count_readiness(Workspace& ws, const core::Date& today) {
  // Counting is the system's own reading, on behalf of the association;
  // nothing is written and nothing leaves but counts.
  const Actor system = cli_actor();
  core::FacilityReadiness r;
  r.computed_on = today;
  r.has_plan = has_plan(ws);
  int active = 0;
  for (const auto& user : list_users(ws, system)) active += user.active ? 1 : 0;
  r.accounts = active;
  for (const auto& incident : list_incidents(ws, system)) {
    if (incident.status != core::IncidentStatus::Open) continue;
    ++r.open_incidents;
    if (!r.open_since || incident.opened_at < *r.open_since) r.open_since = incident.opened_at;
  }
  if (!r.has_plan) return r;
  r.name = load_plan(ws).facility.name;
  r.gaps = static_cast<int>(check_plan(ws).size());
  ChecklistAssessment checklist;
  for (const auto& reminder : current_reminders(ws, system, today, &checklist)) {
    (reminder.urgency == core::Urgency::Overdue ? r.overdue : r.due_soon) += 1;
  }
  if (const auto version = current_version(ws)) {
    r.edition = version->edition;
    r.published_on = version->published_on;
    const auto reading = reading_status(ws, system, version->id);
    r.acknowledged = static_cast<int>(std::count_if(
        reading.begin(), reading.end(), [](const ReadingStatus& s) { return s.acknowledged_at; }));
  }
  r.checklist_yes = checklist.yes;
  r.checklist_no = checklist.no;
  r.checklist_unanswered = checklist.unanswered;
  r.checklist_lapsed = checklist.lapsed;
  r.checklist_target_passed = checklist.target_passed;
  r.last_drill = last_drill_day(ws);
  const KitFreshness kits = kit_freshness(ws);
  if (!kits.offline && !kits.paper) {
    r.kit = core::KitState::None;
  } else if (kits.offline_outdated || kits.printed_outdated) {
    r.kit = core::KitState::Outdated;
  } else {
    r.kit = core::KitState::Current;
  }
  return r;
}

std::vector<core::FacilityReadiness> association_overview(FacilityDirectory& directory,
                                                          const core::Date& today,
                                                          std::size_t recount_at_most) {
  std::vector<core::FacilityReadiness> out;
  if (!directory.many()) {
    out.push_back(count_readiness(directory.home(), today));
    return out;
  }
  // The registry's tables are named with their schema, so the association's
  // connection reads and writes them whichever facility it last served.
  for (auto& stored : store::list_facility_readiness(directory.home().db())) {
    if (stored.fresh && stored.readiness.computed_on == today) {
      out.push_back(std::move(stored.readiness));
      continue;
    }
    if (recount_at_most == 0) {
      stored.readiness.awaiting_count = true;
      out.push_back(std::move(stored.readiness));
      continue;
    }
    --recount_at_most;
    store::begin_readiness_count(directory.home().db(), stored.readiness.code);
    Workspace* ws = directory.facility(stored.readiness.code);
    if (ws == nullptr) continue;  // removed since the list was read
    core::FacilityReadiness counted = count_readiness(*ws, today);
    counted.code = stored.readiness.code;
    if (counted.name.empty()) counted.name = stored.readiness.name;
    store::save_facility_readiness(directory.home().db(), counted);
    out.push_back(std::move(counted));
  }
  return out;
}

std::vector<core::FacilityReadiness> association_overview(FacilityDirectory& directory,
                                                          const core::Date& today) {
  return association_overview(directory, today, SIZE_MAX);
}

std::size_t recount_stale_readiness(FacilityDirectory& directory, const core::Date& today,
                                    std::size_t at_most) {
  std::size_t waiting = 0;
  for (const auto& r : association_overview(directory, today, at_most)) {
    waiting += r.awaiting_count ? 1 : 0;
  }
  return waiting;
}

std::vector<core::FacilityReadiness> association_overview(const std::string& db_location,
                                                          const core::Date& today) {
  if (is_association_database(db_location)) {
    return association_overview(*FacilityDirectory::for_association(db_location), today);
  }
  auto ws = Workspace::open(db_location);
  FacilityDirectory one(*ws);
  return association_overview(one, today);
}

std::vector<core::FacilityReadiness> facility_overview(FacilityDirectory& directory,
                                                       const Actor& actor, const core::Date& today,
                                                       std::size_t recount_at_most) {
  require(actor, Permission::ViewOverview);
  return association_overview(directory, today, recount_at_most);
}

}  // namespace medbcp::app
