#include "app/actor.h"

#include <cstdlib>

namespace medbcp::app {

const char* label(Role role) {
  switch (role) {
    case Role::Admin:
      return "管理者";
    case Role::Editor:
      return "担当者";
    case Role::Staff:
      return "職員";
    case Role::Viewer:
      return "閲覧";
  }
  return "閲覧";
}

const char* code(Role role) {
  switch (role) {
    case Role::Admin:
      return "admin";
    case Role::Editor:
      return "editor";
    case Role::Staff:
      return "staff";
    case Role::Viewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<Role> role_from_code(std::string_view text) {
  for (Role r : {Role::Admin, Role::Editor, Role::Staff, Role::Viewer}) {
    if (text == code(r) || text == label(r)) return r;
  }
  return std::nullopt;
}

bool allows(Role role, Permission permission) {
  switch (permission) {
    case Permission::ReadPlan:
      return true;
    case Permission::EditPlan:
    case Permission::Publish:
    case Permission::ManageIncident:
      return role == Role::Admin || role == Role::Editor;
    case Permission::ManageUsers:
    case Permission::ReadHistory:
      return role == Role::Admin;
    case Permission::ReportIncident:
    case Permission::Export:
      return role != Role::Viewer;
  }
  return false;
}

Actor cli_actor() {
  const char* name = std::getenv("MEDBCP_USER");
  if (name == nullptr || *name == '\0') name = std::getenv("USER");
  return Actor{core::UserId(), (name != nullptr && *name != '\0') ? name : "cli", Role::Admin};
}

PermissionDenied::PermissionDenied(Permission p)
    : std::runtime_error("この操作を行う権限がありません。"), permission(p) {}

void require(const Actor& actor, Permission permission) {
  if (!allows(actor.role, permission)) throw PermissionDenied(permission);
}

}  // namespace medbcp::app
