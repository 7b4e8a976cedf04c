// Reading the plan's change history by entry and counting it for paging;
// complements store/history_store.h, which appends and lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/history_store.h"

namespace medbcp::store {

std::optional<HistoryEntry> find_history_entry(Database& db, std::int64_t id);
// `section` empty for all sections.
std::int64_t count_history(Database& db, const std::string& section);

}  // namespace medbcp::store
