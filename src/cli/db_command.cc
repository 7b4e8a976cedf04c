#include "cli/db_command.h"

#include <iostream>
#include <memory>

#include "app/database_backup.h"
#include "app/database_backup_schedule.h"
#include "app/database_copy.h"
#include "app/facilities.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "cli/upkeep_options.h"
#include "core/text.h"

namespace medbcp::cli {
namespace {

void print_verification(std::ostream& out, const app::DatabaseVerification& v) {
  if (v.ok()) {
    out << "検査: 問題なし（スキーマ " << v.schema_version << "、時系列 " << v.chains
        << " 件・記録 " << v.entries << " 件と監査ログ " << v.audit_rows_sealed
        << " 行の改ざん検知チェーンを確認";
    if (v.audit_rows_waiting > 0) {
      out << "。監査ログの最新 " << v.audit_rows_waiting << " 行は次の保存で封印されます";
    }
    out << "）\n";
    return;
  }
  out << "検査で問題が見つかりました: " << v.problems.size() << " 件\n";
  print_problems(out, v.problems);
}

void add_backup(CLI::App& db, GlobalOptions& options) {
  struct Flags {
    std::string out, dir, to = "機械の外", at;
    core::RotationPolicy keep;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = db.add_subcommand(
      "backup", "データベース全体をバックアップする（サーバー稼働中でも一貫した複製）");
  auto* out = cmd->add_option("--out", flags->out, "バックアップファイル");
  auto* dir = cmd->add_option(
      "--dir", flags->dir,
      "バックアップを置くフォルダ（medbcp-日時.db の名前で書き、古いものを整理する）");
  out->excludes(dir);
  cmd->add_option("--keep-daily", flags->keep.keep_daily,
                  "--dir で残す日ごとのバックアップの日数（各日の最新）")
      ->capture_default_str()
      ->check(CLI::Range(1, 3650));
  cmd->add_option("--keep-weekly", flags->keep.keep_weekly,
                  "--dir で残す週ごとのバックアップの週数（各週の最新）")
      ->capture_default_str()
      ->check(CLI::Range(0, 520));

  // `db backup copied`: the backups so far were copied off the machine.
  auto* copied = cmd->add_subcommand(
      "copied", "それまでのバックアップを機械の外（USBディスクなど）へ複製したことを記録する");
  copied->add_option("--to", flags->to, "複製した先（例「USBディスク（金庫）」）")
      ->capture_default_str();
  copied->add_option("--at", flags->at, "複製した日時（既定は今。例 2026-12-07T18:00）");
  copied->callback([&options, flags] {
    const core::Instant now = core::Instant::now();
    core::Instant at = now;
    if (!flags->at.empty()) {
      const auto parsed = core::Instant::parse(flags->at);
      if (!parsed) usage_error("--at「" + flags->at + "」を読めません（例 2026-12-07T18:00）。");
      at = *parsed;
    }
    auto ws = open_workspace(options);
    const auto r = app::record_backups_copied_off(*ws, terminal_actor(options), flags->to, at, now);
    if (!r.problems.empty()) refuse("記録しませんでした。", r.problems);
    std::cout << "バックアップ " << r.marked << " 件を「" << core::trim(flags->to)
              << "」へ複製したと記録しました（" << at.tokyo_text() << " まで）。\n";
  });

  cmd->callback([&options, flags, copied] {
    if (copied->parsed()) return;  // the record of a copy ran
    if (flags->out.empty() && flags->dir.empty()) {
      usage_error("書き出す先を --out FILE か --dir DIR で指定してください。");
    }
    auto ws = open_workspace(options);
    app::BackupReport report;
    if (!flags->dir.empty()) {
      const auto r = app::backup_into_folder(*ws, terminal_actor(options), flags->dir, flags->keep,
                                             core::Instant::now());
      report = r.backup;
      for (const auto& name : r.removed)
        std::cout << "古いバックアップを削除しました: " << name << "\n";
      for (const auto& name : r.failed_removes) {
        std::cerr << "古いバックアップを削除できませんでした: " << name << "\n";
      }
    } else {
      report = app::backup_database(*ws, terminal_actor(options), flags->out);
    }
    std::cout << "バックアップを作成しました: " << report.path << "（" << report.bytes
              << " バイト）\n";
    print_verification(std::cout, report.verification);
    if (!report.verification.ok()) {
      std::cerr << "データベースに問題があります。このバックアップだけに頼らないでください。\n";
      throw ExitCode{1};
    }
  });
}

void add_restore(CLI::App& db, GlobalOptions& options) {
  struct Flags {
    std::string file;
    bool force = false;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = db.add_subcommand(
      "restore",
      "バックアップを検査してからデータベースを置き換える（置き換えたものは別名で残す）");
  cmd->add_option("FILE", flags->file, "バックアップファイル")->required();
  cmd->add_flag("--force", flags->force, "対応中のインシデントがあっても復元する");
  cmd->callback([&options, flags] {
    auto ws = open_workspace(options);
    app::RestoreReport report = app::restore_database(*ws, terminal_actor(options), flags->file,
                                                      core::Instant::now(), {flags->force});
    print_verification(report.restored ? std::cout : std::cerr, report.verification);
    if (!report.verification.ok()) {
      std::cerr << "復元を中止しました（データベースは変更されていません）。\n";
      throw ExitCode{1};
    }
    if (!report.refused.empty()) {
      std::cerr << report.refused << "\n復元を中止しました（データベースは変更されていません）。\n";
      throw ExitCode{1};
    }
    std::cout << "復元しました: " << ws->shown_path() << "\n"
              << "置き換える前のデータベース: " << report.replaced_path << "\n";
  });
}

void add_check(CLI::App& db, GlobalOptions& options) {
  auto file = std::make_shared<std::string>();
  auto* cmd = db.add_subcommand(
      "check", "バックアップ（省略時は使用中のデータベース）を復元時と同じ基準で検査する");
  cmd->add_option("FILE", *file, "検査するファイル");
  cmd->callback([&options, file] {
    app::DatabaseVerification v;
    if (file->empty()) {
      auto ws = open_workspace(options);
      v = app::verify_database(ws->db());
    } else {
      v = app::verify_database_file(*file);
    }
    print_verification(std::cout, v);
    if (!v.ok()) throw ExitCode{1};
  });
}

void add_copy(CLI::App& db, GlobalOptions& options) {
  struct Flags {
    std::string from;
    std::string to;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = db.add_subcommand(
      "copy",
      "1つの施設をまるごと別のデータベースへコピーする（SQLite ⇔ PostgreSQL。医師会のサーバー"
      "への移行と、そこからの持ち出し）");
  cmd->add_option("--from", flags->from, "コピー元: SQLite のファイル、または postgresql://…")
      ->required();
  cmd->add_option("--to", flags->to,
                  "コピー先: まだない SQLite のファイル、または postgresql://…（新しい施設として"
                  "追加。施設コードは --facility-code）")
      ->required();
  cmd->callback([&options, flags] {
    app::CopyReport report =
        app::copy_facility(flags->from, flags->to,
                           app::resolve_facility_code(options.facility_flag), core::Instant::now());
    std::cout << "施設「" << report.facility_name << "」をコピーしました: " << report.from << " → "
              << report.to;
    if (!report.facility_code.empty()) std::cout << "（施設コード " << report.facility_code << "）";
    std::cout << "\n表 " << report.tables << "、行 " << report.rows << "\n";
    print_verification(std::cout, report.verification);
  });
}

}  // namespace

void add_db_command(CLI::App& root, GlobalOptions& options) {
  auto* db = root.add_subcommand("db", "medbcp 自身のバックアップ・復元と、施設のコピー");
  db->require_subcommand(1);
  add_backup(*db, options);
  add_restore(*db, options);
  add_check(*db, options);
  add_copy(*db, options);
}

}  // namespace medbcp::cli
