// The two printouts of a 棚卸し round as files — the check sheet to walk the
// clinic with and the difference report (差異報告), in PDF or printable HTML
// (doc/stocktake_documents.h builds them) — each taken out recorded in the
// audit log, for the web and the CLI alike.
#pragma once

#include <optional>
#include <string>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/stocktake.h"

namespace medbcp::app {

enum class StocktakePrintout { Sheet, Report };
enum class PrintFormat { Pdf, Html };

struct PrintoutFile {
  std::string name;  // stocktake-sheet-2026-12-01.pdf
  std::string content_type;
  std::string bytes;
};

// nullopt when the round does not exist.
std::optional<PrintoutFile> stocktake_printout(Workspace& ws, const Actor& actor,
                                               const core::StocktakeRoundId& round,
                                               StocktakePrintout which, PrintFormat format);

}  // namespace medbcp::app
