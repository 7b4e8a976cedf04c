#include "app/users.h"

#include "app/audit.h"
#include "app/password.h"
#include "core/text.h"
#include "core/time.h"
#include "store/session_store.h"
#include "store/two_factor_store.h"
#include "store/user_store.h"

namespace medbcp::app {
namespace {

User to_user(const store::UserRecord& r) {
  return User{core::UserId(r.id), r.name,       role_from_code(r.role).value_or(Role::Viewer),
              r.active,           r.created_at, r.last_login_at};
}

void check_name(store::Database& db, const std::string& name, core::Problems& problems) {
  if (name.empty()) {
    problems.push_back({"name", 0, "ユーザー名を入力してください。"});
    return;
  }
  if (core::utf8_to_u32(name).size() > 64) {
    problems.push_back({"name", 0, "ユーザー名は64文字以内で入力してください。"});
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) {
      problems.push_back({"name", 0, "ユーザー名に制御文字は使えません。"});
      break;
    }
  }
  if (store::find_user_by_name(db, name)) {
    problems.push_back({"name", 0, "このユーザー名はすでに使われています。"});
  }
}

void check_password(const std::string& password, const std::string& name, core::Problems& problems,
                    const char* field = "password", bool two_factor = false) {
  for (auto& problem : password_problems(password, name, field, two_factor)) {
    problems.push_back(std::move(problem));
  }
}

std::int64_t create_user(store::Database& db, const std::string& name, Role role,
                         const std::string& password) {
  store::UserRecord record;
  record.name = name;
  record.role = code(role);
  record.password_hash = hash_password(password);
  record.created_at = core::Instant::now().iso_utc();
  return store::insert_user(db, record);
}

// The role that manages the accounts of this workspace.
Role admin_role(const Workspace& ws) {
  return ws.is_association() ? Role::AssociationAdmin : Role::Admin;
}

bool is_last_admin(const Workspace& ws, store::Database& db, const store::UserRecord& user) {
  const char* admin = code(admin_role(ws));
  return user.active && user.role == admin && store::count_active_users_with_role(db, admin) <= 1;
}

// A clinic's account never holds an association's role, nor the reverse.
std::optional<core::Problem> role_misfit(const Workspace& ws, Role role) {
  if (is_association_role(role) == ws.is_association()) return std::nullopt;
  return core::Problem{"role", 0,
                       ws.is_association()
                           ? "協会のアカウントの役割は「協会管理者」か「協会閲覧」です。"
                           : "医療機関のアカウントに協会の役割は付けられません。"};
}

core::Problem no_such_user() { return {"user", 0, "指定されたユーザーが見つかりません。"}; }
core::Problem last_admin() {
  return {"role", 0, "最後の管理者です。先に別の管理者を登録してください。"};
}

}  // namespace

std::string normalize_user_name(std::string_view typed) { return core::nfkc(core::trim(typed)); }

bool has_users(Workspace& ws) { return store::count_users(ws.db()) > 0; }

core::Problems create_first_admin(Workspace& ws, const std::string& typed_name,
                                  const std::string& password) {
  std::string name = normalize_user_name(typed_name);
  store::Database& db = ws.db();
  // Hash before the write transaction: Argon2 is deliberately slow.
  core::Problems problems;
  check_password(password, name, problems);
  std::string hash = problems.empty() ? hash_password(password) : std::string();
  store::Transaction tx(db);
  if (store::count_users(db) > 0) {
    return {{"name", 0, "管理者はすでに登録されています。ログインしてください。"}};
  }
  check_name(db, name, problems);
  if (!problems.empty()) return problems;
  store::UserRecord record;
  record.name = name;
  record.role = code(admin_role(ws));
  record.password_hash = hash;
  record.created_at = core::Instant::now().iso_utc();
  const core::UserId id(store::insert_user(db, record));
  audit(db, Actor{id, name, admin_role(ws)}, audit_action::kUserAdd, name,
        ws.is_association() ? "最初の協会管理者" : "最初の管理者");
  tx.commit();
  return {};
}

