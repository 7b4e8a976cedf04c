// `medbcp render`: the plan as a document to print and keep (PDF, HTML,
// DOCX, XLSX), from the built-in template or a medical association's own.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_render_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
