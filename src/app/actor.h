// Who is doing something, and whether they may. Every use case takes an
// Actor and checks its permission on the server side; hiding a button is
// never the check.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/id.h"

namespace medbcp::app {

// A clinic's roles: 管理者 (users and everything), 担当者 (edit the plan),
// 職員 (read the plan, report and log incidents), 閲覧 (read only).
// An association's (医師会・都道府県), whose accounts live beside its
// facilities and never inside one: 協会管理者 (adds facilities and their
// first administrator, manages the association's accounts, sees the
// overview) and 協会閲覧 (the overview only). Neither reads any plan.
enum class Role { Admin, Editor, Staff, Viewer, AssociationAdmin, AssociationViewer };

// 管理者, 担当者, 職員, 閲覧, 協会管理者, 協会閲覧
const char* label(Role);
// admin, editor, staff, viewer, association-admin, association-viewer
const char* code(Role);
std::optional<Role> role_from_code(std::string_view);
bool is_association_role(Role);
// The roles an account of a clinic (or, `association`, of the association) may have.
std::vector<Role> roles_for(bool association);

enum class Permission {
  OwnAccount,        // everyone signed in: their account, signing out
  ReadPlan,          // every role of a clinic
  EditPlan,          // admin, editor
  ManageUsers,       // admin (of a clinic, or of the association)
  ReadHistory,       // admin
  Publish,           // admin, editor
  ReportIncident,    // admin, editor, staff
  ManageIncident,    // admin, editor (the security officer's role in the app)
  Export,            // admin, editor, staff
  ViewOverview,      // association admin and viewer: every facility's readiness
  ManageFacilities,  // association admin: add facilities and their first administrator
};

bool allows(Role role, Permission permission);

struct Actor {
  core::UserId user;  // invalid for the local CLI user without an account
  std::string name;   // shown in history and the timeline
  Role role = Role::Viewer;
};

// The person at the keyboard of the CLI: whoever can open the database file
// already holds all of it, so the CLI acts as an administrator named after
// the person: `named` (the CLI's --by), else $MEDBCP_USER, else $USER, else
// the OS account the process runs as.
Actor cli_actor(std::string_view named = {});

class PermissionDenied : public std::runtime_error {
 public:
  explicit PermissionDenied(Permission p);
  Permission permission;
};

// Throws PermissionDenied unless the actor's role allows it.
void require(const Actor& actor, Permission permission);

}  // namespace medbcp::app
