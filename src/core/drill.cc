#include "core/drill.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/incident_state.h"
#include "core/payload_json.h"
#include "core/text.h"

namespace medbcp::core {
namespace {

using json = payload_json::json;

constexpr std::array<std::pair<DrillMode, std::pair<const char*, const char*>>, 3> kModes = {{
    {DrillMode::Live, {"live", "実動訓練"}},
    {DrillMode::Tabletop, {"tabletop", "机上訓練"}},
    {DrillMode::Offline, {"offline", "オフラインキット"}},
}};

constexpr std::array<std::pair<DrillEvent::Type, const char*>, 5> kTypes = {{
    {DrillEvent::Type::Start, "start"},
    {DrillEvent::Type::Join, "join"},
    {DrillEvent::Type::Inject, "inject"},
    {DrillEvent::Type::Pause, "pause"},
    {DrillEvent::Type::Resume, "resume"},
}};

using payload_json::text;

std::string participants_text(const std::vector<DrillParticipant>& people) {
  std::string out;
  for (const auto& p : people) {
    if (!out.empty()) out += "、";
    out += p.name;
    if (!p.role.empty()) out += "（" + p.role + "）";
  }
  return out;
}

}  // namespace

const char* code(DrillMode mode) {
  for (const auto& [m, names] : kModes)
    if (m == mode) return names.first;
  return "live";
}

const char* label(DrillMode mode) {
  for (const auto& [m, names] : kModes)
    if (m == mode) return names.second;
  return "実動訓練";
}

std::optional<DrillMode> drill_mode_from_code(std::string_view text) {
  for (const auto& [m, names] : kModes)
    if (text == names.first) return m;
  return std::nullopt;
}

std::string to_payload(const DrillEvent& e) {
  const char* type = "start";
  for (const auto& [t, name] : kTypes)
    if (t == e.type) type = name;
  json j = {{"event", type}};
  if (e.type == DrillEvent::Type::Start) {
    j["scenario"] = e.scenario_code;
    j["mode"] = code(e.mode);
  }
  if (e.type == DrillEvent::Type::Start || e.type == DrillEvent::Type::Join) {
    json people = json::array();
    for (const auto& p : e.participants) people.push_back({{"name", p.name}, {"role", p.role}});
    j["participants"] = people;
  }
  if (e.type == DrillEvent::Type::Inject) {
    j["index"] = e.inject_index;
    j["minute"] = e.minute;
    j["text"] = e.text;
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<DrillEvent> read_drill_event(std::string_view payload) {
  const auto parsed = payload_json::parse_object(payload);
  if (!parsed) return std::nullopt;
  const json& j = *parsed;
  DrillEvent e;
  const std::string type = text(j, "event");
  bool known = false;
  for (const auto& [t, name] : kTypes) {
    if (type == name) {
      e.type = t;
      known = true;
    }
  }
  if (!known) return std::nullopt;
  e.scenario_code = text(j, "scenario");
  e.mode = drill_mode_from_code(text(j, "mode")).value_or(DrillMode::Live);
  if (auto it = j.find("participants"); it != j.end() && it->is_array()) {
    for (const auto& p : *it) {
      if (p.is_object()) e.participants.push_back({text(p, "name"), text(p, "role")});
    }
  }
  e.inject_index = static_cast<int>(payload_json::integer(j, "index"));
  e.minute = static_cast<int>(payload_json::integer(j, "minute"));
  e.text = text(j, "text");
  return e;
}

std::string describe(const DrillEvent& e) {
  switch (e.type) {
    case DrillEvent::Type::Start:
      return std::string("【訓練】") + label(e.mode) + "を開始" +
             (e.participants.empty() ? "" : "。参加者: " + participants_text(e.participants));
    case DrillEvent::Type::Join:
      return "【訓練】参加者を追加: " + participants_text(e.participants);
    case DrillEvent::Type::Inject:
      return "【訓練】付与情報（" + std::to_string(e.minute) + "分後）: " + e.text;
    case DrillEvent::Type::Pause:
      return "【訓練】一時停止";
    case DrillEvent::Type::Resume:
      return "【訓練】再開";
  }
  return "【訓練】";
}

DrillParticipant parse_participant(std::string_view typed) {
  const std::string t = trim(typed);
  for (const std::string_view sep : {std::string_view(":"), std::string_view("：")}) {
    if (const auto at = t.find(sep); at != std::string::npos) {
      return {trim(t.substr(0, at)), trim(t.substr(at + sep.size()))};
    }
  }
  return {t, ""};
}

TimelineEntry drill_entry(IncidentId incident, const DrillEvent& event, Instant occurred_at,
                          Instant recorded_at, std::string author) {
  TimelineEntry e;
  e.id = new_entry_id();
  e.incident = incident;
  e.kind = EntryKind::Drill;
  e.occurred_at = occurred_at;
  e.recorded_at = recorded_at;
  e.author = std::move(author);
  e.text = describe(event);
  e.payload = to_payload(event);
  return e;
}

bool DrillProgress::is_revealed(int index) const {
  return std::find(revealed.begin(), revealed.end(), index) != revealed.end();
}

std::int64_t DrillProgress::drill_seconds_at(Instant at) const {
  if (!started_at) return 0;
  std::int64_t seconds = at.seconds - started_at->seconds;
  for (const auto& [from, to] : pauses) {
    const std::int64_t begin = std::max(from.seconds, started_at->seconds);
    const std::int64_t end = std::min(to ? to->seconds : at.seconds, at.seconds);
    if (end > begin) seconds -= end - begin;
  }
  return std::max<std::int64_t>(seconds, 0);
}

DrillProgress fold_drill(const std::vector<TimelineEntry>& timeline) {
  const std::set<std::string> withdrawn = withdrawn_entry_ids(timeline);
  DrillProgress p;
  for (const auto& e : timeline) {
    if (withdrawn.count(e.id) != 0) continue;
    if (e.kind == EntryKind::Close) p.ended_at = e.occurred_at;
    if (e.kind == EntryKind::Reopen) p.ended_at.reset();
    if (e.kind != EntryKind::Drill) continue;
    auto event = read_drill_event(e.payload);
    if (!event) continue;
    switch (event->type) {
      case DrillEvent::Type::Start:
        p.started_at = e.occurred_at;
        [[fallthrough]];
      case DrillEvent::Type::Join:
        for (auto& person : event->participants) {
          auto same =
              std::find_if(p.participants.begin(), p.participants.end(),
                           [&](const DrillParticipant& q) { return q.name == person.name; });
          if (same == p.participants.end()) {
            p.participants.push_back(person);
          } else if (!person.role.empty()) {
            same->role = person.role;
          }
        }
        break;
      case DrillEvent::Type::Inject:
        if (!p.is_revealed(event->inject_index)) p.revealed.push_back(event->inject_index);
        break;
      case DrillEvent::Type::Pause:
        if (!p.paused()) p.pauses.push_back({e.occurred_at, std::nullopt});
        break;
      case DrillEvent::Type::Resume:
        if (p.paused()) p.pauses.back().second = e.occurred_at;
        break;
    }
  }
  return p;
}

std::vector<int> injects_due(const DrillScenario& scenario, const DrillProgress& progress,
                             Instant now) {
  std::vector<int> due;
  if (!progress.started_at || progress.ended_at) return due;
  const std::int64_t seconds = progress.drill_seconds_at(now);
  for (std::size_t i = 0; i < scenario.injects.size(); ++i) {
    const int index = static_cast<int>(i);
    if (!progress.is_revealed(index) && std::int64_t{scenario.injects[i].minute} * 60 <= seconds) {
      due.push_back(index);
    }
  }
  return due;
}

}  // namespace medbcp::core
