// `medbcp drill start|inject|pause|resume|join|end`: running a drill.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/drills.h"
#include "app/plan_service.h"
#include "cli/drill_subcommands.h"
#include "cli/incident_prompts.h"
#include "cli/output.h"
#include "core/data_lines.h"

namespace medbcp::cli::drill {
namespace {

using incident::fail_with;
using incident::guarded;
using incident::open_session;
using incident::parse_incident_id;
using incident::report_appended;
using incident::Session;
using incident::usage_error;

// 「内容|担当|2027-01-31|external_contacts」: owner, due and plan section optional.
core::FollowUp parse_finding(const std::string& text, const core::Plan& plan, core::Instant now) {
  // The fields as the data files split them: 「|」, each trimmed.
  const std::vector<std::string> parts = core::data_fields(text);
  core::FollowUp f;
  f.title = parts[0];
  f.owner = parts.size() > 1 && !parts[1].empty() ? parts[1] : plan.officer.name;
  if (parts.size() > 2 && !parts[2].empty()) {
    f.due = core::Date::parse(parts[2]);
    if (!f.due)
      usage_error("所見「" + f.title + "」の期日「" + parts[2] +
                  "」が読めません（例 2027-01-31）。");
  } else {
    f.due = now.tokyo_date().plus_days(30);  // a month, unless said otherwise
  }
  if (parts.size() > 3) f.plan_section = parts[3];
  if (parts.size() > 4) usage_error("所見は「内容|担当|期日|計画の章」の形で書いてください。");
  return f;
}

}  // namespace

void add_drill_start(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string scenario, scenarios_dir, at;
    std::vector<std::string> participants;
    bool tabletop = false, offline = false, despite = false, json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("start", "訓練を始める（シナリオと参加者）");
  cmd->add_option("--scenario", f->scenario, "シナリオのコード（drill scenarios で一覧）")
      ->required();
  cmd->add_option("--scenarios", f->scenarios_dir, "追加のシナリオのフォルダ");
  cmd->add_option("--participant", f->participants,
                  "参加者「名前:役割」（複数可。例 --participant '山田:発見者（受付）'）");
  cmd->add_flag("--tabletop", f->tabletop, "机上訓練（紙で行い、後から入力する）");
  cmd->add_option("--at", f->at, "開始日時（机上訓練を後から入力するとき。省略時は今）");
  cmd->add_flag("--despite-incident", f->despite,
                "対応中の実際のインシデントがあっても始める（実際の対応が先です）");
  cmd->add_flag("--json", f->json, "結果を JSON で出力する");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto catalog = load_catalog(f->scenarios_dir);
      app::StartDrillRequest r;
      r.scenario_code = f->scenario;
      r.mode = f->tabletop ? core::DrillMode::Tabletop : core::DrillMode::Live;
      for (const auto& p : f->participants) r.participants.push_back(core::parse_participant(p));
      r.started_at = incident::optional_time(f->at, s.now);
      r.despite_open_incident = f->despite;
      const auto started = app::start_drill(*s.ws, s.actor, catalog, r, s.now);
      if (!started.problems.empty()) {
        // A real incident open is a choice to make again, not a mistake: usage.
        if (started.problems.front().field == "open_incident") {
          print_messages(std::cerr, started.problems);
          throw ExitCode{2};
        }
        fail_with(started.problems);
      }
      const auto v = app::load_drill_view(*s.ws, s.actor, started.id, s.now);
      if (f->json) {
        std::cout << nlohmann::json{{"id", started.id.value},
                                    {"scenario", v.record.scenario_code},
                                    {"mode", core::code(v.record.mode)},
                                    {"drill", true}}
                         .dump()
                  << "\n";
        return;
      }
      std::cout << "【訓練】No." << started.id.value << " を始めました: " << v.scenario.title
                << "（" << core::label(v.record.mode) << "）\n";
      for (const auto& p : v.scenario.briefing) std::cout << "  " << p << "\n";
      if (!v.scenario.injects.empty()) {
        std::cout << "付与情報 " << v.scenario.injects.size() << " 件: medbcp drill inject "
                  << started.id.value << " で順に出します（最初は "
                  << v.scenario.injects.front().minute << "分後）。\n";
      }
      std::cout << "記録は実際と同じ操作で: medbcp incident step|contact|decide|log "
                << started.id.value << " …（訓練として記録され、外部には何も送りません）\n";
    });
  });
}

