// `medbcp token`: personal access tokens for the JSON API (app/api_tokens.h)
// — made for a script or another system (a backup job on another machine),
// listed, revoked. The token is printed once and never again.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace medbcp::cli {

void add_token_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
