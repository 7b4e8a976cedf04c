// `medbcp drill`: drills (訓練). This file registers the subcommands and
// holds the reading ones: scenarios, list, show, report, print, training.
#include "cli/drill_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/drill_output.h"
#include "app/drills.h"
#include "cli/drill_subcommands.h"
#include "cli/incident_prompts.h"
#include "cli/output.h"
#include "core/numbering.h"
#include "core/wareki.h"

namespace medbcp::cli {
namespace drill {

using incident::guarded;
using incident::open_session;
using incident::parse_incident_id;
using incident::Session;
using incident::usage_error;

app::ScenarioCatalog load_catalog(const std::string& dir) {
  auto catalog = app::load_scenarios(dir);
  if (!catalog.problems.empty()) {
    std::cerr << "読めなかった訓練シナリオがあります（ほかのシナリオは使えます）:\n";
    print_messages(std::cerr, catalog.problems);
  }
  return catalog;
}

namespace {

void add_scenarios(CLI::App& parent) {
  struct Flags {
    std::string dir;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("scenarios", "訓練シナリオの一覧");
  cmd->add_option("--scenarios", f->dir, "追加のシナリオのフォルダ");
  cmd->add_flag("--json", f->json, "JSON で出力する");
  cmd->callback([f] {
    const auto catalog = load_catalog(f->dir);
    if (f->json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& s : catalog.scenarios) {
        nlohmann::json injects = nlohmann::json::array();
        for (const auto& i : s.injects) injects.push_back({{"minute", i.minute}, {"text", i.text}});
        nlohmann::json roles = nlohmann::json::array();
        for (const auto& r : s.roles) roles.push_back({{"name", r.name}, {"task", r.task}});
        list.push_back({{"code", s.code},
                        {"title", s.title},
                        {"threat", core::code(s.threat)},
                        {"personal_data_leak", s.personal_data_leak},
                        {"roles", roles},
                        {"injects", injects}});
      }
      std::cout << list.dump(2) << "\n";
      return;
    }
    for (const auto& s : catalog.scenarios) {
      std::cout << s.code << "  " << s.title << "（" << core::label(s.threat) << "、付与情報 "
                << s.injects.size() << " 件、役割 " << s.roles.size() << "）\n";
    }
  });
}

void add_list(CLI::App& parent, GlobalOptions& options) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand("list", "訓練の一覧（新しい順）");
  cmd->add_flag("--json", *json, "JSON で出力する");
  cmd->callback([&options, json] {
    guarded([&] {
      Session s = open_session(options);
      const auto drills = app::list_drills(*s.ws, s.actor);
      if (*json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& d : drills) {
          list.push_back({{"id", d.incident.id.value},
                          {"drill", true},
                          {"scenario", d.record.scenario_code},
                          {"title", d.incident.title},
                          {"mode", core::code(d.record.mode)},
                          {"status", core::code(d.incident.status)},
                          {"started_at", d.incident.discovery.discovered_at.iso_utc()},
                          {"participants", d.participants}});
        }
        std::cout << list.dump(2) << "\n";
        return;
      }
      if (drills.empty()) {
        std::cout
            << "訓練の記録はありません。medbcp drill scenarios でシナリオを選んでください。\n";
        return;
      }
      for (const auto& d : drills) {
        std::cout << "No." << d.incident.id.value << "  "
                  << (d.incident.status == core::IncidentStatus::Open ? "実施中" : "終了") << "  "
                  << d.incident.discovery.discovered_at.tokyo_text() << "  " << d.incident.title
                  << "（" << core::label(d.record.mode) << "、参加 " << d.participants << " 人）\n";
      }
    });
  });
}

void print_measure(const core::DrillMeasure& m, const std::optional<core::DrillMeasures>& before) {
  std::cout << "    " << m.label << ": "
            << (m.seconds ? core::format_drill_time(m.seconds) : "未実施");
  if (before) {
    if (const auto* b = core::find_measure(*before, m.key)) {
      std::cout << "（前回 " << (b->seconds ? core::format_drill_time(b->seconds) : "未実施")
                << "）";
    }
  }
  std::cout << "\n";
}

void add_show(CLI::App& parent, GlobalOptions& options) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("show", "訓練の進み具合と計測結果");
  cmd->add_option("ID", *id, "訓練の番号")->required();
  cmd->callback([&options, id] {
    guarded([&] {
      Session s = open_session(options);
      const auto v = app::load_drill_view(*s.ws, s.actor, parse_incident_id(*id), s.now);
      std::cout << "【訓練】No." << v.incident.incident.id.value << " " << v.scenario.title << "（"
                << core::label(v.record.mode) << "、"
                << (v.progress.ended_at ? "終了" : (v.progress.paused() ? "一時停止中" : "実施中"))
                << "、経過 " << core::format_drill_time(v.measures.duration_seconds) << "）\n";
      std::cout << "■ 参加者\n";
      for (const auto& p : v.progress.participants)
        std::cout << "    " << p.name << (p.role.empty() ? "" : "（" + p.role + "）") << "\n";
      std::cout << "■ 付与情報\n";
      for (std::size_t i = 0; i < v.scenario.injects.size(); ++i) {
        const int index = static_cast<int>(i);
        const bool due = std::find(v.due.begin(), v.due.end(), index) != v.due.end();
        std::cout << "    " << i + 1 << ". " << v.scenario.injects[i].minute << "分後 "
                  << (v.progress.is_revealed(index) ? "［出した］"
                                                    : (due ? "［時間です］" : "［未］"))
                  << " " << (v.progress.is_revealed(index) ? v.scenario.injects[i].text : "")
                  << "\n";
      }
      std::cout << "■ 計測（開始からの時間）\n";
      for (const auto& m : v.measures.contacts) print_measure(m, v.previous);
      for (const auto& m : v.measures.steps) print_measure(m, v.previous);
      print_measure(v.measures.care_decision, v.previous);
      for (const auto& u : v.measures.unreached) {
        std::cout << "  ！連絡がつかなかった: " << u.target.name << "（" << u.attempts
                  << " 回）— 番号を確かめてください\n";
      }
    });
  });
}

