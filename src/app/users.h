// Web accounts: the first administrator on first run, then users added and
// managed by administrators (管理者) with one of the four roles. Passwords
// are stored only as Argon2id hashes (app/password.h). Mistakes come back as
// problems keyed by form field ("name", "password", "role").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/password_policy.h"
#include "app/workspace.h"
#include "core/id.h"
#include "core/problem.h"

namespace medbcp::app {

struct User {
  core::UserId id;
  std::string name;
  Role role = Role::Viewer;
  bool active = true;
  std::string created_at;                    // ISO 8601 UTC
  std::optional<std::string> last_login_at;  // ISO 8601 UTC
};

// How a typed user name is stored and compared: trimmed, NFKC.
std::string normalize_user_name(std::string_view typed);

bool has_users(Workspace& ws);

// First run only: creates an administrator when no account exists yet, and
// refuses (a problem on "name") once one does, so the set-up page cannot be
// used to take over a running server.
core::Problems create_first_admin(Workspace& ws, const std::string& name,
                                  const std::string& password);

// Administrators only (ManageUsers).
core::Problems add_user(Workspace& ws, const Actor& actor, const std::string& name, Role role,
                        const std::string& password);
std::vector<User> list_users(Workspace& ws, const Actor& actor);
std::optional<User> find_user(Workspace& ws, core::UserId id);
// Refuses to leave the server without an active administrator.
core::Problems set_user_role(Workspace& ws, const Actor& actor, core::UserId id, Role role);
// Deactivating also ends the user's sessions.
core::Problems set_user_active(Workspace& ws, const Actor& actor, core::UserId id, bool active);
core::Problems reset_password(Workspace& ws, const Actor& actor, core::UserId id,
                              const std::string& new_password);

// Any signed-in user, for themself; other sessions of the user are ended.
core::Problems change_own_password(Workspace& ws, const Actor& actor,
                                   const std::string& current_password,
                                   const std::string& new_password);

Actor actor_for(const User& user);

}  // namespace medbcp::app
