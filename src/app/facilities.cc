#include "app/facilities.h"

#include <cstdlib>

#include "app/plan_service.h"
#include "app/workspace.h"
#include "store/facility_registry.h"
#include "store/open_database.h"
#include "store/plan_store.h"

namespace medbcp::app {
namespace {

std::string code_list(const std::vector<store::FacilityEntry>& facilities) {
  std::string out;
  for (const auto& f : facilities) {
    if (!out.empty()) out += "、";
    out += f.code + "（" + f.name + "）";
  }
  return out;
}

}  // namespace

std::string resolve_facility_code(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("MEDBCP_FACILITY_CODE"); env != nullptr && *env != '\0') {
    return env;
  }
  return {};
}

std::string facility_workspace_location(const std::string& db_location,
                                        const std::string& facility_code) {
  if (store::sqlite_file_of(db_location)) return db_location;  // a file is one facility
  if (!facility_code.empty()) {
    if (const auto problem = store::facility_code_problem(facility_code); !problem.empty()) {
      throw std::runtime_error(problem);
    }
  }
  auto db = store::open_database(db_location, store::OpenMode::AsIs);
  const auto facilities = store::list_facilities(*db);
  if (facilities.empty()) {
    if (!facility_code.empty()) {
      throw std::runtime_error("施設コード「" + facility_code +
                               "」の施設はありません。このデータベースにはまだ施設が登録されて"
                               "いません（medbcp facility add で追加します）。");
    }
    return db_location;
  }
  if (facility_code.empty()) {
    if (facilities.size() == 1) return store::facility_location(db_location, facilities[0].code);
    std::string message = "このデータベースには施設が ";
    message.append(std::to_string(facilities.size()))
        .append(
            " 件あります。--facility-code（または MEDBCP_FACILITY_CODE）で施設コードを"
            "指定してください: ")
        .append(code_list(facilities));
    throw FacilityNotChosen(message);
  }
  for (const auto& f : facilities) {
    if (f.code == facility_code) return store::facility_location(db_location, f.code);
  }
  throw std::runtime_error("施設コード「" + facility_code +
                           "」の施設はありません。登録されている施設: " + code_list(facilities));
}

std::vector<FacilityListing> list_facilities(const std::string& db_location) {
  std::vector<FacilityListing> out;
  if (!store::sqlite_file_of(db_location)) {
    auto db = store::open_database(db_location, store::OpenMode::AsIs);
    for (const auto& f : store::list_facilities(*db)) {
      out.push_back({f.code, f.name, core::Instant{f.created_at}});
    }
    if (!out.empty()) return out;
  }
  auto ws = Workspace::open(db_location);
  if (const auto plan = store::load_plan(ws->db())) {
    out.push_back({"", plan->facility.name, core::Instant{}});
  }
  return out;
}

void add_facility(const std::string& db_location, const Actor& actor, const std::string& code,
                  const std::string& name, core::Instant now) {
  if (store::sqlite_file_of(db_location)) {
    throw std::runtime_error(
        "SQLite のファイルが持つ施設は1つです（medbcp init で作ります）。複数の施設を1つの"
        "データベースで扱うには PostgreSQL を使ってください（README「On PostgreSQL」）。");
  }
  if (name.empty()) throw std::runtime_error("施設名（--name）を指定してください。");
  auto registry = store::open_database(db_location, store::OpenMode::AsIs);
  try {
    store::register_facility(*registry, {code, name, now.seconds});
  } catch (const store::StoreError& e) {
    throw std::runtime_error(e.what());  // a taken or malformed code: the request's fault
  }
  try {
    auto ws = Workspace::open(store::facility_location(db_location, code));
    init_plan(*ws, actor, name, false);
  } catch (...) {
    store::unregister_facility(*registry, code);
    throw;
  }
}

}  // namespace medbcp::app
