// Moving a clinic in and out of an association's server: one facility,
// completely — plan, history, 版 and who confirmed them, accounts,
// incidents with their timelines, evidence, stock-takes, backups, audit
// log — from a SQLite file to PostgreSQL and back. The copy is the same
// rows on the other engine, so an export and an incident's verification
// give the same bytes and the same final hashes on both sides.
#pragma once

#include <cstdint>
#include <string>

#include "app/database_backup.h"
#include "core/time.h"

namespace medbcp::app {

struct CopyReport {
  std::string from;           // as it may be shown (no password)
  std::string to;             // as it may be shown
  std::string facility_code;  // the destination's, "" for a file
  std::string facility_name;
  int tables = 0;
  std::int64_t rows = 0;
  DatabaseVerification verification;  // of the copy, before it was kept
};

// Copies the facility of `from` (`facility_code` picks it when `from`
// holds several) to `to`: a new SQLite file, or a new facility with the
// code `facility_code` on a PostgreSQL database. Refuses to overwrite a
// file or a facility that exists; a copy that fails — or whose chains do
// not verify — leaves the destination as it was. Throws FacilityNotChosen
// (a usage error) when a code is needed and missing, std::runtime_error in
// Japanese otherwise.
CopyReport copy_facility(const std::string& from, const std::string& to,
                         const std::string& facility_code, core::Instant now);

}  // namespace medbcp::app
