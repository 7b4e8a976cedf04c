// The plan's change history (plan_history): appended by every plan change in
// the same transaction, read by administrators.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct HistoryEntry {
  std::int64_t id = 0;
  std::string at;  // ISO 8601 UTC
  std::int64_t user_id = 0;
  std::string user_name;
  std::string section;
  std::string before_json;
  std::string after_json;
};

void append_history(Database& db, const HistoryEntry& entry);
// Newest first; `section` empty for all sections.
std::vector<HistoryEntry> list_history(Database& db, const std::string& section, int limit,
                                       int offset);

}  // namespace medbcp::store
