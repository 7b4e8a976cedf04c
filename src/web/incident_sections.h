// The parts of an incident's page: the discovery report and the chain's
// state, what is due, whom to call, the chapter-3 steps, the plan's fallback
// and restore method beside each recovery decision, the contact log, the
// evidence register, the timeline, and the forms that append to it. A form
// whose submission had problems is shown again with what was typed.
#pragma once

#include <string>

#include "app/incident_service.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/router.h"

namespace medbcp::web {

std::string incident_url(core::IncidentId id);

// A route handler of one incident (its number the route's first group); an
// unknown number is a 404 page.
Handler for_incident(std::function<void(RequestContext&, core::IncidentId)> body);

// Which form of the page was rejected, with its values and messages.
struct RejectedForm {
  std::string form;  // "log", "step", "contact", "decision", "evidence", "custody", "correction",
                     // "close", "reopen"
  FormState state;
};

void incident_page_body(RequestContext& ctx, Html& h, const app::IncidentView& view,
                        const RejectedForm* rejected);

}  // namespace medbcp::web
