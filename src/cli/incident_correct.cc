// `medbcp incident correct ID`: a correction of an earlier entry; the entry itself stays.
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
void add_incident_correct(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, entry, reason;
    bool withdraw = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "correct", "記録の誤りを訂正する（元の記録は残り、訂正の記録が追加される）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("ENTRY", f->entry, "訂正する記録の番号（incident show の No.）")->required();
  cmd->add_option("--reason", f->reason, "何が誤っていたか（正しい内容）");
  cmd->add_flag("--withdraw", f->withdraw,
                "その記録を取り消す（手順・連絡・判断などの集計から外す）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      std::string entry_id;
      auto seq = parse_number(f->entry);
      for (const auto& e : v.timeline) {
        if ((seq && e.seq == *seq) || (!seq && e.id.rfind(f->entry, 0) == 0)) entry_id = e.id;
      }
      if (entry_id.empty()) usage_error("記録「" + f->entry + "」はこのインシデントにありません。");
      ask_if_empty(f->reason, "何が誤っていたか（正しい内容）");
      report_appended(app::correct_entry(*s.ws, s.actor, id, entry_id, {f->withdraw, std::nullopt},
                                         f->reason, s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
