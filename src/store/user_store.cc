#include "store/user_store.h"

namespace medbcp::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, name, role, password_hash, active, created_at, last_login_at, "
    "must_change_password FROM users ";

UserRecord read_user(const Statement& s) {
  return {s.integer(0),      s.text(1), s.text(2),          s.text(3),
          s.integer(4) != 0, s.text(5), s.optional_text(6), s.integer(7) != 0};
}

}  // namespace

std::int64_t count_users(Database& db) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM users");
  stmt->step();
  return stmt->integer(0);
}

std::int64_t count_active_users_with_role(Database& db, const std::string& role) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM users WHERE active = 1 AND role = ?");
  stmt->bind(1, role);
  stmt->step();
  return stmt->integer(0);
}

std::optional<UserRecord> find_user(Database& db, std::int64_t id) {
  auto stmt = db.prepare(std::string(kColumns) + "WHERE id = ?");
  stmt->bind(1, id);
  if (!stmt->step()) return std::nullopt;
  return read_user(*stmt);
}

std::optional<UserRecord> find_user_by_name(Database& db, const std::string& name) {
  auto stmt = db.prepare(std::string(kColumns) + "WHERE name = ?");
  stmt->bind(1, name);
  if (!stmt->step()) return std::nullopt;
  return read_user(*stmt);
}

std::vector<UserRecord> list_users(Database& db) {
  auto stmt = db.prepare(std::string(kColumns) + "ORDER BY name, id");
  std::vector<UserRecord> out;
  while (stmt->step()) out.push_back(read_user(*stmt));
  return out;
}

std::int64_t insert_user(Database& db, const UserRecord& user) {
  auto stmt = db.prepare(
      "INSERT INTO users (name, role, password_hash, active, created_at, last_login_at, "
      "must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  return stmt->bind(1, user.name)
      .bind(2, user.role)
      .bind(3, user.password_hash)
      .bind(4, user.active)
      .bind(5, user.created_at)
      .bind(6, user.last_login_at)
      .bind(7, user.must_change_password)
      .run_returning_id();
}

void update_user(Database& db, const UserRecord& user) {
  auto stmt = db.prepare(
      "UPDATE users SET role = ?, password_hash = ?, active = ?, last_login_at = ?, "
      "must_change_password = ? WHERE id = ?");
  stmt->bind(1, user.role)
      .bind(2, user.password_hash)
      .bind(3, user.active)
      .bind(4, user.last_login_at)
      .bind(5, user.must_change_password)
      .bind(6, user.id)
      .run();
}

}  // namespace medbcp::store
