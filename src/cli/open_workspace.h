// The workspace a per-plan command works in: the database of --db (or
// $MEDBCP_DB, or ./medbcp.db) and, on an association's database, the
// facility of --facility-code (or $MEDBCP_FACILITY_CODE). One door, so no
// command can forget the facility.
#pragma once

#include <memory>

#include "app/workspace.h"
#include "cli/command.h"

namespace medbcp::cli {

std::unique_ptr<app::Workspace> open_workspace(const GlobalOptions& options);

}  // namespace medbcp::cli
