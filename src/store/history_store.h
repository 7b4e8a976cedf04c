// The plan's change history (plan_history): appended by every plan change in
// the same transaction, read by administrators.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/compact_text.h"
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

// An entry about to be appended, its JSON already in stored form
// (store/compact_text.h): prepare_history_entry needs no database and may
// run on another thread.
struct PreparedHistoryEntry {
  std::string at;
  std::int64_t user_id = 0;
  std::string user_name;
  std::string section;
  CompactText before;
  CompactText after;
};
PreparedHistoryEntry prepare_history_entry(HistoryEntry entry);

void append_history(Database& db, const PreparedHistoryEntry& entry);
void append_history(Database& db, HistoryEntry entry);
// Newest first; `section` empty for all sections. Without before_json and
// after_json: a list page does not need them, and one entry of a large
// ledger import holds tens of megabytes (find_history_entry reads them).
std::vector<HistoryEntry> list_history(Database& db, const std::string& section, int limit,
                                       int offset);

}  // namespace medbcp::store
