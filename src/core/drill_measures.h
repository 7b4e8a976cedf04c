// What a drill measured (第３章 rehearsed): drill time from the start to
// each first-response step, to the first call to each contact the incident
// must reach (the 責任者 first), and to the 診療可否 decision; the steps
// left undone; the contacts that were called and never reached (a wrong
// number is what a drill is for). Paused time is not counted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/drill.h"
#include "core/incident_view.h"

namespace medbcp::core {

struct DrillMeasure {
  std::string key;    // step id, "officer", "contact:<id>", "care_decision": compared across drills
  std::string label;  // what a person reads: 「（１）発見・報告」「責任者へ連絡」
  std::optional<std::int64_t> seconds;  // drill time; empty: not done
};

struct UnreachedContact {
  ContactTarget target;  // the contact as the calls named it
  std::string channel;   // how the failed call was made
  int attempts = 0;
};

struct DrillMeasures {
  std::vector<DrillMeasure> steps;        // every step that applies, in the spec's order
  std::vector<DrillMeasure> contacts;     // the officer, then must_reach contacts of 別紙１
  DrillMeasure care_decision;             // 診療可否・診療形態
  std::vector<std::string> missed_steps;  // labels of steps neither done nor marked 対象外
  std::vector<UnreachedContact> unreached;
  std::int64_t duration_seconds = 0;  // start to end (or to now while running)
  int injects_revealed = 0;
  int injects_total = 0;
};

DrillMeasures measure_drill(const IncidentView& view, const DrillProgress& progress,
                            const DrillScenario& scenario, Instant now);

// The same measure of an earlier drill, matched by key.
const DrillMeasure* find_measure(const DrillMeasures& measures, const std::string& key);

// 「12分30秒」, 「1時間5分」; 「—」 when not done.
std::string format_drill_time(const std::optional<std::int64_t>& seconds);

}  // namespace medbcp::core
