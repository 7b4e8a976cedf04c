// The two printouts of a 棚卸し round, built in the document model so they
// come out as PDF or HTML like the plan itself: the check sheet to walk the
// clinic with (one line per device as the ledger has it, tick boxes for each
// finding, blank rows for devices the ledger lacks, a sign-off line), and the
// difference report (差異報告) listing what was not as the ledger said, what
// was not checked, and — once the round is closed — every change made to the
// ledger.
#pragma once

#include <string>

#include "core/stocktake.h"
#include "doc/document.h"

namespace medbcp::doc {

Document stocktake_sheet_document(const core::StocktakeView& view);
Document stocktake_report_document(const core::StocktakeView& view);

}  // namespace medbcp::doc
