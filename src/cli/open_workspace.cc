#include "cli/open_workspace.h"

#include "app/facilities.h"
#include "app/facility_directory.h"

namespace medbcp::cli {

std::unique_ptr<app::Workspace> open_workspace(const GlobalOptions& options) {
  if (options.association) {
    return app::Workspace::open(
        app::association_workspace_location(app::resolve_db_path(options.db_flag)));
  }
  return app::Workspace::open(app::facility_workspace_location(
      app::resolve_db_path(options.db_flag), app::resolve_facility_code(options.facility_flag)));
}

}  // namespace medbcp::cli
