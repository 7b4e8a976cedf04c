// `medbcp incident handover ID`: evidence handed from one keeper to the next (chain of custody).
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
void add_incident_handover(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, evidence, from, to, location, at;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("handover", "証拠の受け渡し（保管の連鎖）を記録する");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("EVIDENCE", f->evidence, "証拠番号（先頭の数文字でも可）")->required();
  cmd->add_option("--from", f->from, "渡した人");
  cmd->add_option("--to", f->to, "受け取った人");
  cmd->add_option("--location", f->location, "新しい保管場所");
  cmd->add_option("--at", f->at, "受け渡しの日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      std::string evidence_id;
      for (const auto& e : v.state.evidence) {
        if (e.item.value.evidence_id.rfind(core::trim(f->evidence), 0) == 0) {
          if (!evidence_id.empty())
            usage_error("証拠番号が複数に当てはまります。もう少し長く指定してください。");
          evidence_id = e.item.value.evidence_id;
          if (f->from.empty()) f->from = e.current_holder();
        }
      }
      if (evidence_id.empty()) usage_error("証拠「" + f->evidence + "」は登録されていません。");
      ask_if_empty(f->to, "受け取った人");
      report_appended(app::hand_over_evidence(*s.ws, s.actor, id,
                                              {evidence_id, f->from, f->to, f->location},
                                              optional_time(f->at, s.now), s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
