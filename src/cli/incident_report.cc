// `medbcp incident report ID`: the incident report as PDF or DOCX.
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
void add_incident_report(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, format = "pdf", out;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("report", "インシデント対応報告書を作成する（PDF / DOCX）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--format", f->format, "形式: pdf / docx")->check(CLI::IsMember({"pdf", "docx"}));
  cmd->add_option("--out", f->out, "出力ファイル（既定: incident-番号.pdf）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      const app::ExportedFile file = app::export_incident_file(
          *s.ws, s.actor, id,
          f->format == "docx" ? app::IncidentFile::ReportDocx : app::IncidentFile::ReportPdf,
          s.now);
      const std::string out = f->out.empty() ? file.name : f->out;
      write_output_atomically(out, file.bytes);
      if (out != "-") {
        std::cout << "報告書を書き出しました: " << out << "\n最終ハッシュ: " << file.head_hash
                  << "\n";
      }
    });
  });
}

}  // namespace medbcp::cli::incident
