// `medbcp serve`: runs the web application on one port, bound to 127.0.0.1
// unless told otherwise, over HTTPS when given a certificate and key.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace medbcp::cli {

void add_serve_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