void add_drill_inject(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id;
    int number = 0;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("inject", "次の付与情報を出す");
  cmd->add_option("ID", f->id, "訓練の番号")->required();
  cmd->add_option("--number", f->number, "出す付与情報の番号（省略時は次のもの）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      std::optional<int> index;
      if (f->number != 0) index = f->number - 1;
      report_appended(app::reveal_inject(*s.ws, s.actor, parse_incident_id(f->id), index, s.now));
    });
  });
}

void add_drill_pause(CLI::App& parent, GlobalOptions& options) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("pause", "訓練を一時停止する（止めている間は時間を数えない）");
  cmd->add_option("ID", *id, "訓練の番号")->required();
  cmd->callback([&options, id] {
    guarded([&] {
      Session s = open_session(options);
      report_appended(app::pause_drill(*s.ws, s.actor, parse_incident_id(*id), s.now));
    });
  });
}

void add_drill_resume(CLI::App& parent, GlobalOptions& options) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("resume", "一時停止した訓練を再開する");
  cmd->add_option("ID", *id, "訓練の番号")->required();
  cmd->callback([&options, id] {
    guarded([&] {
      Session s = open_session(options);
      report_appended(app::resume_drill(*s.ws, s.actor, parse_incident_id(*id), s.now));
    });
  });
}

void add_drill_join(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id;
    std::vector<std::string> participants;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("join", "参加者を追加する");
  cmd->add_option("ID", f->id, "訓練の番号")->required();
  cmd->add_option("--participant", f->participants, "参加者「名前:役割」（複数可）")->required();
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      std::vector<core::DrillParticipant> people;
      for (const auto& p : f->participants) people.push_back(core::parse_participant(p));
      report_appended(
          app::add_participants(*s.ws, s.actor, parse_incident_id(f->id), people, s.now));
    });
  });
}

void add_drill_end(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, summary, at;
    std::vector<std::string> findings;
    std::vector<std::int64_t> check_contacts;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("end", "訓練を終える（所見は課題として残る）");
  cmd->add_option("ID", f->id, "訓練の番号")->required();
  cmd->add_option("--finding", f->findings,
                  "所見「内容|担当|期日|計画の章」（担当・期日・章は省略可。複数可）");
  cmd->add_option("--check-contact", f->check_contacts,
                  "連絡がつかなかった別紙１の連絡先の番号（確認の課題を残す。複数可）");
  cmd->add_option("--summary", f->summary, "振り返り（省略時は計測結果の要約）");
  cmd->add_option("--at", f->at, "終了日時（机上訓練を後から入力するとき）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const core::Plan plan = app::has_plan(*s.ws) ? app::load_plan(*s.ws) : core::Plan{};
      app::EndDrillRequest r;
      r.summary = f->summary;
      for (const auto& text : f->findings) r.findings.push_back(parse_finding(text, plan, s.now));
      for (auto c : f->check_contacts) r.check_contacts.emplace_back(c);
      r.ended_at = incident::optional_time(f->at, s.now);
      const auto id = parse_incident_id(f->id);
      const auto ended = app::end_drill(*s.ws, s.actor, id, r, s.now);
      if (!ended.problems.empty()) fail_with(ended.problems);
      const auto v = app::load_drill_view(*s.ws, s.actor, id, s.now);
      std::cout << "【訓練】No." << id.value << " を終了しました（所要 "
                << core::format_drill_time(v.measures.duration_seconds) << "）。\n";
      for (const auto& t : v.incident.follow_ups) {
        std::cout << "  課題: " << t.title << "（" << t.owner
                  << (t.due ? "、期日 " + t.due->iso() : "") << "）\n";
      }
      std::cout << "報告書: medbcp drill report " << id.value << " --format pdf\n";
    });
  });
}

}  // namespace medbcp::cli::drill
