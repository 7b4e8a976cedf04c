// What the `medbcp incident …` subcommands share: opening the database as
// the person at the terminal, asking for what a flag did not give (in plain
// Japanese, only when standard input is a terminal), and reading times,
// numbers, systems and devices the way people type them. Each subcommand
// lives in its own file (cli/incident_*.cc) and is listed in
// cli/incident_subcommands.h.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/incident_service.h"
#include "app/workspace.h"
#include "cli/command.h"
#include "core/incident.h"
#include "core/plan.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::cli::incident {

using core::Instant;

struct Session {
  std::unique_ptr<app::Workspace> ws;
  app::Actor actor;
  Instant now;
};

Session open_session(const GlobalOptions& options);

// Whether standard input is a terminal to ask on.
bool interactive();
// Asks on the terminal; an empty answer keeps `fallback`.
std::string ask(const std::string& question, const std::string& fallback = "");
bool ask_yes_no(const std::string& question, bool fallback);
// Fills `value` by asking when it is empty and the terminal allows.
void ask_if_empty(std::string& value, const std::string& question);
// Prints the message and ends with exit code 2 (usage).
[[noreturn]] void usage_error(const std::string& message);

// "2024-06-03 08:40", "2024-06-03T08:40:00+09:00", "08:40" (the latest
// 08:40 in Tokyo) or "now"/"今"; nullopt for empty text.
std::optional<Instant> parse_time(const std::string& text, Instant now);
std::optional<Instant> optional_time(const std::string& text, Instant now);
core::IncidentId parse_incident_id(const std::string& text);
std::optional<std::int64_t> parse_number(const std::string& text);
std::optional<core::ThreatKind> parse_threat(const std::string& text);
// A system by its id or name (as typed: "電子カルテ" finds 電子カルテシステム).
std::optional<core::SystemId> find_system(const core::Plan& plan, const std::string& text);
// A device by its 管理番号, id or name.
std::optional<core::DeviceId> find_device(const core::Plan& plan, const std::string& text);
// "a, b c" → {"a", "b", "c"}.
std::vector<std::string> split_list(const std::string& text);
std::string when(Instant t);

// Prints the problems and ends with exit code 1: nothing was recorded.
[[noreturn]] void fail_with(const core::Problems& problems);
void report_appended(const app::AppendResult& r);
// The response steps of 第３章 with what has been done (show, step).
void print_steps(const app::IncidentView& v);
// The step a person named: its number in print_steps' list, its title (or
// a part of it that only one step has), or its code (isolate …). Empty
// when none or several match.
std::string find_step(const app::IncidentView& v, const std::string& given);
// Runs a subcommand body, turning the incident's own failures into messages.
void guarded(const std::function<void()>& body);

}  // namespace medbcp::cli::incident
