#include "core/drill_measures.h"

#include <algorithm>

#include "core/incident_steps.h"

namespace medbcp::core {
namespace {

std::optional<std::int64_t> drill_time(const DrillProgress& progress,
                                       const std::optional<Instant>& at) {
  if (!at) return std::nullopt;
  return progress.drill_seconds_at(*at);
}

// The earliest call (reached or not) to a target: the time someone picked up
// the phone is what the drill rehearses.
std::optional<Instant> first_call(const IncidentState& state, ContactTarget::Type type,
                                  std::int64_t id) {
  std::optional<Instant> first;
  for (const auto& c : state.contacts) {
    if (c.withdrawn || c.value.target.type != type) continue;
    if (type != ContactTarget::Type::Officer && c.value.target.id != id) continue;
    if (!first || c.occurred_at < *first) first = c.occurred_at;
  }
  return first;
}

}  // namespace

DrillMeasures measure_drill(const IncidentView& view, const DrillProgress& progress,
                            const DrillScenario& scenario, Instant now) {
  DrillMeasures m;
  const IncidentState& state = view.state;
  for (const ResponseStep* step : response_steps_for(view.incident)) {
    // The 診療可否 step is done by its decision, measured below.
    if (step->id == kStepCareDecision) continue;
    DrillMeasure measure{
        std::string(step->id),
        std::string(step->phase) + std::string(step->number) + std::string(step->title),
        std::nullopt};
    const auto* mark = state.step(step->id);
    const StepState s = state.step_state(step->id);
    if (s == StepState::Done && mark) measure.seconds = drill_time(progress, mark->occurred_at);
    if (s == StepState::Pending) m.missed_steps.push_back(measure.label);
    m.steps.push_back(std::move(measure));
  }

  m.contacts.push_back(
      DrillMeasure{"officer", "責任者（" + view.plan.officer.name + "）へ報告",
                   drill_time(progress, first_call(state, ContactTarget::Type::Officer, 0))});
  for (const auto& c : view.plan.external_contacts) {
    if (!must_reach(c, view.incident.personal_data_leak)) continue;
    m.contacts.push_back(DrillMeasure{
        "contact:" + std::to_string(c.id.value), c.organization + "へ連絡",
        drill_time(progress, first_call(state, ContactTarget::Type::External, c.id.value))});
  }

  std::optional<Instant> care;
  for (const auto& d : state.decisions) {
    if (d.withdrawn || d.value.kind != DecisionKind::Care) continue;
    if (!care || d.occurred_at < *care) care = d.occurred_at;
  }
  m.care_decision =
      DrillMeasure{"care_decision", "診療可否・診療形態の判断", drill_time(progress, care)};

  // Called, never reached: per target, in the order first called.
  for (const auto& c : state.contacts) {
    if (c.withdrawn) continue;
    const ContactTarget& t = c.value.target;
    auto same = [&](const ContactTarget& o) {
      return o.type == t.type &&
             (t.type == ContactTarget::Type::Other ? o.name == t.name : o.id == t.id);
    };
    bool reached = false;
    for (const auto& other : state.contacts) {
      if (!other.withdrawn && other.value.reached && same(other.value.target)) reached = true;
    }
    if (reached) continue;
    auto it = std::find_if(m.unreached.begin(), m.unreached.end(),
                           [&](const UnreachedContact& u) { return same(u.target); });
    if (it == m.unreached.end()) {
      m.unreached.push_back(UnreachedContact{t, c.value.channel, 1});
    } else {
      ++it->attempts;
    }
  }

  m.duration_seconds = progress.drill_seconds_at(progress.ended_at.value_or(now));
  m.injects_revealed = static_cast<int>(progress.revealed.size());
  m.injects_total = static_cast<int>(scenario.injects.size());
  return m;
}

const DrillMeasure* find_measure(const DrillMeasures& measures, const std::string& key) {
  if (measures.care_decision.key == key) return &measures.care_decision;
  for (const auto* list : {&measures.steps, &measures.contacts}) {
    for (const auto& m : *list)
      if (m.key == key) return &m;
  }
  return nullptr;
}

std::string format_drill_time(const std::optional<std::int64_t>& seconds) {
  if (!seconds) return "—";
  const std::int64_t s = *seconds;
  const std::int64_t hours = s / 3600;
  const std::int64_t minutes = (s % 3600) / 60;
  const std::int64_t rest = s % 60;
  std::string out;
  if (hours > 0) out += std::to_string(hours) + "時間";
  if (hours > 0 || minutes > 0) out += std::to_string(minutes) + "分";
  if (hours == 0) out += std::to_string(rest) + "秒";
  return out;
}

}  // namespace medbcp::core
