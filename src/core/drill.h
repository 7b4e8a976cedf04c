// A drill (訓練) is an incident marked as one: it runs on the same record,
// timeline and chain as a real incident (steps, contacts, decisions) so it
// feels like the real day, and is never counted as one. What only a drill
// has — who took part in which role, the injects revealed, pauses — is
// written on its timeline as 訓練進行 entries (EntryKind::Drill), whose
// payload is a DrillEvent; the drill's progress is folded from them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/drill_scenario.h"
#include "core/incident.h"
#include "core/timeline.h"

namespace medbcp::core {

// How the drill is run: on screens as it happens (live), around a table
// with paper and recorded afterwards (tabletop), or in the offline kit.
enum class DrillMode { Live, Tabletop, Offline };
const char* code(DrillMode);   // live, tabletop, offline
const char* label(DrillMode);  // 実動訓練, 机上訓練, オフラインキット
std::optional<DrillMode> drill_mode_from_code(std::string_view);

// What the drills table holds beside the incident row: the scenario as it
// was when the drill started (its file may change or go later).
struct DrillRecord {
  IncidentId incident;
  std::string scenario_code;
  std::string scenario_title;
  std::string scenario_source;
  DrillMode mode = DrillMode::Live;
};

struct DrillParticipant {
  std::string name;
  std::string role;
  bool operator==(const DrillParticipant&) const = default;
};

// 「山田:受付」「山田：発見者（受付）」「山田」 as typed on a command line or
// one line of the web form: the name, and the role after the first colon.
DrillParticipant parse_participant(std::string_view typed);

struct DrillEvent {
  enum class Type { Start, Join, Inject, Pause, Resume };
  // Every member has an initializer: events are written with designated
  // initializers naming only what their type uses.
  Type type = Type::Start;
  std::string scenario_code{};                   // start
  DrillMode mode = DrillMode::Live;              // start
  std::vector<DrillParticipant> participants{};  // start, join
  int inject_index = 0;                          // inject: position in the scenario's list
  int minute = 0;                                // inject: its planned minute
  std::string text{};                            // inject: what is revealed
};

// Compact JSON, keys sorted (hashed into the chain like every payload).
std::string to_payload(const DrillEvent&);
std::optional<DrillEvent> read_drill_event(std::string_view payload);
// The entry's one-line text: 「【訓練】付与情報（10分後）: 医事会計も開けない」.
std::string describe(const DrillEvent&);

// The 訓練進行 entry of `event` on `incident`'s timeline, with a new id,
// ready to be sealed (written inside a transaction that also writes the
// drill: its start, or an offline kit's drill imported).
TimelineEntry drill_entry(IncidentId incident, const DrillEvent& event, Instant occurred_at,
                          Instant recorded_at, std::string author);

// The drill as its timeline says now.
struct DrillProgress {
  std::optional<Instant> started_at;  // the start event
  std::vector<DrillParticipant> participants;
  std::vector<int> revealed;  // inject indexes, in the order revealed
  std::vector<std::pair<Instant, std::optional<Instant>>>
      pauses;                       // (from, to); to empty: paused now
  std::optional<Instant> ended_at;  // the close entry

  bool paused() const { return !pauses.empty() && !pauses.back().second; }
  bool is_revealed(int index) const;
  // Seconds of drill time from the start to `at`, paused time not counted.
  std::int64_t drill_seconds_at(Instant at) const;
};

// Withdrawn entries (a correction that withdraws them) do not count.
DrillProgress fold_drill(const std::vector<TimelineEntry>& timeline);

// The injects whose minute has come by `now` and are not revealed yet.
std::vector<int> injects_due(const DrillScenario& scenario, const DrillProgress& progress,
                             Instant now);

}  // namespace medbcp::core
