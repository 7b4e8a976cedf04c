// `medbcp incident start`: opens an incident from the discovery report and prints the first
// response to take.
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
namespace {

void print_first_response(const core::Plan& plan, const core::Incident& incident) {
  std::cout << "\n■ すぐに報告: 医療情報システム安全管理責任者 " << plan.officer.name;
  if (!plan.officer.title.empty()) std::cout << "（" << plan.officer.title << "）";
  std::cout << "\n    日中 " << plan.officer.phone_day << " ／ 夜間・休日 "
            << plan.officer.phone_night << "\n";
  const auto first = core::first_report_contacts(plan);
  if (!first.empty()) {
    std::cout << "■ 初報で連絡する先（別紙１）:\n";
    for (const auto* c : first) {
      std::cout << "    [" << c->id.value << "] " << c->organization << "（"
                << core::label(c->category) << "） " << c->phone;
      if (!c->phone_after_hours.empty()) std::cout << " ／ 時間外 " << c->phone_after_hours;
      std::cout << "\n";
      if (!c->what_to_tell.empty()) std::cout << "        伝える内容: " << c->what_to_tell << "\n";
    }
  }
  if (!incident.devices.empty()) {
    std::cout << "■ 影響を受けた機器:\n";
    for (const auto& d : incident.devices) {
      std::cout << "    " << d.name << (d.asset_number.empty() ? "" : "（" + d.asset_number + "）")
                << "\n";
    }
    std::cout << "    ※ " << core::kDoNotInitialiseReminder << "\n";
  }
  for (const auto& g : core::system_guidance(incident, plan)) {
    std::cout << "■ " << g.system.name << " が使えない間の代替手段:\n";
    if (g.fallbacks.empty()) std::cout << "    （計画に記載がありません）\n";
    for (const auto* f : g.fallbacks) {
      std::cout << "    " << f->business << " → " << f->fallback << "\n";
    }
  }
}

}  // namespace

