// `medbcp incident contact ID`: a call or message to someone in 別紙１, reached or not.
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
void add_incident_contact(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, to, internal, name, said, follow_up, by, channel = "電話", at;
    bool reached = false, not_reached = false, officer = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "contact", "別紙１の連絡先への連絡を記録する（連絡先を省くと一覧と未連絡を表示）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("CONTACT", f->to, "外部連絡先の番号（一覧の［ ］内。--to と同じ）");
  cmd->add_option("--to", f->to, "外部連絡先の番号（別紙１、一覧の［ ］内）");
  cmd->add_option("--internal", f->internal, "院内の連絡先の番号");
  cmd->add_flag("--officer", f->officer, "医療情報システム安全管理責任者（院長など）");
  cmd->add_option("--name", f->name, "別紙１にない相手の名前");
  cmd->add_flag("--reached", f->reached, "連絡がついた");
  cmd->add_flag("--not-reached", f->not_reached, "連絡がつかなかった");
  cmd->add_option("--said", f->said, "伝えた内容");
  cmd->add_option("--follow-up", f->follow_up, "先方の対応・次の連絡");
  cmd->add_option("--by", f->by, "連絡した人（省略時は記録者）");
  cmd->add_option("--channel", f->channel, "手段（電話、メール、訪問 など）");
  cmd->add_option("--at", f->at, "連絡した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      if (f->to.empty() && f->internal.empty() && f->name.empty() && !f->officer) {
        if (!v.plan.officer.name.empty()) {
          std::cout << "■ 医療情報システム安全管理責任者（--officer）\n  "
                    << core::officer_contact_name(v.plan.officer) << " " << v.plan.officer.phone_day
                    << (v.plan.officer.phone_night.empty()
                            ? ""
                            : "（夜間 " + v.plan.officer.phone_night + "）")
                    << "\n";
        }
        std::cout << "■ 外部の連絡先（別紙１）  ！= 初報で必須・未連絡\n";
        for (const auto& c : v.plan.external_contacts) {
          bool pending = false;
          for (const auto& p : v.still_to_reach) pending = pending || p.id == c.id;
          auto reached = core::first_reached(v.state, c.id);
          std::cout << "  " << (pending ? "！" : "　") << "[" << c.id.value << "] "
                    << c.organization << "（" << core::label(c.category) << "） " << c.phone;
          if (reached) std::cout << "  連絡済 " << when(*reached);
          std::cout << "\n";
        }
        if (!v.state.contacts.empty()) {
          std::cout << "■ 連絡記録\n";
          for (const auto& c : v.state.contacts) {
            std::cout << "  " << when(c.occurred_at) << " " << c.value.called_by << ": "
                      << core::describe(c.value) << "\n";
          }
        }
        if (!interactive()) return;
        f->to = ask("記録する連絡先の番号（空欄で終了）");
        if (f->to.empty()) return;
      }
      core::ContactCall call;
      if (f->officer) {
        call.target.type = core::ContactTarget::Type::Officer;
      } else if (!f->to.empty() || !f->internal.empty()) {
        auto n = parse_number(f->to.empty() ? f->internal : f->to);
        if (!n) usage_error("連絡先の番号を数字で指定してください。");
        call.target.type = f->to.empty() ? core::ContactTarget::Type::Internal
                                         : core::ContactTarget::Type::External;
        call.target.id = *n;
      } else {
        call.target.name = f->name;
      }
      if (f->reached && f->not_reached) {
        usage_error("--reached と --not-reached は同時に指定できません。");
      }
      if (!f->reached && !f->not_reached) {
        // Never guessed: a call recorded as unreached when it was reached
        // (or the reverse) sends the next person to call again, or not.
        if (!interactive()) {
          usage_error(
              "連絡がついたかどうかを、--reached（ついた）か --not-reached（つかなかった）で"
              "指定してください。");
        }
        f->reached = ask_yes_no("連絡はつきましたか", true);
        if (f->said.empty()) f->said = ask("伝えた内容");
        if (f->follow_up.empty()) f->follow_up = ask("先方の対応・次の連絡");
      }
      call.reached = f->reached && !f->not_reached;
      call.said = f->said;
      call.follow_up = f->follow_up;
      call.called_by = f->by;
      call.channel = f->channel;
      report_appended(
          app::record_contact(*s.ws, s.actor, id, call, optional_time(f->at, s.now), s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
