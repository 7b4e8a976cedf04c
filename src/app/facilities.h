// Facilities (施設) of a database. A SQLite file is one clinic; a PostgreSQL
// database of an association holds many, each in a schema of its own
// (store/facility_registry.h). Every per-plan command and the web server
// work in one facility, chosen by its code; this is where a database
// location and a code become the location a Workspace opens.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/actor.h"
#include "core/time.h"

namespace medbcp::app {

// Several facilities and none chosen: a usage error (exit 2) whose message
// lists the codes.
class FacilityNotChosen : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FacilityListing {
  std::string code;
  std::string name;
  core::Instant created_at;
};

// The facility code the user chose: --facility-code, else
// $MEDBCP_FACILITY_CODE, else "".
std::string resolve_facility_code(const std::string& flag_value);

// Where the workspace of a facility is: `db_location` itself for a SQLite
// file and for a PostgreSQL database without facilities; the facility's
// schema when `facility_code` names one, or when the database holds exactly
// one and no code is given. Throws FacilityNotChosen when it holds several
// and no code is given, and std::runtime_error (in Japanese) for a code it
// does not hold.
std::string facility_workspace_location(const std::string& db_location,
                                        const std::string& facility_code);

// The facilities of the database at `db_location` (one row, code "", for a
// SQLite file or a database without a registry that has a plan).
std::vector<FacilityListing> list_facilities(const std::string& db_location);

// Adds a facility with its plan made from the template (as `init` does),
// all or nothing: a facility whose setting-up fails is removed again.
// PostgreSQL only; throws std::runtime_error (in Japanese) otherwise, for a
// bad code and for a code already taken.
void add_facility(const std::string& db_location, const Actor& actor, const std::string& code,
                  const std::string& name, core::Instant now);

}  // namespace medbcp::app
