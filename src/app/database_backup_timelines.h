// The incident side of checking a database before it is trusted as a
// restore: every incident's timeline chain must verify, and whether the
// live database has an incident open (restoring would roll its timeline
// back). Kept apart from database_backup.cc because it follows the incident
// store's schema.
#pragma once

#include <cstdint>

#include "core/problem.h"

namespace medbcp::store {
class Database;  // only use cases inside app/ pass their open connection
}  // namespace medbcp::store

namespace medbcp::app {

struct TimelineCheck {
  core::Problems problems;  // field "timeline"
  std::int64_t chains = 0;
  std::int64_t entries = 0;
};

TimelineCheck check_timelines(store::Database& db);

// Incidents still open (status open) in `db`; 0 when it has none or no
// incident tables.
std::int64_t count_open_incidents(store::Database& db);

}  // namespace medbcp::app
