#include "cli/plan_commands.h"

#include <iostream>

#include "app/checklist_service.h"
#include "app/plan_service.h"
#include "cli/open_workspace.h"
#include "cli/output.h"

namespace medbcp::cli {

void add_init_command(CLI::App& root, GlobalOptions& options) {
  struct Flags {
    std::string facility;
    bool force = false;
    bool demo = false;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd =
      root.add_subcommand("init", "ひな形から計画を作成する（create a plan from the template）");
  cmd->add_option("--facility", flags->facility, "医療機関名");
  cmd->add_flag("--force", flags->force, "既存の計画を破棄して作り直す");
  cmd->add_flag("--demo", flags->demo,
                "計画がなければ架空の診療所のデモ計画を作成する（あれば何もしない）");
  cmd->callback([&options, flags] {
    auto ws = open_workspace(options);
    app::Actor actor = terminal_actor(options);
    if (flags->demo) {
      bool created = app::ensure_demo_plan(*ws, actor, core::Instant::now());
      std::cout << (created ? "デモ計画を作成しました: " : "計画はすでにあります: ")
                << ws->shown_path() << "\n";
      return;
    }
    if (flags->facility.empty()) {
      std::cerr << "--facility に医療機関名を指定してください。\n";
      throw ExitCode{2};
    }
    app::init_plan(*ws, actor, flags->facility, flags->force);
    std::cout << "計画を作成しました: " << ws->shown_path() << "\n"
              << "`medbcp check` で未記入の項目を確認できます。\n";
  });
}

void add_check_command(CLI::App& root, GlobalOptions& options) {
  auto* cmd =
      root.add_subcommand("check", "計画の不備を一覧する（終了コード 0: 不備なし、1: 不備あり）");
  cmd->callback([&options] {
    auto ws = open_workspace(options);
    auto gaps = app::check_plan(*ws);
    // The checklist's share: BCP確認表 items the plan does not cover, a
    // はい whose evidence lapsed, an いいえ past its target date.
    const core::Date today = core::Instant::now().tokyo_date();
    const auto assessment =
        app::assess_checklist(*ws, terminal_actor(options), app::default_checklist(), today);
    std::vector<core::Reminder> checklist = app::bcp_gaps(assessment);
    for (auto& r : app::checklist_reminders(assessment, today, 0)) {
      if (r.urgency == core::Urgency::Overdue) checklist.push_back(std::move(r));
    }
    if (gaps.empty()) {
      std::cout << "計画に不備は見つかりませんでした。\n";
    } else {
      std::cout << "計画の不備: " << gaps.size() << " 件\n";
      print_gaps(std::cout, gaps);
    }
    if (!checklist.empty()) {
      std::cout << "チェックリスト・BCP確認表: " << checklist.size() << " 件\n";
      for (const auto& r : checklist) {
        std::cout << "  - [" << core::label(r.kind) << "] " << r.subject << ": " << r.message
                  << "\n";
      }
    }
    if (!gaps.empty() || !checklist.empty()) throw ExitCode{1};
  });
}

void add_export_command(CLI::App& root, GlobalOptions& options) {
  struct Flags {
    std::string format = "json";
    std::string out = "-";
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = root.add_subcommand("export", "計画全体を JSON で書き出す");
  cmd->add_option("--format", flags->format, "形式")->check(CLI::IsMember({"json"}));
  cmd->add_option("--out", flags->out, "出力ファイル（既定: 標準出力）");
  cmd->callback([&options, flags] {
    auto ws = open_workspace(options);
    write_output_atomically(flags->out, app::export_plan_json(*ws, terminal_actor(options)));
  });
}

void add_import_command(CLI::App& root, GlobalOptions& options) {
  auto file = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand(
      "import", "JSON の計画を読み込んで置き換える（不備があれば何も変更しない）");
  cmd->add_option("FILE", *file, "計画ファイル（- で標準入力）")->required();
  cmd->callback([&options, file] {
    std::string json = read_input(*file);
    auto ws = open_workspace(options);
    core::Problems problems = app::import_plan_json(*ws, terminal_actor(options), json);
    if (!problems.empty()) {
      std::cerr << "読み込みを中止しました（計画は変更されていません）。問題: " << problems.size()
                << " 件\n";
      print_problems(std::cerr, problems);
      throw ExitCode{1};
    }
    std::cout << "計画を読み込みました。\n";
  });
}

}  // namespace medbcp::cli
