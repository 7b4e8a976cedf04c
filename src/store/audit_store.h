// The audit log (table audit_log, migrations/006_audit.sql): appended by
// triggers and by app/audit in the transaction of what it records, read
// newest first by administrators, exported oldest first.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct AuditRecord {
  std::int64_t id = 0;
  std::int64_t at = 0;  // Unix seconds
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string remote;
  std::string action;
  std::string target;
  std::string detail;
  // A timeline entry's No. within its incident (read, never written): the
  // trigger's detail holds the entry's id, which people cannot read.
  std::optional<std::int64_t> entry_number;
};

// Returns the new id.
std::int64_t append_audit(Database& db, const AuditRecord& record);

// Filters combine; an empty or unset one matches everything.
struct AuditQuery {
  std::optional<std::int64_t> from;   // at >= from
  std::optional<std::int64_t> until;  // at < until
  std::string action;
  std::string actor_name;
};

// Newest first.
std::vector<AuditRecord> list_audit(Database& db, const AuditQuery& query, int limit, int offset);
std::int64_t count_audit(Database& db, const AuditQuery& query);
// Oldest first, one at a time (an export of years of sign-ins).
void for_each_audit(Database& db, const AuditQuery& query,
                    const std::function<void(const AuditRecord&)>& visit);

// Whether a row with this action, actor name and address (and target, when
// given) exists at or after `since`.
bool has_audit_since(Database& db, const std::string& action, const std::string& actor_name,
                     const std::string& remote, std::int64_t since,
                     const std::optional<std::string>& target = std::nullopt);

}  // namespace medbcp::store
