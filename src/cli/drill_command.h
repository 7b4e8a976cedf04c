#pragma once

#include "cli/command.h"

namespace medbcp::cli {

// `medbcp drill …`: drills (訓練) — scenarios, start, inject, pause, resume,
// join, end, list, show, report, print (the tabletop kit), training.
void add_drill_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
