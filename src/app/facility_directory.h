// The workspaces a web server serves. A clinic's server serves one: its
// SQLite file, or the one facility chosen with --facility-code. An
// association's server (a PostgreSQL database with a registry of
// facilities) serves them all: each request works in the facility its
// session belongs to, and nowhere else, and the association's own accounts
// (協会管理者, 協会閲覧) live in a workspace of their own that holds no plan.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::app {

class FacilityDirectory {
 public:
  // A server of one workspace, owned elsewhere.
  explicit FacilityDirectory(Workspace& only);
  // A server of every facility of the association's database at `db_location`.
  // Throws std::runtime_error (in Japanese) when it holds no registry.
  static std::unique_ptr<FacilityDirectory> for_association(const std::string& db_location);
  ~FacilityDirectory();
  FacilityDirectory(const FacilityDirectory&) = delete;
  FacilityDirectory& operator=(const FacilityDirectory&) = delete;

  // Whether this serves an association (many facilities).
  bool many() const { return !db_location_.empty(); }
  // The only workspace, or the association's accounts.
  Workspace& home() { return home_; }
  // The workspace of the facility with `code`, opened on first use and kept;
  // nullptr when no such facility is registered (or this serves one).
  Workspace* facility(const std::string& code);
  const std::string& db_location() const { return db_location_; }
  // Drops a facility's workspace (one removed again while being added).
  void forget(const std::string& code);

 private:
  FacilityDirectory(std::unique_ptr<Workspace> association, std::string db_location);

  std::unique_ptr<Workspace> owned_home_;
  Workspace& home_;
  std::string db_location_;  // "" for one workspace
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Workspace>> facilities_;
};

// Whether the database at `db_location` is an association's (a registry of
// facilities on PostgreSQL).
bool is_association_database(const std::string& db_location);

// The location of the association's own accounts in the database at
// `db_location`; throws std::runtime_error (in Japanese) when it is not an
// association's.
std::string association_workspace_location(const std::string& db_location);

// What an association administrator fills in to add a facility: its code
// and name, and its first administrator's name and password.
struct NewFacility {
  std::string code;
  std::string name;
  std::string admin_name;
  std::string admin_password;
};
// Adds the facility with its plan from the template and its first
// administrator, all or nothing. Problems name the field ("code", "name",
// "admin_name", "admin_password") in Japanese.
core::Problems add_facility_with_admin(FacilityDirectory& directory, const Actor& actor,
                                       const NewFacility& facility, core::Instant now);

}  // namespace medbcp::app
