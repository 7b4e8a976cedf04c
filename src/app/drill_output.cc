#include "app/drill_output.h"

#include "app/audit.h"
#include "app/drills.h"
#include "app/plan_service.h"
#include "doc/drill_documents.h"

namespace medbcp::app {

ExportedFile export_drill_report(Workspace& ws, const Actor& actor, core::IncidentId id,
                                 DrillReportFormat format, core::Instant now) {
  require(actor, Permission::Export);
  const DrillView v = load_drill_view(ws, actor, id, now);
  const doc::DrillReportInput input{v.incident, v.record,   v.scenario,
                                    v.progress, v.measures, v.previous};
  const std::string base = "drill-" + std::to_string(id.value) + "-report";
  ExportedFile out;
  if (format == DrillReportFormat::Pdf) {
    out = {base + ".pdf", doc::drill_report_pdf(input, now), "application/pdf",
           v.incident.chain.head_hash};
  } else {
    out = {base + ".docx", doc::drill_report_docx(input, now),
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           v.incident.chain.head_hash};
  }
  audit_export(ws, actor, out.name, "訓練 No." + std::to_string(id.value) + " の報告書");
  return out;
}

ExportedFile tabletop_kit(Workspace& ws, const Actor& actor, const core::DrillScenario& scenario) {
  require(actor, Permission::ReadPlan);
  const core::Plan plan = has_plan(ws) ? load_plan(ws) : core::Plan{};
  return {"drill-kit-" + scenario.code + ".pdf", doc::tabletop_kit_pdf(scenario, plan),
          "application/pdf", ""};
}

}  // namespace medbcp::app
