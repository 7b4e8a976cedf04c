#include "cli/incident_prompts.h"

#include <unistd.h>

#include <iostream>

#include "app/incident_evidence.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "core/incident_steps.h"
#include "core/text.h"
#include "core/typed_time.h"

namespace medbcp::cli::incident {

Session open_session(const GlobalOptions& options) {
  return Session{open_workspace(options), terminal_actor(options), Instant::now()};
}

bool interactive() { return ::isatty(STDIN_FILENO) != 0; }

// Asks on the terminal; an empty answer keeps `fallback`.
std::string ask(const std::string& question, const std::string& fallback) {
  std::cout << question;
  if (!fallback.empty()) std::cout << "［" << fallback << "］";
  std::cout << ": " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return fallback;
  line = core::trim(line);
  return line.empty() ? fallback : line;
}

bool ask_yes_no(const std::string& question, bool fallback) {
  while (true) {
    std::string a = core::match_key(ask(question + (fallback ? "（Y/n）" : "（y/N）")));
    if (a.empty()) return fallback;
    if (a == "y" || a == "yes" || a == "はい" || a == "1") return true;
    if (a == "n" || a == "no" || a == "いいえ" || a == "0") return false;
  }
}

// Fills `value` by asking when it is empty and the terminal allows.
void ask_if_empty(std::string& value, const std::string& question) {
  if (value.empty() && interactive()) value = ask(question);
}

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << message << "\n";
  throw ExitCode{2};
}

// "2024-06-03 08:40", "2024-06-03T08:40:00+09:00", "08:40" (today) or
// "now"/"今". A time alone later than now is asked about at a terminal
// (yesterday?) and refused otherwise: never moved to another day silently.
std::optional<Instant> parse_time(const std::string& text, Instant now) {
  const core::TypedTime typed = core::read_typed_time(text, now);
  switch (typed.status) {
    case core::TypedTime::Status::Empty:
      return std::nullopt;
    case core::TypedTime::Status::Ok:
      return typed.at;
    case core::TypedTime::Status::LaterToday:
      if (interactive() &&
          ask_yes_no("「" + core::trim(core::nfkc(text)) + "」は今より後の時刻です。前日（" +
                         typed.yesterday->tokyo_text() + "）のことですか",
                     false)) {
        return typed.yesterday;
      }
      usage_error(core::later_today_message(text, now, *typed.yesterday));
    case core::TypedTime::Status::Unreadable:
      break;
  }
  usage_error("日時「" + text + "」を読めません。例: 2024-06-03 08:40 または 08:40");
}

std::optional<Instant> optional_time(const std::string& text, Instant now) {
  return text.empty() ? std::nullopt : parse_time(text, now);
}

core::IncidentId parse_incident_id(const std::string& text) {
  std::string t = core::trim(core::nfkc(text));
  if (!t.empty() && (t[0] == '#')) t.erase(0, 1);
  if (t.rfind("No.", 0) == 0) t.erase(0, 3);
  try {
    std::size_t used = 0;
    const long long v = std::stoll(t, &used);
    if (used == t.size() && v > 0) return core::IncidentId(v);
  } catch (const std::exception&) {
  }
  usage_error("インシデント番号「" + text + "」を読めません（例: 3）。");
}

std::optional<std::int64_t> parse_number(const std::string& text) {
  const std::string t = core::trim(core::nfkc(text));
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(t);
}

std::optional<core::ThreatKind> parse_threat(const std::string& text) {
  if (auto n = parse_number(text); n && *n >= 1 && *n <= 5) {
    static constexpr core::ThreatKind kinds[] = {
        core::ThreatKind::TargetedEmail, core::ThreatKind::UnauthorizedAccess,
        core::ThreatKind::Malware, core::ThreatKind::Precursor, core::ThreatKind::Other};
    return kinds[*n - 1];
  }
  if (auto k = core::threat_kind_from_code(text)) return k;
  const std::string key = core::match_key(text);
  for (auto k : {core::ThreatKind::TargetedEmail, core::ThreatKind::UnauthorizedAccess,
                 core::ThreatKind::Malware, core::ThreatKind::Precursor, core::ThreatKind::Other}) {
    if (core::match_key(core::label(k)).find(key) != std::string::npos) return k;
  }
  if (key.find("ランサム") != std::string::npos || key == "ransomware")
    return core::ThreatKind::Malware;
  return std::nullopt;
}

