// `medbcp mail`: the SMTP settings, a test message, and the run that queues
// the scheduled mail and sends what waits (medbcp-status.timer runs it
// daily; the server sends every half minute on its own).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace medbcp::cli {

void add_mail_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
