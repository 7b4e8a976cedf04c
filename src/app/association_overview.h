// The association's overview (医師会・都道府県): every member facility's
// readiness on one page, in counts and dates — gaps, overdue checks, the
// last published 版 and who confirmed it, kit freshness, open incidents and
// since when — never a plan's or an incident's contents.
//
// Counting a facility means opening its plan, so the counts are kept in the
// registry and recounted only for facilities that committed a change since,
// or were counted on another day: an overview of 1,000 clinics reads 1,000
// stored rows, not 1,000 plans.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/facility_directory.h"
#include "app/workspace.h"
#include "core/facility_readiness.h"

namespace medbcp::app {

// One facility's counts as of `today` (a Tokyo date).
core::FacilityReadiness count_readiness(Workspace& ws, const core::Date& today);

// Every facility of the database at `db_location`, by code: the stored
// counts where nothing changed since, recounted (and stored) where
// something did. A SQLite file, or a database without facilities, is one
// row with the code "".
std::vector<core::FacilityReadiness> association_overview(FacilityDirectory& directory,
                                                          const core::Date& today);
// The same for the database at `db_location` (the CLI's overview).
std::vector<core::FacilityReadiness> association_overview(const std::string& db_location,
                                                          const core::Date& today);
// As association_overview, but counting at most `recount_at_most`
// facilities now: the others keep their stored counts (or none yet),
// marked awaiting_count. A page must not wait for a thousand plans; the
// server's ReadinessKeeper counts the rest in the background.
std::vector<core::FacilityReadiness> association_overview(FacilityDirectory& directory,
                                                          const core::Date& today,
                                                          std::size_t recount_at_most);
// Counts again, and stores, up to `at_most` facilities whose counts are
// stale or of another day. Returns how many are still waiting.
std::size_t recount_stale_readiness(FacilityDirectory& directory, const core::Date& today,
                                    std::size_t at_most);
// The overview for an account of the association (協会管理者, 協会閲覧), as
// a page shows it (counting at most `recount_at_most` facilities now).
std::vector<core::FacilityReadiness> facility_overview(FacilityDirectory& directory,
                                                       const Actor& actor, const core::Date& today,
                                                       std::size_t recount_at_most);

}  // namespace medbcp::app
