// Web accounts (table users). The role is kept as its stable code
// ("admin", "editor", …); the app layer turns it into app::Role.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace medbcp::store {

struct UserRecord {
  std::int64_t id = 0;
  std::string name;
  std::string role;
  std::string password_hash;
  bool active = true;
  std::string created_at;                    // ISO 8601 UTC
  std::optional<std::string> last_login_at;  // ISO 8601 UTC
  bool must_change_password = false;         // its password breaks today's rules
};

std::int64_t count_users(Database& db);
std::int64_t count_active_users_with_role(Database& db, const std::string& role);
std::optional<UserRecord> find_user(Database& db, std::int64_t id);
std::optional<UserRecord> find_user_by_name(Database& db, const std::string& name);
// Ordered by name.
std::vector<UserRecord> list_users(Database& db);
// Returns the new id.
std::int64_t insert_user(Database& db, const UserRecord& user);
// Writes role, password_hash, active and last_login_at of user.id.
void update_user(Database& db, const UserRecord& user);

}  // namespace medbcp::store