void add_report(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, format = "pdf", out;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("report", "訓練実施報告書を作成する（PDF / DOCX）");
  cmd->add_option("ID", f->id, "訓練の番号")->required();
  cmd->add_option("--format", f->format, "形式: pdf / docx")->check(CLI::IsMember({"pdf", "docx"}));
  cmd->add_option("--out", f->out, "出力ファイル（既定: drill-番号-report.pdf）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto file = app::export_drill_report(
          *s.ws, s.actor, parse_incident_id(f->id),
          f->format == "docx" ? app::DrillReportFormat::Docx : app::DrillReportFormat::Pdf, s.now);
      const std::string out = f->out.empty() ? file.name : f->out;
      write_output_atomically(out, file.bytes);
      if (out != "-") std::cout << "訓練実施報告書を書き出しました: " << out << "\n";
    });
  });
}

void add_print(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string scenario, dir, out;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "print", "机上訓練キットを印刷用に作る（説明・付与情報カード・観察シートの PDF）");
  cmd->add_option("--scenario", f->scenario, "シナリオのコード")->required();
  cmd->add_option("--scenarios", f->dir, "追加のシナリオのフォルダ");
  cmd->add_option("--out", f->out, "出力ファイル（既定: drill-kit-コード.pdf）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto catalog = load_catalog(f->dir);
      const auto* scenario = catalog.find(f->scenario);
      if (scenario == nullptr) {
        usage_error("訓練シナリオ「" + f->scenario +
                    "」はありません。使えるシナリオ: " + catalog.codes() + "。");
      }
      const auto file = app::tabletop_kit(*s.ws, s.actor, *scenario);
      const std::string out = f->out.empty() ? file.name : f->out;
      write_output_atomically(out, file.bytes);
      if (out != "-") std::cout << "机上訓練キットを書き出しました: " << out << "\n";
    });
  });
}

void add_training(CLI::App& parent, GlobalOptions& options) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand("training", "職員ごとの訓練参加と計画の確認（別紙１の順）");
  cmd->add_flag("--json", *json, "JSON で出力する");
  cmd->callback([&options, json] {
    guarded([&] {
      Session s = open_session(options);
      const auto record = app::training_record(*s.ws, s.actor);
      if (*json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& t : record) {
          nlohmann::json drills = nlohmann::json::array();
          for (const auto& [id, date] : t.drills)
            drills.push_back({{"id", id.value}, {"date", date.iso()}});
          list.push_back({{"name", t.name},
                          {"role", t.role},
                          {"drills", drills},
                          {"acknowledged_edition", t.acknowledged_edition
                                                       ? nlohmann::json(*t.acknowledged_edition)
                                                       : nlohmann::json(nullptr)}});
        }
        std::cout << list.dump(2) << "\n";
        return;
      }
      for (const auto& t : record) {
        std::cout << t.name << "（" << t.role << "）  訓練 " << t.drills.size() << " 回";
        if (!t.drills.empty()) std::cout << "（最後 " << t.drills.back().second.iso() << "）";
        std::cout << "  計画の確認 "
                  << (t.acknowledged_edition ? "第" + std::to_string(*t.acknowledged_edition) + "版"
                                             : std::string("なし"))
                  << "\n";
      }
    });
  });
}

}  // namespace
}  // namespace drill

void add_drill_command(CLI::App& root, GlobalOptions& options) {
  auto* parent = root.add_subcommand(
      "drill", "訓練（シナリオで対応を練習し、時間を計り、気づいたことを課題に）");
  parent->require_subcommand(1);
  drill::add_scenarios(*parent);
  drill::add_drill_start(*parent, options);
  drill::add_drill_inject(*parent, options);
  drill::add_drill_pause(*parent, options);
  drill::add_drill_resume(*parent, options);
  drill::add_drill_join(*parent, options);
  drill::add_drill_end(*parent, options);
  drill::add_list(*parent, options);
  drill::add_show(*parent, options);
  drill::add_report(*parent, options);
  drill::add_print(*parent, options);
  drill::add_training(*parent, options);
}

}  // namespace medbcp::cli
