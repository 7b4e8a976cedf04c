// The incident report (インシデント対応報告書) as a document of src/doc: the
// discovery report, the response steps, the whole timeline, the contact log,
// the decisions, the evidence register with its custody, the reporting
// deadlines, the lessons and follow-ups, and the chain's verification with
// its final hash — printed so a reader can later check that the stored
// timeline still ends in that hash (`medbcp incident verify --expect HASH`).
#pragma once

#include <string>

#include "core/incident_view.h"
#include "doc/document.h"

namespace medbcp::doc {

Document incident_report_document(const core::IncidentView& view, core::Instant now);

std::string incident_report_pdf(const core::IncidentView& view, core::Instant now);
std::string incident_report_docx(const core::IncidentView& view, core::Instant now);

}  // namespace medbcp::doc
