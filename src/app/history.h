// Reading the plan's change history: who changed which section when, and
// what it was before and after. Administrators only (ReadHistory); the
// entries themselves are written by update_plan in the same transaction as
// the change (app/plan_service.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/plan_diff.h"
#include "app/workspace.h"
#include "core/time.h"

namespace medbcp::app {

struct HistoryItem {
  std::int64_t id = 0;
  core::Instant at;
  std::string user_name;
  std::string section;  // "facility", "devices", …
};

struct HistoryPage {
  std::vector<HistoryItem> items;  // newest first
  std::int64_t total = 0;          // entries matching the filter
};

// `section` empty for every section; `page` is 1-based.
HistoryPage list_history(Workspace& ws, const Actor& actor, const std::string& section, int page,
                         int per_page);

struct HistoryDetail {
  HistoryItem item;
  std::string before_json;
  std::string after_json;
  std::vector<RecordChange> changes;
};

std::optional<HistoryDetail> history_detail(Workspace& ws, const Actor& actor, std::int64_t id);

}  // namespace medbcp::app
