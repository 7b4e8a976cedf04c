// `medbcp incident export ID`: the timeline as CSV or JSON.
#include <iostream>

#include "app/incident_evidence.h"
#include "app/incident_export.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "cli/incident_prompts.h"
#include "cli/incident_subcommands.h"
#include "cli/output.h"
#include "core/incident_guidance.h"
#include "core/incident_payload.h"
#include "core/incident_steps.h"
#include "core/text.h"

namespace medbcp::cli::incident {
void add_incident_export(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, format = "csv", out = "-";
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "export", "時系列を書き出す（CSV は Excel 用 UTF-8 BOM 付き、JSON はハッシュ検証用）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--format", f->format, "形式: csv / json")->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--out", f->out, "出力ファイル（既定: 標準出力）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const app::ExportedFile file = app::export_incident_file(
          *s.ws, s.actor, parse_incident_id(f->id),
          f->format == "json" ? app::IncidentFile::TimelineJson : app::IncidentFile::TimelineCsv,
          s.now);
      write_output_atomically(f->out, file.bytes);
    });
  });
}

}  // namespace medbcp::cli::incident
