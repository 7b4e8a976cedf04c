// What the 平時 commands (backup, status, stocktake, confirm) share: refusing
// with the use case's problems, and reading the results, times and dates
// people type.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/workspace.h"
#include "cli/command.h"
#include "cli/open_workspace.h"
#include "core/clinic_backup_record.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::cli {

// Prints `what` and the problems of a refused use case; exit code 1.
[[noreturn]] void refuse(const std::string& what, const core::Problems& problems);
// Prints the message; exit code 2 (usage).
[[noreturn]] void usage_error(const std::string& message);
// --result: ok | fail.
core::Outcome parse_outcome(const std::string& text);
// --at: when a run happened; nullopt for empty text.
std::optional<core::Instant> parse_at(const std::string& text);
// A date (ISO or 和暦); today in Tokyo when empty. `option` names the flag.
core::Date parse_date_or_today(const std::string& text, const char* option);
std::string date_or_dash(const std::optional<core::Instant>& at);

}  // namespace medbcp::cli
