// `medbcp incident …`: running an incident from the command line, for the
// day the server is down and someone works on a laptop with a copy of the
// database. Every subcommand takes flags for scripts and, when a required
// value is missing and standard input is a terminal, asks for it in plain
// Japanese instead of failing.
//
//   start | list | show | log | step | contact | decide | evidence | handover |
//   correct | close | reopen | report | verify | export | tasks
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_incident_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
