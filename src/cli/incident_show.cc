// `medbcp incident show ID`: the incident as the 責任者 reads it — steps, deadlines, timeline.
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

void print_deadlines(const app::IncidentView& v) {
  if (v.deadlines.empty()) return;
  std::cout << (v.incident.drill ? "■ 報告・連絡の期限（訓練: 実際の期限ではありません）\n"
                                 : "■ 報告・連絡の期限\n");
  for (const auto& d : v.deadlines) {
    std::cout << "  "
              << (d.state == core::DeadlineState::Overdue || d.state == core::DeadlineState::Warning
                      ? "！"
                      : "・")
              << d.title << ": " << core::label(d.state);
    if (d.done_at) {
      std::cout << "（" << when(*d.done_at) << "）";
    } else if (d.state == core::DeadlineState::Prompt) {
      std::cout << "（" << core::format_prompt_elapsed(d.seconds_left) << "）";
    } else {
      std::cout << " 期限 "
                << when(d.hard_limit && d.state != core::DeadlineState::Upcoming ? *d.hard_limit
                                                                                 : d.due)
                << "（" << core::format_time_left(d.seconds_left) << "）";
    }
    std::cout << "\n";
  }
}

void print_entry(const core::TimelineEntry& e, const core::IncidentState& state) {
  std::cout << "  " << e.seq << ". " << when(e.occurred_at) << " 〔" << core::label(e.kind) << "〕 "
            << e.author << ": " << e.text;
  if (state.corrections.contains(e.id)) std::cout << "（訂正あり）";
  if (e.recorded_offline) std::cout << "（オフライン記録）";
  std::cout << "\n";
}

}  // namespace

void add_incident_show(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id;
    bool all = false;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd =
      parent.add_subcommand("show", "インシデントの状況（手順・期限・連絡・判断・証拠・時系列）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_flag("--all", f->all, "時系列をすべて表示する（既定は最新15件）");
  cmd->add_flag("--json", f->json,
                "JSON で出力する（時系列と改ざん検知チェーンを含む、incident export と同じ形）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      auto v = app::load_incident_view(*s.ws, s.actor, parse_incident_id(f->id), s.now);
      if (f->json) {
        std::cout << app::timeline_json(v, s.now);
        return;
      }
      const auto& i = v.incident;
      if (i.drill) {
        std::cout << "【訓練】この記録は訓練です（実際のインシデントではありません）。"
                     "進み具合と計測は medbcp drill show "
                  << i.id.value << "\n";
      }
      std::cout << (i.drill ? "訓練 No." : "インシデント No.") << i.id.value << " " << i.title
                << "（" << core::label(i.status) << "）\n"
                << "  想定事象: " << core::label(i.threat) << "\n"
                << "  発見: " << when(i.discovery.discovered_at) << " " << i.discovery.discoverer
                << "\n"
                << "  経緯: " << i.discovery.how_found << "\n"
                << "  発生状況: " << i.discovery.situation << "\n"
                << "  処置内容: " << i.discovery.actions_taken << "\n"
                << "  認知日時: " << when(i.aware_at)
                << "  個人データ漏えいのおそれ: " << (i.personal_data_leak ? "あり" : "なし")
                << "\n";
      if (!i.systems.empty()) {
        std::cout << "  影響システム: ";
        for (std::size_t n = 0; n < i.systems.size(); ++n) {
          std::cout << (n == 0 ? "" : "、") << i.systems[n].name;
        }
        std::cout << "\n";
      }
      for (const auto& d : i.devices) {
        std::cout << "  影響機器: " << d.name << "（" << d.asset_number << "） ※初期化しないこと\n";
      }
      print_steps(v);
      print_deadlines(v);
      if (!v.still_to_reach.empty()) {
        std::cout << "■ まだ連絡がついていない必須の連絡先\n";
        for (const auto& c : v.still_to_reach) {
          std::cout << "  ！[" << c.id.value << "] " << c.organization << " " << c.phone << "\n";
        }
      }
      if (!v.state.decisions.empty()) {
        std::cout << "■ 判断\n";
        for (const auto& d : v.state.decisions) {
          std::cout << "  " << when(d.occurred_at) << " " << d.author << ": "
                    << core::describe(d.value) << (d.withdrawn ? "（取消）" : "") << "\n";
        }
      }
      if (!v.state.evidence.empty()) {
        std::cout << "■ 証拠保全\n";
        for (const auto& e : v.state.evidence) {
          std::cout << "  〔" << e.item.value.evidence_id.substr(0, 8) << "〕 " << e.item.value.item
                    << " — " << e.current_location() << "、" << e.current_holder();
          if (!e.item.value.sha256.empty()) std::cout << " SHA-256 " << e.item.value.sha256;
          std::cout << "\n";
        }
      }
      std::cout << "■ 時系列（" << v.timeline.size() << " 件、"
                << (v.chain.ok() ? "改ざんなし"
                                 : "！改ざんの疑いあり: medbcp incident verify で確認")
                << "）\n";
      const std::size_t first = f->all || v.timeline.size() <= 15 ? 0 : v.timeline.size() - 15;
      if (first > 0) std::cout << "  …（古い " << first << " 件は --all で表示）\n";
      for (std::size_t k = first; k < v.timeline.size(); ++k) print_entry(v.timeline[k], v.state);
    });
  });
}

}  // namespace medbcp::cli::incident
