#pragma once

#include "web/router.h"

namespace medbcp::web {

// /checklist: MHLW's cybersecurity checklist with medbcp's proposals, the
// answers of this 年度 and last, answer forms for editors, the BCP確認表,
// and the printout (PDF, XLSX).
void register_checklist_routes(Router& router);

}  // namespace medbcp::web
