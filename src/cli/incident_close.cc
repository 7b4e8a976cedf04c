// `medbcp incident close ID`: ends the incident with its lessons and follow-up actions.
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

// "内容|担当|2024-07-01": a follow-up action from the command line.
core::FollowUp parse_follow_up(const std::string& text) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : text + "|") {
    if (c == '|') {
      parts.push_back(core::trim(part));
      part.clear();
    } else {
      part.push_back(c);
    }
  }
  core::FollowUp f;
  f.title = parts[0];
  if (parts.size() > 1) f.owner = parts[1];
  if (parts.size() > 2 && !parts[2].empty()) {
    f.due = core::Date::parse(core::nfkc(parts[2]));
    if (!f.due) usage_error("再発防止策の期限「" + parts[2] + "」を読めません（例: 2024-07-01）。");
  }
  return f;
}

}  // namespace

void add_incident_close(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, lessons;
    std::vector<std::string> follow_ups;
    bool despite_open = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "close", "インシデントを終了する（教訓と再発防止策。終了後は再開しない限り記録できない）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--lessons", f->lessons, "教訓（次に活かすこと）");
  cmd->add_option("--follow-up", f->follow_ups,
                  "再発防止策「内容|担当|期限(YYYY-MM-DD)」（複数可、ダッシュボードの課題になる）");
  cmd->add_flag("--despite-open", f->despite_open,
                "期限や連絡が済んでいなくても終了する（済んでいないことは一覧で示される）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      ask_if_empty(f->lessons, "教訓（次に活かすこと）");
      if (f->follow_ups.empty() && interactive()) {
        while (true) {
          std::string t = ask("再発防止策（空欄で終わり）");
          if (t.empty()) break;
          std::string owner = ask("  担当");
          std::string due = ask("  期限（例 2024-07-01、なければ空欄）");
          f->follow_ups.push_back(t.append("|").append(owner).append("|").append(due));
        }
      }
      core::Closure closure{f->lessons, {}};
      for (const auto& text : f->follow_ups) closure.follow_ups.push_back(parse_follow_up(text));
      const auto undone =
          app::open_items_at_close(app::load_incident_view(*s.ws, s.actor, id, s.now));
      if (!undone.empty() && !f->despite_open) {
        std::cout << "まだ終わっていないことがあります:\n";
        for (const auto& item : undone) std::cout << "  ・" << item << "\n";
        f->despite_open = interactive() && ask_yes_no("未了のまま終了しますか", false);
        if (!f->despite_open) {
          usage_error(
              "終了していません。済ませてから終了するか、--despite-open を付けてください。");
        }
      }
      report_appended(app::close_incident(
          *s.ws, s.actor, id, closure, s.now,
          f->despite_open ? app::OpenItems::CloseAnyway : app::OpenItems::Refuse));
    });
  });
}

}  // namespace medbcp::cli::incident
