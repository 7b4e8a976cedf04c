// `medbcp incident step ID STEP`: marks a first-response step of 第３章 done or skipped.
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
void add_incident_step(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, step, na, note, at;
    bool pending = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "step", "対応手順を実施済・対象外として記録する（手順を省くと一覧を表示）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("STEP", f->step,
                  "手順: 一覧の番号、手順名（その一部でも可）、または isolate などの名前。一覧は"
                  "手順を省いて実行");
  cmd->add_option("--na", f->na, "対象外とし、その理由を記録する");
  cmd->add_flag("--pending", f->pending, "未実施に戻す");
  cmd->add_option("--note", f->note, "備考（誰が何をしたか など）");
  cmd->add_option("--at", f->at, "実施した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      if (f->step.empty()) {
        print_steps(v);
        if (!interactive()) return;
        f->step = ask("記録する手順の番号（空欄で終了）");
        if (f->step.empty()) return;
      }
      const std::string step = find_step(v, f->step);
      if (step.empty()) {
        usage_error("手順「" + f->step +
                    "」が分かりません。一覧の番号か手順名で指定してください（一覧は「medbcp "
                    "incident step " +
                    f->id + "」）。");
      }
      core::StepMark mark{step, core::StepState::Done, f->na, ""};
      if (!f->na.empty()) mark.state = core::StepState::NotApplicable;
      if (f->pending) mark.state = core::StepState::Pending;
      report_appended(
          app::mark_step(*s.ws, s.actor, id, mark, f->note, optional_time(f->at, s.now), s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
