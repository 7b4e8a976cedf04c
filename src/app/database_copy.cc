#include "app/database_copy.h"

#include <unistd.h>

#include <filesystem>

#include "app/audit.h"
#include "app/facilities.h"
#include "app/incident_service.h"
#include "app/workspace.h"
#include "store/facility_registry.h"
#include "store/incident_store.h"
#include "store/migrations.h"
#include "store/open_database.h"
#include "store/plan_store.h"
#include "store/sqlite/sqlite_file_copy.h"
#include "store/table_copy.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

// The copy's own rows, then its check: a copy whose chains do not verify is
// not kept.
// On PostgreSQL the server keeps its own pages whole; what is left to check
// is every incident's chain.
DatabaseVerification verify_chains(Workspace& ws) {
  DatabaseVerification out;
  out.schema_version = store::current_schema_version(ws.db());
  const Actor system = cli_actor();
  // Every chain, drills' too: store::list_incidents, not the real incidents only.
  for (const auto& incident : store::list_incidents(ws.db())) {
    const core::ChainReport chain = verify_incident(ws, system, incident.id);
    ++out.chains;
    out.entries += chain.entries;
    for (const auto& b : chain.breaks) {
      out.problems.push_back(
          {"timeline", static_cast<int>(b.seq),
           "インシデント " + std::to_string(incident.id.value) + ": " + b.message});
    }
  }
  verify_audit_chain(ws.db(), out);
  return out;
}

void fill(store::Database& from, Workspace& to, CopyReport& report) {
  for (const auto& t : store::copy_clinic_tables(from, to.db())) {
    ++report.tables;
    report.rows += t.rows;
  }
  report.verification =
      to.db().dialect() == "postgres" ? verify_chains(to) : verify_database(to.db());
  if (!report.verification.ok()) {
    std::string message =
        "コピーしたデータベースの検査で問題が見つかったため、コピーを取り消しました:";
    for (const auto& p : report.verification.problems) message.append(" ").append(p.message);
    throw std::runtime_error(message);
  }
}

void copy_to_file(Workspace& source, const std::string& file, CopyReport& report) {
  if (fs::exists(file)) {
    throw std::runtime_error("コピー先のファイル " + file +
                             " はすでにあります。上書きはしません（別の名前を指定してください）。");
  }
  // Made beside the destination under another name, and put in place as a
  // whole, fsynced: a failure at any point leaves no file named `file`.
  const std::string building = file + ".copying-" + std::to_string(::getpid());
  fs::remove(building);
  try {
    {
      auto copy = Workspace::open(building);
      fill(source.db(), *copy, report);
    }
    store::backup_database_file(building, file);
  } catch (...) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(building + suffix);
    throw;
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(building + suffix);
}

void copy_to_facility(Workspace& source, const std::string& url, const std::string& code,
                      core::Instant now, CopyReport& report) {
  if (code.empty()) {
    throw FacilityNotChosen(
        "PostgreSQL へのコピーでは、移す先の施設コードを --facility-code で指定してください"
        "（半角の英小文字・数字・「-」）。");
  }
  auto registry = store::open_database(url, store::OpenMode::AsIs);
  try {
    store::register_facility(*registry, {code, report.facility_name, now.seconds});
  } catch (const store::StoreError& e) {
    throw std::runtime_error(e.what());  // taken or malformed: nothing was made
  }
  try {
    auto copy = Workspace::open(store::facility_location(url, code));
    fill(source.db(), *copy, report);
  } catch (...) {
    store::unregister_facility(*registry, code);
    throw;
  }
  report.facility_code = code;
}

}  // namespace

CopyReport copy_facility(const std::string& from, const std::string& to,
                         const std::string& facility_code, core::Instant now) {
  const bool from_file = store::sqlite_file_of(from).has_value();
  const auto to_file = store::sqlite_file_of(to);
  if (from == to) throw std::runtime_error("コピー元とコピー先が同じです。");
  CopyReport report;
  report.from = store::printable_location(from);
  report.to = store::printable_location(to);
  if (from_file && !fs::exists(*store::sqlite_file_of(from))) {
    throw std::runtime_error("コピー元のファイル " + *store::sqlite_file_of(from) +
                             " がありません。");
  }
  // A file is one facility: the code then names the destination only.
  auto source = Workspace::open(facility_workspace_location(from, from_file ? "" : facility_code));
  const auto plan = store::load_plan(source->db());
  if (!plan) throw std::runtime_error("コピー元に計画がありません。コピーするものがありません。");
  report.facility_name = plan->facility.name;
  if (to_file) {
    copy_to_file(*source, *to_file, report);
  } else {
    copy_to_facility(*source, to, facility_code, now, report);
  }
  // Who moved the clinic, on both sides (after the copy: the rows copied are
  // the source's as they were).
  const Actor actor = cli_actor();
  audit(*source, actor, audit_action::kExport, "データベースのコピー", "コピー先 " + report.to);
  auto copy = Workspace::open(to_file ? *to_file : store::facility_location(to, facility_code));
  audit(*copy, actor, audit_action::kImport, "データベースのコピー", "コピー元 " + report.from);
  return report;
}

}  // namespace medbcp::app
