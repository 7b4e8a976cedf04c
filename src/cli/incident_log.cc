// `medbcp incident log ID`: a fact, an action or a note on the timeline (also lines from a paper
// sheet).
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
#include "core/paper_log.h"
#include "core/text.h"

namespace medbcp::cli::incident {
void add_incident_log(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, kind = "fact", at, lines;
    std::vector<std::string> words;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("log", "事実・対応・メモを時系列に記録する");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("TEXT", f->words, "記録する内容");
  cmd->add_option("--kind", f->kind, "種類: fact（事実）/ action（対応）/ note（メモ）")
      ->check(CLI::IsMember({"fact", "action", "note"}));
  cmd->add_option("--at", f->at, "起きた日時（省略時は今）");
  cmd->add_option(
      "--lines", f->lines,
      "ファイルの各行を1件ずつ記録する（紙の時系列記録用紙の書き写しなど。- で標準入力）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      if (!f->lines.empty()) {
        // One entry per non-empty line, each committed on its own, so an
        // interruption keeps every line recorded so far. A time written at
        // the start of a line (「09:10 …」) is when it happened.
        const auto id = parse_incident_id(f->id);
        const auto kind = *core::entry_kind_from_code(f->kind);
        const auto at = optional_time(f->at, s.now);
        const auto view = app::load_incident_view(*s.ws, s.actor, id, s.now);
        const auto lines = core::read_paper_lines(
            read_input(f->lines), view.incident.discovery.discovered_at.tokyo_date());
        std::int64_t count = 0;
        for (const auto& line : lines) {
          const auto when = line.at ? line.at : at;
          auto r = app::log_entry(*s.ws, s.actor, id, {kind, line.text, when}, Instant::now());
          if (!r.problems.empty()) {
            std::cerr << line.line_number << " 行目「" << line.text << "」を記録できません（"
                      << count << " 件を記録したところで止めました）。\n";
            fail_with(r.problems);
          }
          std::cout << "  " << when.value_or(Instant::now()).tokyo_text() << " " << line.text
                    << "\n";
          ++count;
        }
        std::cout << count << " 件を記録しました。\n";
        return;
      }
      std::string text;
      for (const auto& w : f->words) text += (text.empty() ? "" : " ") + w;
      ask_if_empty(text, "記録する内容");
      app::LogRequest r{*core::entry_kind_from_code(f->kind), text, optional_time(f->at, s.now)};
      report_appended(app::log_entry(*s.ws, s.actor, parse_incident_id(f->id), r, s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