// A system by its id or name (as typed: "電子カルテ" finds 電子カルテシステム).
std::optional<core::SystemId> find_system(const core::Plan& plan, const std::string& text) {
  if (auto n = parse_number(text)) {
    if (plan.find_system(core::SystemId(*n))) return core::SystemId(*n);
  }
  const std::string key = core::match_key(text);
  for (const auto& s : plan.systems) {
    if (core::match_key(s.name) == key) return s.id;
  }
  for (const auto& s : plan.systems) {
    if (!key.empty() && core::match_key(s.name).find(key) != std::string::npos) return s.id;
  }
  return std::nullopt;
}

// A device by its 管理番号, id or name.
std::optional<core::DeviceId> find_device(const core::Plan& plan, const std::string& text) {
  const std::string key = core::match_key(text);
  for (const auto& d : plan.devices) {
    if (!d.asset_number.empty() && core::match_key(d.asset_number) == key) return d.id;
  }
  if (auto n = parse_number(text)) {
    for (const auto& d : plan.devices) {
      if (d.id.value == *n) return d.id;
    }
  }
  for (const auto& d : plan.devices) {
    if (core::match_key(d.name) == key) return d.id;
  }
  return std::nullopt;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  std::string normal = core::nfkc(text);
  for (char c : normal + ",") {
    if (c == ',' || c == ' ') {
      if (!core::trim(item).empty()) out.push_back(core::trim(item));
      item.clear();
    } else {
      item.push_back(c);
    }
  }
  return out;
}

std::string when(Instant t) { return t.tokyo_text(); }

// Prints the problems and ends with exit code 1: nothing was recorded.
[[noreturn]] void fail_with(const core::Problems& problems) {
  std::cerr << "記録しませんでした。\n";
  print_messages(std::cerr, problems);
  throw ExitCode{1};
}

void report_appended(const app::AppendResult& r) {
  if (!r.problems.empty()) fail_with(r.problems);
  // The moment as resolved, so a time typed alone is seen with its day.
  std::cout << "記録しました（" << when(r.entry->occurred_at) << "、" << core::label(r.entry->kind)
            << "）: " << r.entry->text << "\n";
}

// Runs a subcommand body, turning the incident's own failures into messages.
void guarded(const std::function<void()>& body) {
  try {
    body();
  } catch (const app::NoSuchIncident& e) {
    std::cerr << e.what()
              << " 番号は `medbcp incident list`（訓練は `medbcp drill list`）で確かめられます。\n";
    throw ExitCode{2};
  } catch (const app::EvidenceFileError& e) {
    std::cerr << e.what() << "\n";
    throw ExitCode{3};
  }
}

namespace {

const char* step_box(core::StepState state) {
  switch (state) {
    case core::StepState::Done:
      return "[済]";
    case core::StepState::NotApplicable:
      return "[外]";
    case core::StepState::Pending:
      return "[  ]";
  }
  return "[  ]";
}

}  // namespace

void print_steps(const app::IncidentView& v) {
  std::cout << "■ 対応手順（第３章）  番号か手順名で指定します\n";
  int number = 0;
  for (const auto* step : core::response_steps_for(v.incident)) {
    const auto* mark = v.state.step(step->id);
    std::cout << "  [" << ++number << "] "
              << step_box(mark ? mark->value.state : core::StepState::Pending) << " " << step->phase
              << step->number << " " << step->title;
    if (mark) {
      std::cout << " — " << mark->author << " " << when(mark->occurred_at);
      if (mark->value.state == core::StepState::NotApplicable) {
        std::cout << "（理由: " << mark->value.reason << "）";
      } else if (!mark->value.note.empty()) {
        std::cout << "（" << mark->value.note << "）";
      }
    }
    std::cout << "\n";
  }
}

std::string find_step(const app::IncidentView& v, const std::string& given) {
  const std::string wanted = core::trim(given);
  if (wanted.empty()) return {};
  const auto steps = core::response_steps_for(v.incident);
  if (const auto n = parse_number(wanted)) {
    if (*n >= 1 && static_cast<std::size_t>(*n) <= steps.size()) {
      return std::string(steps[static_cast<std::size_t>(*n - 1)]->id);
    }
    return {};
  }
  std::string found;
  int matches = 0;
  for (const auto* step : steps) {
    if (step->id == wanted || step->title == wanted) return std::string(step->id);
    if (std::string_view(step->title).find(wanted) != std::string_view::npos) {
      found = step->id;
      ++matches;
    }
  }
  return matches == 1 ? found : std::string();
}

}  // namespace medbcp::cli::incident
