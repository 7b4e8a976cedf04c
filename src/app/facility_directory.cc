#include "app/facility_directory.h"

#include <stdexcept>

#include "app/audit.h"
#include "app/facilities.h"
#include "app/password_policy.h"
#include "app/users.h"
#include "store/facility_registry.h"
#include "store/open_database.h"

namespace medbcp::app {
namespace {

void remove_facility(FacilityDirectory& directory, const std::string& code) {
  directory.forget(code);
  auto registry = store::open_database(directory.db_location(), store::OpenMode::AsIs);
  store::unregister_facility(*registry, code);
}

}  // namespace

FacilityDirectory::FacilityDirectory(Workspace& only) : home_(only) {}

FacilityDirectory::FacilityDirectory(std::unique_ptr<Workspace> association,
                                     std::string db_location)
    : owned_home_(std::move(association)),
      home_(*owned_home_),
      db_location_(std::move(db_location)) {}

FacilityDirectory::~FacilityDirectory() = default;

std::string association_workspace_location(const std::string& db_location) {
  if (store::sqlite_file_of(db_location)) {
    throw std::runtime_error(
        "SQLite のファイルは1つの医療機関のものです。協会のアカウントは、施設を登録した "
        "PostgreSQL のデータベースで使います。");
  }
  auto db = store::open_database(db_location, store::OpenMode::AsIs);
  if (!store::has_facility_registry(*db)) {
    throw std::runtime_error(
        "このデータベースには施設の登録がありません。協会のアカウントは、施設を登録した "
        "PostgreSQL のデータベースで使います（medbcp facility add で施設を追加します）。");
  }
  store::create_association_schema(*db);
  return store::association_location(db_location);
}

std::unique_ptr<FacilityDirectory> FacilityDirectory::for_association(
    const std::string& db_location) {
  auto association = Workspace::open(association_workspace_location(db_location));
  return std::unique_ptr<FacilityDirectory>(
      new FacilityDirectory(std::move(association), db_location));
}

Workspace* FacilityDirectory::facility(const std::string& code) {
  if (!many() || !store::facility_code_problem(code).empty()) return nullptr;
  const std::lock_guard lock(mutex_);
  if (auto it = facilities_.find(code); it != facilities_.end()) return it->second.get();
  // Asked of the registry on every miss, so a facility added by another
  // server (or the CLI) is served at once; a code never registered costs
  // one query of one row, and is not remembered.
  if (!store::is_registered_facility(home_.db(), code)) return nullptr;
  auto ws = Workspace::open(store::facility_location(db_location_, code));
  return facilities_.emplace(code, std::move(ws)).first->second.get();
}

void FacilityDirectory::forget(const std::string& code) {
  const std::lock_guard lock(mutex_);
  facilities_.erase(code);
}

bool is_association_database(const std::string& db_location) {
  if (store::sqlite_file_of(db_location)) return false;
  auto db = store::open_database(db_location, store::OpenMode::AsIs);
  return store::has_facility_registry(*db);
}

core::Problems add_facility_with_admin(FacilityDirectory& directory, const Actor& actor,
                                       const NewFacility& facility, core::Instant now) {
  require(actor, Permission::ManageFacilities);
  core::Problems problems;
  if (auto problem = store::facility_code_problem(facility.code); !problem.empty()) {
    problems.push_back({"code", 0, problem});
  }
  if (facility.name.empty()) problems.push_back({"name", 0, "施設名を入力してください。"});
  const std::string admin_name = normalize_user_name(facility.admin_name);
  if (admin_name.empty()) {
    problems.push_back({"admin_name", 0, "管理者のユーザー名を入力してください。"});
  }
  for (auto& p : password_problems(facility.admin_password, admin_name, "admin_password")) {
    problems.push_back(std::move(p));
  }
  if (!problems.empty() || !directory.many()) {
    if (!directory.many()) problems.push_back({"code", 0, "このサーバーは1施設用です。"});
    return problems;
  }
  // Inside the new facility the association's administrator acts as its
  // first administrator would (the plan's history names them), and only
  // until that administrator exists.
  const Actor setter{core::UserId(), actor.name, Role::Admin};
  try {
    add_facility(directory.db_location(), setter, facility.code, facility.name, now);
  } catch (const std::runtime_error& e) {
    return {{"code", 0, e.what()}};  // taken, or the registry refused it
  }
  // The administrator, in the facility's own accounts; a facility without
  // one would be unreachable, so it goes again if this fails.
  core::Problems added;
  try {
    Workspace* ws = directory.facility(facility.code);
    if (ws == nullptr) throw std::runtime_error("facility not found after adding it");
    added = add_user(*ws, setter, admin_name, Role::Admin, facility.admin_password);
  } catch (...) {
    remove_facility(directory, facility.code);
    throw;
  }
  if (!added.empty()) {
    remove_facility(directory, facility.code);
    for (auto& p : added) p.field = p.field == "password" ? "admin_password" : "admin_name";
    return added;
  }
  audit(directory.home(), actor, audit_action::kFacilityAdd, facility.code,
        facility.name + "（管理者 " + admin_name + "）");
  return {};
}

}  // namespace medbcp::app
