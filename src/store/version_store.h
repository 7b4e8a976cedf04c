// Published versions (版) of the plan and the staff's confirmations of
// having read them (tables plan_versions and plan_acknowledgements).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct VersionRecord {
  std::int64_t id = 0;
  int edition = 0;
  std::string published_on;       // ISO date
  std::string published_at;       // ISO 8601 UTC
  std::int64_t published_by = 0;  // 0 when published from the CLI or the user is gone
  std::string published_by_name;
  std::string note;
  std::string plan_json;  // empty unless asked for
};

struct AcknowledgementRecord {
  std::int64_t user_id = 0;
  std::string at;  // ISO 8601 UTC
};

std::int64_t insert_version(Database& db, const VersionRecord& version);
// Newest first, without plan_json.
std::vector<VersionRecord> list_versions(Database& db);
std::optional<VersionRecord> find_version(Database& db, std::int64_t id, bool with_json);
std::optional<VersionRecord> latest_version(Database& db, bool with_json);

// Idempotent: a second confirmation keeps the first one's time.
void insert_acknowledgement(Database& db, std::int64_t version_id, std::int64_t user_id,
                            const std::string& at);
std::vector<AcknowledgementRecord> list_acknowledgements(Database& db, std::int64_t version_id);

}  // namespace medbcp::store
