#include "cli/open_workspace.h"

#include "app/facilities.h"

namespace medbcp::cli {

std::unique_ptr<app::Workspace> open_workspace(const GlobalOptions& options) {
  return app::Workspace::open(app::facility_workspace_location(
      app::resolve_db_path(options.db_flag), app::resolve_facility_code(options.facility_flag)));
}

}  // namespace medbcp::cli
