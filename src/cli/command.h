// How a CLI command plugs into the medbcp binary: each command lives in its
// own file and registers itself on the root CLI11 app with the global options
// (the database path) it shares with the others.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "app/actor.h"

namespace medbcp::cli {

struct GlobalOptions {
  std::string db_flag;        // --db; resolved by app::resolve_db_path
  std::string facility_flag;  // --facility-code; resolved by app::resolve_facility_code
  bool association = false;   // --association: the association's own accounts
  std::string by_flag;        // --by: the person recording, named on every entry
};

// Who is at the terminal: --by, else $MEDBCP_USER, $USER or the OS account.
inline app::Actor terminal_actor(const GlobalOptions& options) {
  return app::cli_actor(options.by_flag);
}

// Thrown by a command to end with a given exit code after printing a message.
struct ExitCode {
  int code;
};

}  // namespace medbcp::cli
