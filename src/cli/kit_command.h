// `medbcp kit`: the kits for the day the network is down.
//   medbcp kit --out DIR                 the offline kit (one HTML file) into DIR
//   medbcp kit --paper --out FILE.pdf    the paper kit: plan, cards, blank forms
//   medbcp kit --printed [--id KIT]      record that the paper kit was printed
//   medbcp kit --status                  whether the kits carry the current plan
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_kit_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
