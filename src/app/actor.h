// Who is doing something, and whether they may. Every use case takes an
// Actor and checks its permission on the server side; hiding a button is
// never the check.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "core/id.h"

namespace medbcp::app {

// 管理者 (users and everything), 担当者 (edit the plan), 職員 (read the plan,
// report and log incidents), 閲覧 (read only).
enum class Role { Admin, Editor, Staff, Viewer };

const char* label(Role);  // 管理者, 担当者, 職員, 閲覧
const char* code(Role);   // admin, editor, staff, viewer
std::optional<Role> role_from_code(std::string_view);

enum class Permission {
  ReadPlan,        // everyone
  EditPlan,        // admin, editor
  ManageUsers,     // admin
  ReadHistory,     // admin
  Publish,         // admin, editor
  ReportIncident,  // admin, editor, staff
  ManageIncident,  // admin, editor (the security officer's role in the app)
  Export,          // admin, editor, staff
};

bool allows(Role role, Permission permission);

struct Actor {
  core::UserId user;  // invalid for the local CLI user without an account
  std::string name;   // shown in history and the timeline
  Role role = Role::Viewer;
};

// The person at the keyboard of the CLI: whoever can open the database file
// already holds all of it, so the CLI acts as an administrator named after
// the OS user ($MEDBCP_USER, else $USER).
Actor cli_actor();

class PermissionDenied : public std::runtime_error {
 public:
  explicit PermissionDenied(Permission p);
  Permission permission;
};

// Throws PermissionDenied unless the actor's role allows it.
void require(const Actor& actor, Permission permission);

}  // namespace medbcp::app
