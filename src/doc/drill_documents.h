// The documents of a drill (訓練):
//  - the drill report (訓練実施報告書, PDF and DOCX): scenario, participants,
//    the injects as revealed, the times measured beside the previous drill,
//    the steps missed and the contacts not reached, the timeline, findings
//    and their tasks, and the 責任者's signature;
//  - the tabletop kit (机上訓練キット, PDF), for a drill with no computer:
//    the briefing with the roles, one inject card per page to hand out at
//    its time, and the observer's sheet to write times on, then type in.
#pragma once

#include <optional>
#include <string>

#include "core/drill.h"
#include "core/drill_measures.h"
#include "core/incident_view.h"
#include "doc/document.h"

namespace medbcp::doc {

struct DrillReportInput {
  const core::IncidentView& view;
  const core::DrillRecord& record;
  const core::DrillScenario& scenario;
  const core::DrillProgress& progress;
  const core::DrillMeasures& measures;
  const std::optional<core::DrillMeasures>& previous;  // the drill before, to compare
};

Document drill_report_document(const DrillReportInput& input, core::Instant now);
std::string drill_report_pdf(const DrillReportInput& input, core::Instant now);
std::string drill_report_docx(const DrillReportInput& input, core::Instant now);

// `facility` may be empty (a blank to write in); `plan` names the steps and
// contacts the observer times.
Document tabletop_kit_document(const core::DrillScenario& scenario, const core::Plan& plan);
std::string tabletop_kit_pdf(const core::DrillScenario& scenario, const core::Plan& plan);

}  // namespace medbcp::doc
