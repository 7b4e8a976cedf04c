// `medbcp incident revise ID`: corrects what was reported at the start (the
// leak flag, the 認知 time, the affected systems and devices) as more is
// known; the correction goes on the timeline with its reason.
#include <iostream>

#include "app/incident_revision.h"
#include "app/plan_service.h"
#include "cli/incident_prompts.h"
#include "cli/incident_subcommands.h"
#include "cli/output.h"

namespace medbcp::cli::incident {

void add_incident_revise(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, aware_at, reason;
    std::vector<std::string> systems, devices;
    bool leak = false, no_leak = false, no_systems = false, no_devices = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "revise", "開始時の報告（漏えいのおそれ・認知日時・影響範囲）を訂正する（訂正として記録）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_flag("--leak", f->leak, "個人データ漏えいのおそれがあると分かった");
  cmd->add_flag("--no-leak", f->no_leak, "個人データ漏えいのおそれはないと分かった");
  cmd->add_option("--aware-at", f->aware_at, "当院が事態を知った正しい日時（報告期限の起算点）");
  cmd->add_option("--system", f->systems,
                  "影響を受けたシステム（ID または名前、複数可。指定した一覧に置き換える）");
  cmd->add_flag("--no-systems", f->no_systems, "影響を受けたシステムはなかった");
  cmd->add_option("--device", f->devices,
                  "影響を受けた機器（管理番号、複数可。指定した一覧に置き換える）");
  cmd->add_flag("--no-devices", f->no_devices, "影響を受けた機器はなかった");
  cmd->add_option("--reason", f->reason, "訂正の理由（新たに分かったこと）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      const core::Plan plan = app::has_plan(*s.ws) ? app::load_plan(*s.ws) : core::Plan{};
      if (f->leak && f->no_leak) usage_error("--leak と --no-leak は同時に指定できません。");
      app::FactsRevision r;
      if (f->leak || f->no_leak) r.personal_data_leak = f->leak;
      if (!f->aware_at.empty()) r.aware_at = optional_time(f->aware_at, s.now);
      if (!f->systems.empty() || f->no_systems) {
        r.systems.emplace();
        for (const auto& text : f->systems) {
          auto sid = find_system(plan, text);
          if (!sid) usage_error("システム「" + text + "」は計画にありません。");
          r.systems->push_back(*sid);
        }
      }
      if (!f->devices.empty() || f->no_devices) {
        r.devices.emplace();
        for (const auto& text : f->devices) {
          auto did = find_device(plan, text);
          if (!did) usage_error("機器「" + text + "」は情報機器台帳にありません。");
          r.devices->push_back(*did);
        }
      }
      if (!r.personal_data_leak && !r.aware_at && !r.systems && !r.devices) {
        usage_error(
            "訂正する項目を指定してください（--leak / --no-leak / --aware-at / --system / "
            "--device）。");
      }
      ask_if_empty(f->reason, "訂正の理由（新たに分かったこと）");
      r.reason = f->reason;
      report_appended(app::revise_incident_facts(*s.ws, s.actor, id, r, s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
