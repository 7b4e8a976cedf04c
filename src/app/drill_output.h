// The files of a drill: its report (PDF / DOCX, doc/drill_documents.h),
// audited like every export, and the tabletop kit for a scenario.
#pragma once

#include <string>

#include "app/actor.h"
#include "app/incident_export.h"
#include "app/workspace.h"
#include "core/drill_scenario.h"

namespace medbcp::app {

enum class DrillReportFormat { Pdf, Docx };

// drill-3-report.pdf …; Export permission; throws NoSuchIncident for an id
// that is not a drill.
ExportedFile export_drill_report(Workspace& ws, const Actor& actor, core::IncidentId id,
                                 DrillReportFormat format, core::Instant now);

// The tabletop kit (briefing, inject cards, observer's sheet) as PDF, with
// the plan's contacts and officer in the observer's sheet.
ExportedFile tabletop_kit(Workspace& ws, const Actor& actor, const core::DrillScenario& scenario);

}  // namespace medbcp::app
