// medbcp: the command-line tool and web server in one binary. Each command
// lives in its own file under src/cli and registers itself here. World
// failures (database, files) are caught once, here, and end with exit 3.
#include <cstdio>
#include <iostream>

#include "app/actor.h"
#include "app/facilities.h"
#include "app/plan_service.h"
#include "app/workspace.h"
#include "cli/audit_command.h"
#include "cli/backup_command.h"
#include "cli/checklist_command.h"
#include "cli/command.h"
#include "cli/confirm_command.h"
#include "cli/db_command.h"
#include "cli/devices_command.h"
#include "cli/drill_command.h"
#include "cli/facility_command.h"
#include "cli/incident_command.h"
#include "cli/incident_import_command.h"
#include "cli/japanese_cli.h"
#include "cli/kit_command.h"
#include "cli/mail_command.h"
#include "cli/plan_commands.h"
#include "cli/render_command.h"
#include "cli/serve_command.h"
#include "cli/status_command.h"
#include "cli/stocktake_command.h"
#include "cli/token_command.h"
#include "cli/user_command.h"

namespace {

int run(int argc, char** argv) {
  using namespace medbcp;
  CLI::App root{"medbcp — 医療機関のサイバーインシデント BCP（事業継続計画）", "medbcp"};
  cli::speak_japanese(root);
  root.require_subcommand(1);
  cli::GlobalOptions options;
  root.add_option("--db", options.db_flag,
                  "データベース: SQLite のファイル、または postgresql://…（既定: $MEDBCP_DB、"
                  "なければ " +
                      app::default_db_path() + "）");
  root.add_option("--facility-code", options.facility_flag,
                  "施設コード（複数の施設がある PostgreSQL のとき。既定: $MEDBCP_FACILITY_CODE）");
  root.add_flag("--association", options.association,
                "医師会・協会のアカウント（協会管理者・協会閲覧）を扱う（user コマンドと）")
      ->excludes("--facility-code");
  root.add_option("--by", options.by_flag,
                  "記録する人の名前（時系列・履歴・監査ログに載る。既定: $MEDBCP_USER、"
                  "なければ OS のユーザー名）");

  cli::add_init_command(root, options);
  cli::add_check_command(root, options);
  cli::add_export_command(root, options);
  cli::add_import_command(root, options);
  cli::add_serve_command(root, options);
  cli::add_user_command(root, options);
  cli::add_devices_command(root, options);
  cli::add_render_command(root, options);
  cli::add_incident_command(root, options);
  cli::add_incident_import_command(*root.get_subcommand("incident"), options);
  cli::add_kit_command(root, options);
  cli::add_db_command(root, options);
  cli::add_audit_command(root, options);
  cli::add_backup_command(root, options);
  cli::add_status_command(root, options);
  cli::add_stocktake_command(root, options);
  cli::add_confirm_command(root, options);
  cli::add_facility_command(root, options);
  cli::add_checklist_command(root, options);
  cli::add_drill_command(root, options);
  cli::add_token_command(root, options);
  cli::add_mail_command(root, options);
  cli::group_help_flags(root);

  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli::report_parse_error(root, e);
  } catch (const cli::ExitCode& e) {
    return e.code;
  } catch (const app::PermissionDenied& e) {
    std::cerr << "medbcp: " << e.what() << "\n";
    return 4;
  } catch (const app::NoPlan& e) {
    std::cerr << "medbcp: " << e.what() << "\n";
    return 2;
  } catch (const app::PlanExists& e) {
    std::cerr << "medbcp: " << e.what() << "\n";
    return 2;
  } catch (const app::FacilityNotChosen& e) {
    std::cerr << "medbcp: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "medbcp: " << (app::is_database_failure(e) ? "データベースのエラー: " : "")
              << e.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // What run() does not catch (the options being set up, a message that
  // cannot be written) still ends with the documented code for a failure.
  try {
    return run(argc, argv);
  } catch (...) {
    std::fputs("medbcp: 予期しないエラーで終了しました。\n", stderr);
    return 3;
  }
}
