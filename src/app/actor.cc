#include "app/actor.h"

#include <pwd.h>
#include <unistd.h>

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
    case Role::AssociationAdmin:
      return "協会管理者";
    case Role::AssociationViewer:
      return "協会閲覧";
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
    case Role::AssociationAdmin:
      return "association-admin";
    case Role::AssociationViewer:
      return "association-viewer";
  }
  return "viewer";
}

std::optional<Role> role_from_code(std::string_view text) {
  for (Role r : {Role::Admin, Role::Editor, Role::Staff, Role::Viewer, Role::AssociationAdmin,
                 Role::AssociationViewer}) {
    if (text == code(r) || text == label(r)) return r;
  }
  return std::nullopt;
}

bool is_association_role(Role role) {
  return role == Role::AssociationAdmin || role == Role::AssociationViewer;
}

std::vector<Role> roles_for(bool association) {
  if (association) return {Role::AssociationAdmin, Role::AssociationViewer};
  return {Role::Admin, Role::Editor, Role::Staff, Role::Viewer};
}

bool allows(Role role, Permission permission) {
  switch (permission) {
    case Permission::OwnAccount:
      return true;
    case Permission::ReadPlan:
      return !is_association_role(role);
    case Permission::EditPlan:
    case Permission::Publish:
    case Permission::ManageIncident:
      return role == Role::Admin || role == Role::Editor;
    case Permission::ManageUsers:
      return role == Role::Admin || role == Role::AssociationAdmin;
    case Permission::ReadHistory:
      return role == Role::Admin;
    case Permission::ReportIncident:
    case Permission::Export:
      return role == Role::Admin || role == Role::Editor || role == Role::Staff;
    case Permission::ViewOverview:
      return is_association_role(role);
    case Permission::ManageFacilities:
      return role == Role::AssociationAdmin;
  }
  return false;
}

Actor cli_actor(std::string_view named) {
  // A person's name on the record, never the program's: a job started by
  // cron or systemd has no $USER, but it runs as an account.
  if (!named.empty()) return Actor{core::UserId(), std::string(named), Role::Admin};
  const char* name = std::getenv("MEDBCP_USER");
  if (name == nullptr || *name == '\0') name = std::getenv("USER");
  if (name == nullptr || *name == '\0') {
    const passwd* account = ::getpwuid(::geteuid());
    if (account != nullptr) name = account->pw_name;
  }
  return Actor{core::UserId(), (name != nullptr && *name != '\0') ? name : "端末の利用者",
               Role::Admin};
}

PermissionDenied::PermissionDenied(Permission p)
    : std::runtime_error("この操作を行う権限がありません。"), permission(p) {}

void require(const Actor& actor, Permission permission) {
  if (!allows(actor.role, permission)) throw PermissionDenied(permission);
}

}  // namespace medbcp::app
