#include "app/drill_scenarios.h"

#include <algorithm>
#include <filesystem>

#include "app/data_file.h"
#include "app/embedded_scenarios.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

void add_or_replace(std::vector<core::DrillScenario>& list, core::DrillScenario scenario) {
  auto same = std::find_if(list.begin(), list.end(),
                           [&](const core::DrillScenario& s) { return s.code == scenario.code; });
  if (same == list.end()) {
    list.push_back(std::move(scenario));
  } else {
    *same = std::move(scenario);
  }
}

}  // namespace

const core::DrillScenario* ScenarioCatalog::find(const std::string& code) const {
  for (const auto& s : scenarios)
    if (s.code == code) return &s;
  return nullptr;
}

std::string ScenarioCatalog::codes() const {
  std::string out;
  for (const auto& s : scenarios) out += (out.empty() ? "" : ", ") + s.code;
  return out;
}

core::DrillScenarioParse read_scenario_file(const std::string& path) {
  const auto text = read_data_file(path);
  if (!text) {
    core::DrillScenarioParse failed;
    failed.problems.push_back({"scenario", 0, "訓練シナリオのファイルを開けません: " + path});
    return failed;
  }
  return core::parse_drill_scenario(*text);
}

ScenarioCatalog load_scenarios(const std::string& extra_dir) {
  ScenarioCatalog catalog;
  for (const auto& file : embedded_scenarios()) {
    auto parsed = core::parse_drill_scenario(file.bytes);
    // The built-in files are tested (drill_scenarios_test.cc); a broken one
    // is left out rather than taking every drill down.
    if (parsed.problems.empty()) add_or_replace(catalog.scenarios, std::move(parsed.scenario));
  }
  if (!extra_dir.empty()) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(extra_dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    }
    if (ec) {
      catalog.problems.push_back(
          {"scenario", 0, "訓練シナリオのフォルダを読めません: " + extra_dir});
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      auto parsed = read_scenario_file(path.string());
      if (!parsed.problems.empty()) {
        for (auto& p : parsed.problems) {
          p.message = path.filename().string() +
                      (p.row > 0 ? std::string(" ").append(std::to_string(p.row)).append("行目: ")
                                 : std::string(": ")) +
                      p.message;
          catalog.problems.push_back(std::move(p));
        }
        continue;
      }
      add_or_replace(catalog.scenarios, std::move(parsed.scenario));
    }
  }
  std::sort(catalog.scenarios.begin(), catalog.scenarios.end(),
            [](const auto& a, const auto& b) { return a.code < b.code; });
  return catalog;
}

}  // namespace medbcp::app
