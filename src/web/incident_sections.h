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

namespace medbcp::web {

std::string incident_url(core::IncidentId id);

// Which form of the page was rejected, with its values and messages.
struct RejectedForm {
  std::string form;  // "log", "step", "contact", "decision", "evidence", "custody", "correction",
                     // "close", "reopen"
  FormState state;
};

void incident_page_body(RequestContext& ctx, Html& h, const app::IncidentView& view,
                        const RejectedForm* rejected);

}  // namespace medbcp::web
