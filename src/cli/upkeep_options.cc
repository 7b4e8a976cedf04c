#include "cli/upkeep_options.h"

#include <iostream>

#include "app/clinic_backup_runs.h"
#include "cli/output.h"
#include "core/wareki.h"

namespace medbcp::cli {

// Prints the problems of a refused use case and ends with exit code 1.
[[noreturn]] void refuse(const std::string& what, const core::Problems& problems) {
  std::cerr << what << "\n";
  print_messages(std::cerr, problems);
  throw ExitCode{1};
}

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << message << "\n";
  throw ExitCode{2};
}

core::Outcome parse_outcome(const std::string& text) {
  auto outcome = core::outcome_from_code(text);
  if (!outcome) usage_error("--result には ok か fail を指定してください。");
  return *outcome;
}

std::optional<core::Instant> parse_at(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto at = app::parse_run_time(text);
  if (!at) {
    usage_error("--at の日時を読めません: " + text +
                "（例: 2025-04-01T02:00:00+09:00、2025-04-01 02:00）");
  }
  return at;
}

core::Date parse_date_or_today(const std::string& text, const char* option) {
  if (text.empty()) return core::Instant::now().tokyo_date();
  if (auto d = core::Date::parse(text)) return *d;
  if (auto d = core::parse_wareki(text)) return *d;
  usage_error(std::string(option) + " の日付を読めません: " + text + "（例: 2025-04-01）");
}

std::string date_or_dash(const std::optional<core::Instant>& at) {
  return at ? at->tokyo_text() : "—";
}

}  // namespace medbcp::cli
