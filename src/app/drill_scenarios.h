// The drill scenarios a clinic can run: the built-in ones (scenarios/,
// compiled in) and those of a folder the clinic or its association adds
// (--scenarios DIR; a file with a built-in scenario's code replaces it).
#pragma once

#include <string>
#include <vector>

#include "core/drill_scenario.h"
#include "core/problem.h"

namespace medbcp::app {

struct ScenarioCatalog {
  std::vector<core::DrillScenario> scenarios;  // sorted by code
  // A folder's files that could not be read, each named with its file
  // (field "scenario", row = line): the others are still offered.
  core::Problems problems;

  const core::DrillScenario* find(const std::string& code) const;
  // 「ransomware-monday, targeted-email-leak, …」 for messages.
  std::string codes() const;
};

// `extra_dir` empty: the built-in scenarios only. A folder that cannot be
// read is a problem, not an exception.
ScenarioCatalog load_scenarios(const std::string& extra_dir = "");

// One file, as `drill start --scenario-file` reads it.
core::DrillScenarioParse read_scenario_file(const std::string& path);

}  // namespace medbcp::app
