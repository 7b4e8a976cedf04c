// The 届出・お知らせ part of an incident's page: the notices the incident
// calls for, which went out when, what each still lacks, the report items
// the 責任者 answers, and the downloads (app/notices.h).
#pragma once

#include "app/incident_service.h"
#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

void notices_section(RequestContext& ctx, Html& h, const app::IncidentView& view);
void register_notice_routes(Router& router);

}  // namespace medbcp::web