core::Problems add_user(Workspace& ws, const Actor& actor, const std::string& typed_name, Role role,
                        const std::string& password) {
  require(actor, Permission::ManageUsers);
  std::string name = normalize_user_name(typed_name);
  store::Database& db = ws.db();
  core::Problems problems;
  if (auto misfit = role_misfit(ws, role)) problems.push_back(std::move(*misfit));
  check_name(db, name, problems);
  check_password(password, name, problems);
  if (!problems.empty()) return problems;
  store::Transaction tx(db);
  create_user(db, name, role, password);
  audit(db, actor, audit_action::kUserAdd, name, label(role));
  tx.commit();
  return {};
}

std::vector<User> list_users(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ManageUsers);
  std::vector<User> out;
  for (const auto& r : store::list_users(ws.db())) out.push_back(to_user(r));
  return out;
}

std::optional<User> find_user(Workspace& ws, core::UserId id) {
  auto r = store::find_user(ws.db(), id.value);
  if (!r) return std::nullopt;
  return to_user(*r);
}

core::Problems set_user_role(Workspace& ws, const Actor& actor, core::UserId id, Role role) {
  require(actor, Permission::ManageUsers);
  if (auto misfit = role_misfit(ws, role)) return {std::move(*misfit)};
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto user = store::find_user(db, id.value);
  if (!user) return {no_such_user()};
  if (role != admin_role(ws) && is_last_admin(ws, db, *user)) return {last_admin()};
  const std::string before = label(role_from_code(user->role).value_or(Role::Viewer));
  user->role = code(role);
  store::update_user(db, *user);
  audit(db, actor, audit_action::kUserRole, user->name, before + " → " + label(role));
  tx.commit();
  return {};
}

core::Problems set_user_active(Workspace& ws, const Actor& actor, core::UserId id, bool active) {
  require(actor, Permission::ManageUsers);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto user = store::find_user(db, id.value);
  if (!user) return {no_such_user()};
  if (!active && is_last_admin(ws, db, *user)) return {last_admin()};
  user->active = active;
  store::update_user(db, *user);
  if (!active) store::delete_user_sessions(db, user->id);
  audit(db, actor, audit_action::kUserActive, user->name, active ? "利用再開" : "利用停止");
  tx.commit();
  return {};
}

core::Problems reset_password(Workspace& ws, const Actor& actor, core::UserId id,
                              const std::string& new_password) {
  require(actor, Permission::ManageUsers);
  store::Database& db = ws.db();
  auto user = store::find_user(db, id.value);
  if (!user) return {no_such_user()};
  core::Problems problems;
  check_password(new_password, user->name, problems, "password",
                 !store::load_two_factor(db, id.value).secret.empty());
  if (!problems.empty()) return problems;
  std::string hash = hash_password(new_password);
  store::Transaction tx(db);
  user = store::find_user(db, id.value);
  if (!user) return {no_such_user()};
  user->password_hash = hash;
  user->must_change_password = false;
  store::update_user(db, *user);
  store::delete_user_sessions(db, user->id);
  audit(db, actor, audit_action::kPasswordReset, user->name);
  tx.commit();
  return {};
}

core::Problems change_own_password(Workspace& ws, const Actor& actor,
                                   const std::string& current_password,
                                   const std::string& new_password) {
  store::Database& db = ws.db();
  auto user = store::find_user(db, actor.user.value);
  if (!user || !user->active) return {no_such_user()};
  if (!verify_password(user->password_hash, current_password)) {
    return {{"current_password", 0, "現在のパスワードが正しくありません。"}};
  }
  core::Problems problems;
  check_password(new_password, user->name, problems, "new_password",
                 !store::load_two_factor(db, user->id).secret.empty());
  if (!problems.empty()) return problems;
  std::string hash = hash_password(new_password);
  store::Transaction tx(db);
  user->password_hash = hash;
  user->must_change_password = false;
  store::update_user(db, *user);
  store::delete_user_sessions(db, user->id);
  audit(db, actor, audit_action::kPasswordChange, user->name);
  tx.commit();
  return {};
}

Actor actor_for(const User& user) { return Actor{user.id, user.name, user.role}; }

}  // namespace medbcp::app