void add_incident_start(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string title, threat, discoverer, discovered_at, how_found, situation, actions, aware_at;
    std::vector<std::string> systems, devices;
    bool leak = false, no_leak = false, separate = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("start", "インシデントを開始する（発見・報告の内容を記録）");
  cmd->add_option("--title", f->title, "件名（省略時は発生状況の1行目）");
  cmd->add_option("--threat", f->threat,
                  "想定事象: targeted_email / unauthorized_access / malware / precursor / other "
                  "（日本語でも可）");
  cmd->add_option("--discoverer", f->discoverer, "発見者");
  cmd->add_option("--discovered-at", f->discovered_at,
                  "発見日時（例: 2024-06-03 08:40、省略時は今）");
  cmd->add_option("--how-found", f->how_found, "発見の経緯");
  cmd->add_option("--situation", f->situation, "発生状況");
  cmd->add_option("--actions", f->actions, "処置内容（発見者がすでに行ったこと）");
  cmd->add_option("--system", f->systems, "影響を受けたシステム（ID または名前、複数可）");
  cmd->add_option("--device", f->devices, "影響を受けた機器（管理番号、複数可）");
  cmd->add_flag("--leak", f->leak, "個人データ漏えいのおそれがある");
  cmd->add_flag("--no-leak", f->no_leak, "個人データ漏えいのおそれはない");
  cmd->add_flag(
      "--separate", f->separate,
      "対応中のインシデントとは別の出来事として記録する（同じ出来事なら incident log で追記）");
  cmd->add_option("--aware-at", f->aware_at,
                  "当院が事態を知った日時（報告期限の起算点、省略時は発見日時）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const core::Plan plan = app::has_plan(*s.ws) ? app::load_plan(*s.ws) : core::Plan{};
      const bool tty = interactive();
      const auto open = app::open_incidents(*s.ws, s.actor);
      if (!open.empty() && !f->separate) {
        // The same event reported twice splits its record: offer the open one first.
        std::cout << "対応中のインシデントがあります:\n";
        for (const auto& i : open) {
          std::cout << "  No." << i.id.value << " " << i.title << "（発見 "
                    << i.discovery.discovered_at.tokyo_text() << "）\n";
        }
        std::cout << "同じ出来事なら、その記録に追記してください: medbcp incident log "
                  << open.front().id.value << " \"…\"\n";
        f->separate = tty && ask_yes_no("別の出来事として新しく記録しますか", false);
        if (!f->separate) {
          usage_error(
              "新しいインシデントは記録していません。別の出来事なら --separate を付けてください。");
        }
      }
      if (tty)
        std::cout << "インシデントを記録します。分からない項目は空欄のまま Enter で進めます。\n";
      ask_if_empty(f->discoverer, "発見者の名前");
      if (f->discovered_at.empty() && tty) f->discovered_at = ask("発見日時（例 08:40）", "今");
      ask_if_empty(f->how_found, "発見の経緯（何をしていて気づいたか）");
      ask_if_empty(f->situation, "発生状況（画面の表示、動かないもの など）");
      ask_if_empty(f->actions, "すでに行った処置（LANケーブルを抜いた など）");
      if (f->threat.empty() && tty) {
        std::cout << "想定事象:\n  1 標的型メール攻撃\n  2 不正アクセス等\n  3 "
                     "マルウェア感染（ランサムウェアを含む）\n"
                     "  4 上記の予兆と思われる事象\n  5 その他・不明\n";
        f->threat = ask("番号", "5");
      }
      if (f->systems.empty() && tty && !plan.systems.empty()) {
        std::cout << "影響を受けたシステム:\n";
        for (const auto& sys : plan.systems)
          std::cout << "  " << sys.id.value << " " << sys.name << "\n";
        f->systems = split_list(ask("番号（複数はカンマ区切り、なければ空欄）"));
      }
      if (f->devices.empty() && tty && !plan.devices.empty()) {
        f->devices = split_list(ask("影響を受けた機器の管理番号（例 PC-001、複数はカンマ区切り）"));
      }
      if (!f->leak && !f->no_leak && tty) {
        f->leak = ask_yes_no("患者さんの個人情報が漏えいした可能性はありますか", false);
      }

      app::StartIncidentRequest r;
      r.title = f->title;
      if (!f->threat.empty()) {
        auto threat = parse_threat(f->threat);
        if (!threat) usage_error("想定事象「" + f->threat + "」が分かりません。");
        r.threat = *threat;
      }
      r.discovery.discoverer = f->discoverer;
      r.discovery.discovered_at = optional_time(f->discovered_at, s.now).value_or(s.now);
      r.discovery.how_found = f->how_found;
      r.discovery.situation = f->situation;
      r.discovery.actions_taken = f->actions;
      for (const auto& text : f->systems) {
        auto id = find_system(plan, text);
        if (!id) usage_error("システム「" + text + "」は計画にありません。");
        r.systems.push_back(*id);
      }
      for (const auto& text : f->devices) {
        auto id = find_device(plan, text);
        if (!id) usage_error("機器「" + text + "」は情報機器台帳にありません。");
        r.devices.push_back(*id);
      }
      r.personal_data_leak = f->leak && !f->no_leak;
      r.aware_at = optional_time(f->aware_at, s.now);
      r.separate_from_open = f->separate;
      auto started = app::start_incident(*s.ws, s.actor, r, s.now);
      if (!started.problems.empty()) fail_with(started.problems);
      auto view = app::load_incident_view(*s.ws, s.actor, started.id, s.now);
      std::cout << "インシデント No." << started.id.value
                << " を開始しました: " << view.incident.title << "\n";
      print_first_response(plan, view.incident);
      std::cout << "\n次に: medbcp incident show " << started.id.value
                << "（対応手順と期限） / medbcp incident step " << started.id.value
                << "（手順の記録）\n";
    });
  });
}

}  // namespace medbcp::cli::incident
