// `medbcp incident import FILE [--incident N]`: merges an offline log written
// in the offline kit back into an incident (app/offline_import.h). Importing
// the same file again adds nothing. A malformed or edited file is refused
// with every problem printed and exit code 1; nothing is written then.
// Registered under the `incident` command by whoever owns it:
//   add_incident_import_command(*incident_subcommand, options);
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_incident_import_command(CLI::App& incident, GlobalOptions& options);

}  // namespace medbcp::cli
