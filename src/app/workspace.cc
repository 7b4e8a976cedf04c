#include "app/workspace.h"

#include <atomic>
#include <cstdlib>
#include <unordered_map>

#include "app/default_db.h"
#include "store/facility_registry.h"
#include "store/open_database.h"

namespace medbcp::app {
namespace {

std::atomic<std::uint64_t> next_generation{1};

// Each thread keeps its own connection per open workspace. The generation
// number (never reused) keeps a new workspace at the same address from
// picking up a closed one's connection.
std::unordered_map<std::uint64_t, std::unique_ptr<store::Database>>& thread_connections() {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<store::Database>> connections;
  return connections;
}

// Facilities of one PostgreSQL database share their thread's connection,
// keyed by its location, and switch its schema per use: a server of 1,000
// clinics holds one connection per thread, not one per thread and clinic.
std::unordered_map<std::string, std::unique_ptr<store::Database>>& shared_thread_connections() {
  thread_local std::unordered_map<std::string, std::unique_ptr<store::Database>> connections;
  return connections;
}

}  // namespace

Workspace::Workspace(std::string path) : path_(std::move(path)), generation_(next_generation++) {
  auto split = store::split_schema_location(path_);
  connection_ = std::move(split.connection);
  schema_ = std::move(split.schema);
}

bool Workspace::is_association() const { return schema_ == store::kAssociationSchema; }

Workspace::~Workspace() {
  // Connections held by other threads close when those threads end; the
  // opening thread's closes now.
  thread_connections().erase(generation_);
}

std::unique_ptr<Workspace> Workspace::open(const std::string& db_path) {
  std::unique_ptr<Workspace> ws(new Workspace(db_path));
  auto migrated = store::open_database(db_path);
  if (ws->schema_.empty()) thread_connections()[ws->generation_] = std::move(migrated);
  return ws;
}

std::string Workspace::shown_path() const { return store::printable_location(path_); }

store::Database& Workspace::db() {
  if (!schema_.empty()) {
    auto& shared = shared_thread_connections();
    auto it = shared.find(connection_);
    if (it == shared.end()) {
      it = shared.emplace(connection_, store::open_database(connection_, store::OpenMode::AsIs))
               .first;
    }
    store::use_schema(*it->second, schema_);
    return *it->second;
  }
  auto& connections = thread_connections();
  auto it = connections.find(generation_);
  if (it == connections.end()) {
    it = connections.emplace(generation_, store::open_database(path_, store::OpenMode::AsIs)).first;
  }
  return *it->second;
}

ChangeStamp Workspace::change_stamp() {
  const store::ChangeStamp stamp = db().change_stamp();
  return {stamp.others, stamp.own};
}

bool is_database_failure(const std::exception& e) {
  return dynamic_cast<const store::StoreError*>(&e) != nullptr;
}

bool is_disk_full(const std::exception& e) {
  return dynamic_cast<const store::DiskFullError*>(&e) != nullptr;
}

bool is_connection_lost(const std::exception& e) {
  return dynamic_cast<const store::ConnectionLostError*>(&e) != nullptr;
}

std::string resolve_db_path(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("MEDBCP_DB"); env != nullptr && *env != '\0') return env;
  return default_db_path();
}

std::string default_db_path() { return MEDBCP_DEFAULT_DB; }

}  // namespace medbcp::app
