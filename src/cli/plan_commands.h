// The plan commands of issue "Foundation": init, check, export, import.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_init_command(CLI::App& root, GlobalOptions& options);
void add_check_command(CLI::App& root, GlobalOptions& options);
void add_export_command(CLI::App& root, GlobalOptions& options);
void add_import_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
