// The facilities of one PostgreSQL database (an association's server). Each
// facility has a schema of its own, "f_" and its code, holding exactly the
// tables a clinic's SQLite file holds; connections to a facility set their
// search_path to that schema alone, so no query of the store can name
// another facility's rows (docs/architecture.md, "Many facilities"). The
// registry, schema medbcp_registry, lists them. A SQLite file is one
// facility and has no registry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/facility_readiness.h"
#include "store/database.h"

namespace medbcp::store {

struct FacilityEntry {
  std::string code;  // 施設コード: a–z, 0–9 and "-", up to 32, e.g. "aoba-naika"
  std::string name;  // 施設名 as given when it was added
  std::int64_t created_at = 0;  // Unix seconds
};

// Why `code` cannot be a facility code ("" when it can), in Japanese.
std::string facility_code_problem(std::string_view code);
// The schema of a facility: "f_" + the code with "-" as "_".
std::string facility_schema(std::string_view code);
// `url` with its connections working in the facility's schema only.
std::string facility_location(std::string_view url, std::string_view code);

// The schema of the association's own accounts (協会管理者, 協会閲覧): the
// tables of a clinic, of which it uses the accounts, sessions and audit log.
// Facility schemas begin with "f_", so no code can name it.
inline constexpr std::string_view kAssociationSchema = "medbcp_association";
std::string association_location(std::string_view url);
// Creates the association's schema when missing (its tables come with the
// migrations, as a facility's do).
void create_association_schema(Database& db);

// Whether the database has a registry of facilities (an association's).
bool has_facility_registry(Database& db);

// The registered facilities, by code; empty when the database has no
// registry (a database used by one clinic, as a SQLite file is).
std::vector<FacilityEntry> list_facilities(Database& db);
// Whether `code` is a registered facility (one row read, not the list).
bool is_registered_facility(Database& db, std::string_view code);
// Creates the registry when missing, the facility's empty schema and its
// row, in one transaction. Throws StoreError when the code is taken.
void register_facility(Database& db, const FacilityEntry& facility);
// Removes a facility's schema and row (a facility whose setting-up failed).
void unregister_facility(Database& db, std::string_view code);

// The overview's cache: each facility's readiness as last counted, and
// whether it is stale. A commit in a facility marks its row stale (the
// change-counter trigger, store/postgres/postgres_database.cc), so an
// overview of 1,000 clinics recounts only those that changed — and all of
// them once a day, since what is overdue depends on the date.
struct StoredReadiness {
  core::FacilityReadiness readiness;  // code and name always; counts when counted
  bool fresh = false;                 // counted, and nothing committed since
};
// Every registered facility, by code.
std::vector<StoredReadiness> list_facility_readiness(Database& db);
// Called before a facility is counted: clears its stale mark, so that a
// commit made while it is counted marks it again and is not lost, and its
// day, so that a reader meanwhile sees it waiting, not the old counts as
// fresh ones.
void begin_readiness_count(Database& db, std::string_view code);
void save_facility_readiness(Database& db, const core::FacilityReadiness& readiness);

}  // namespace medbcp::store
