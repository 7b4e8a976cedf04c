// The incident pages: the list, reporting a new incident (any staff
// member), the incident's page where the response is run, the chain's
// verification, and the downloads (report PDF/DOCX, timeline CSV/JSON).
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_incident_routes(Router& router);

}  // namespace medbcp::web
