// `medbcp user`: manages web accounts from the command line — chiefly the
// first administrator (`medbcp user add --name N --role admin`), with the
// password read from standard input or asked for without echo.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace medbcp::cli {

void add_user_command(CLI::App& root, GlobalOptions& options);
// `medbcp user 2fa …` (cli/user_two_factor_command.cc).
void add_user_two_factor_command(CLI::App& user, GlobalOptions& options);

}  // namespace medbcp::cli
