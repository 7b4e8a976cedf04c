// `medbcp incident decide ID`: the decisions on recovery and on 診療可否と診療形態.
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
void add_incident_decide(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, kind, system, possible, vendor, backup, care, mode, wrongful, reason, at;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "decide", "業務継続の判断を記録する（システム復旧可否・データ復旧可否・診療形態）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--kind", f->kind,
                  "判断: system（システム復旧）/ data（データ復旧）/ care（診療）/ "
                  "report（確報の期限の根拠）")
      ->check(CLI::IsMember({"system", "data", "care", "report"}));
  cmd->add_option("--wrongful", f->wrongful,
                  "不正の目的によるおそれ（--kind report）: yes（確報は60日以内）/ no（30日以内）")
      ->check(CLI::IsMember({"yes", "no"}));
  cmd->add_option("--system", f->system, "対象システム（ID または名前）");
  cmd->add_option("--possible", f->possible, "復旧できるか: yes / no / unknown")
      ->check(CLI::IsMember({"yes", "no", "unknown"}));
  cmd->add_option("--vendor", f->vendor, "協議したシステム事業者");
  cmd->add_option("--backup", f->backup, "復元に使うバックアップ（感染前と考える世代）");
  cmd->add_option("--care", f->care, "診療: continued（継続）/ reduced（縮小）/ suspended（休止）")
      ->check(CLI::IsMember({"continued", "reduced", "suspended"}));
  cmd->add_option("--mode", f->mode, "診療形態（外来のみ、初診停止、予約患者のみ、休診 など）");
  cmd->add_option("--reason", f->reason, "判断の理由");
  cmd->add_option("--at", f->at, "判断した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      const bool tty = interactive();
      if (f->kind.empty() && tty) {
        std::cout << "判断の種類: 1 システム復旧可否  2 データ復旧可否  3 診療可否・診療形態"
                     "  4 確報の期限の根拠\n";
        const std::string k = ask("番号");
        f->kind = k == "1"   ? "system"
                  : k == "2" ? "data"
                  : k == "3" ? "care"
                  : k == "4" ? "report"
                             : "";
      }
      if (f->kind.empty()) {
        usage_error("--kind（system / data / care / report）を指定してください。");
      }
      core::Decision d;
      d.kind = f->kind == "system"   ? core::DecisionKind::SystemRecovery
               : f->kind == "data"   ? core::DecisionKind::DataRecovery
               : f->kind == "report" ? core::DecisionKind::ReportGrounds
                                     : core::DecisionKind::Care;
      if (d.kind == core::DecisionKind::ReportGrounds) {
        if (f->wrongful.empty() && tty) {
          f->wrongful = ask_yes_no("不正の目的によるおそれはありますか", true) ? "yes" : "no";
        }
        if (f->wrongful.empty()) {
          usage_error(
              "不正の目的によるおそれを --wrongful yes（確報は60日以内）か no（30日以内）で"
              "指定してください。");
        }
        d.wrongful_purpose = f->wrongful == "yes";
      } else if (d.kind != core::DecisionKind::Care) {
        // Where recovery is decided, show what the plan says for each system.
        for (const auto& g : core::system_guidance(v.incident, v.plan)) {
          std::cout << "■ " << g.system.name
                    << (g.vendor.empty() ? "" : "（事業者: " + g.vendor + "）") << "\n";
          for (const auto* fb : g.fallbacks) std::cout << "    代替手段: " << fb->fallback << "\n";
          for (const auto* b : g.backups) {
            std::cout << "    復旧方法: " << b->restore_method
                      << (b->offline ? "（オフライン保管）" : "") << "\n";
          }
        }
        if (f->system.empty() && tty && v.incident.systems.size() > 1) {
          f->system = ask("対象システムの番号または名前（空欄は全体）");
        } else if (f->system.empty() && v.incident.systems.size() == 1) {
          f->system = std::to_string(v.incident.systems[0].id.value);
        }
        if (!f->system.empty()) {
          auto sys = find_system(v.plan, f->system);
          if (!sys) usage_error("システム「" + f->system + "」は計画にありません。");
          d.system = sys;
        }
        if (f->possible.empty() && tty) {
          const std::string a = ask("復旧できますか（yes / no / unknown）", "unknown");
          f->possible = a;
        }
        if (f->possible == "yes") d.possible = true;
        if (f->possible == "no") d.possible = false;
        if (d.kind == core::DecisionKind::SystemRecovery) {
          if (f->vendor.empty() && tty) f->vendor = ask("協議したシステム事業者");
          d.vendor = f->vendor;
        } else {
          if (f->backup.empty() && tty)
            f->backup = ask("復元に使うバックアップの世代（例 6/2 夜間）");
          d.backup_generation = f->backup;
        }
      } else {
        if (f->care.empty() && tty) {
          std::cout << "診療: 1 継続  2 縮小  3 休止\n";
          const std::string a = ask("番号", "2");
          f->care = a == "1" ? "continued" : a == "3" ? "suspended" : "reduced";
        }
        d.care = core::care_status_from_code(f->care.empty() ? "continued" : f->care)
                     .value_or(core::CareStatus::Continued);
        if (f->mode.empty() && tty) {
          std::cout << "診療形態の例:";
          for (auto m : core::care_mode_suggestions()) std::cout << " " << m;
          std::cout << "\n";
          f->mode = ask("診療形態");
        }
        d.care_mode = f->mode;
      }
      ask_if_empty(f->reason, "判断の理由");
      d.reason = f->reason;
      report_appended(
          app::record_decision(*s.ws, s.actor, id, d, optional_time(f->at, s.now), s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
