// `medbcp backup list | record | restore-test`: the clinic's backup runs and
// restore tests (第２章 バックアップ体制). A backup job calls
// `medbcp backup record` when it finishes.
#include <iostream>
#include <memory>

#include "app/clinic_backup_runs.h"
#include "app/plan_service.h"
#include "app/record_json.h"
#include "cli/backup_command.h"
#include "cli/output.h"
#include "cli/upkeep_options.h"
#include "core/wareki.h"

namespace medbcp::cli {
namespace {

void add_backup_list(CLI::App& backup, GlobalOptions& options) {
  auto* cmd = backup.add_subcommand("list", "バックアップ体制の各行と直近の記録を表示する");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "JSON で出力する");
  cmd->callback([&options, json] {
    auto ws = open_workspace(options);
    auto plans = app::backup_overview(*ws, terminal_actor(options), 1);
    if (*json) {
      std::cout << app::backups_json(plans);
      return;
    }
    if (plans.empty()) {
      std::cout << "バックアップ体制が登録されていません。\n";
      return;
    }
    for (const auto& p : plans) {
      std::cout << "ID " << p.plan.id.value << "  " << p.title
                << (p.plan.offline ? "  [オフライン保管]" : "") << "\n"
                << "    最終成功: " << date_or_dash(p.history.last_ok_run)
                << "  次回期限: " << (p.next_due ? p.next_due->iso() : std::string("—"))
                << "  直近の復旧テスト（成功）: " << date_or_dash(p.history.last_ok_restore_test)
                << "\n";
      if (p.history.last_run && p.history.last_run->outcome == core::Outcome::Failed) {
        std::cout << "    直近の実行は失敗: " << p.history.last_run->at.tokyo_text() << "\n";
      }
    }
  });
}

void add_backup_record(CLI::App& backup, GlobalOptions& options) {
  struct Flags {
    std::int64_t plan = 0;
    std::string result;
    std::string at;
    std::string note;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = backup.add_subcommand(
      "record", "バックアップの実施を記録する（バックアップ処理の最後に呼び出す）");
  cmd->add_option("--plan", flags->plan, "バックアップ体制の ID（backup list で確認）")->required();
  cmd->add_option("--result", flags->result, "結果: ok または fail")->required();
  cmd->add_option("--at", flags->at, "実施日時（既定: 現在。時差なしは日本時間）");
  cmd->add_option("--note", flags->note, "備考（エラー内容など）");
  cmd->callback([&options, flags] {
    const core::Outcome outcome = parse_outcome(flags->result);
    const auto at = parse_at(flags->at);
    auto ws = open_workspace(options);
    auto recorded = app::record_backup_run(
        *ws, terminal_actor(options), core::BackupPlanId(flags->plan), outcome, at, flags->note);
    if (!recorded.run) refuse("記録できませんでした。", recorded.problems);
    std::cout << "バックアップの" << core::label(outcome)
              << "を記録しました: " << recorded.run->plan_label << "  "
              << recorded.run->at.tokyo_text() << "\n";
  });
}

void add_backup_restore_test(CLI::App& backup, GlobalOptions& options) {
  struct Flags {
    std::int64_t plan = 0;
    std::string result;
    int minutes = -1;
    std::string at;
    std::string note;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = backup.add_subcommand("restore-test",
                                    "復旧テスト（バックアップからの復元の試行）の結果を記録する");
  cmd->add_option("--plan", flags->plan, "バックアップ体制の ID")->required();
  cmd->add_option("--result", flags->result, "結果: ok または fail")->required();
  cmd->add_option("--minutes", flags->minutes, "復旧にかかった時間（分）")->required();
  cmd->add_option("--at", flags->at, "実施日時（既定: 現在）");
  cmd->add_option("--note", flags->note, "備考（手順、問題点など）");
  cmd->callback([&options, flags] {
    const core::Outcome outcome = parse_outcome(flags->result);
    const auto at = parse_at(flags->at);
    auto ws = open_workspace(options);
    auto recorded =
        app::record_restore_test(*ws, terminal_actor(options), core::BackupPlanId(flags->plan),
                                 outcome, flags->minutes, at, flags->note);
    if (!recorded.test) refuse("記録できませんでした。", recorded.problems);
    std::cout << "復旧テストの" << core::label(outcome)
              << "を記録しました: " << recorded.test->plan_label << "  " << recorded.test->minutes
              << " 分\n";
  });
}

}  // namespace

void add_backup_command(CLI::App& root, GlobalOptions& options) {
  auto* backup = root.add_subcommand("backup", "バックアップの実施と復旧テストを記録する");
  backup->require_subcommand(1);
  add_backup_list(*backup, options);
  add_backup_record(*backup, options);
  add_backup_restore_test(*backup, options);
}

}  // namespace medbcp::cli
