// How a CLI command plugs into the medbcp binary: each command lives in its
// own file and registers itself on the root CLI11 app with the global options
// (the database path) it shares with the others.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace medbcp::cli {

struct GlobalOptions {
  std::string db_flag;        // --db; resolved by app::resolve_db_path
  std::string facility_flag;  // --facility-code; resolved by app::resolve_facility_code
  bool association = false;   // --association: the association's own accounts
};

// Thrown by a command to end with a given exit code after printing a message.
struct ExitCode {
  int code;
};

}  // namespace medbcp::cli
