// `medbcp stocktake start | record | close | list | sheet | report | cycle`:
// the 棚卸し of the device ledger (別紙２), with its check sheet and its
// difference report.
#include <iostream>
#include <memory>

#include "app/audit.h"
#include "app/plan_service.h"
#include "app/record_json.h"
#include "app/reminders.h"
#include "app/stocktake.h"
#include "app/stocktake_printouts.h"
#include "cli/output.h"
#include "cli/stocktake_command.h"
#include "cli/upkeep_options.h"
#include "core/wareki.h"

namespace medbcp::cli {
namespace {

core::StocktakeRoundId resolve_round(app::Workspace& ws, const std::string& text) {
  auto id = app::find_stocktake(ws, text);
  if (!id) {
    if (text.empty())
      usage_error("棚卸しがありません。`medbcp stocktake start` で始めてください。");
    usage_error("棚卸し「" + text + "」が見つかりません（ID の先頭 6 文字以上で指定します）。");
  }
  return *id;
}

void add_stocktake_start(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string title;
    std::string note;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("start", "棚卸しを開始する（台帳の機器を対象として固定する）");
  cmd->add_option("--title", flags->title, "名称（例: 令和7年度 定期棚卸し）");
  cmd->add_option("--note", flags->note, "備考（範囲、担当など）");
  cmd->callback([&options, flags] {
    auto ws = open_workspace(options);
    auto started = app::start_stocktake(*ws, terminal_actor(options), flags->title, flags->note);
    if (!started.round) refuse("棚卸しを開始できませんでした。", started.problems);
    auto view = app::stocktake_view(*ws, terminal_actor(options), started.round->id);
    std::cout << "棚卸し「" << started.round->title << "」を開始しました（ID "
              << started.round->id.value.substr(0, 8) << "、対象 " << view->items.size()
              << " 台）。\n"
              << "`medbcp stocktake sheet --out sheet.pdf` でチェックシートを印刷できます。\n";
  });
}

void add_stocktake_record(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string round;
    std::string device;
    std::string result;
    std::string location;
    std::string status;
    std::string name;
    std::string kind;
    std::string asset;
    std::string note;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "record", "機器の確認結果を記録する（同じ機器を再度記録すると新しい記録が有効）");
  cmd->add_option("--round", flags->round, "棚卸し ID（既定: 実施中の棚卸し）");
  cmd->add_option("--device", flags->device, "機器: 管理番号、機器名、または #ID");
  cmd->add_option(
         "--result", flags->result,
         "結果: confirmed 確認済 / missing 所在不明 / moved 設置場所変更 / status 状態変更 "
         "/ retired 廃棄 / unlisted 台帳外")
      ->required();
  cmd->add_option("--location", flags->location, "新しい設置場所（台帳外: 発見場所）");
  cmd->add_option("--status", flags->status, "新しい状態: 稼働中 / 予備 / 故障");
  cmd->add_option("--name", flags->name, "台帳外: 機器名");
  cmd->add_option("--kind", flags->kind, "台帳外: 種別（サーバ、端末PC …）");
  cmd->add_option("--asset", flags->asset, "台帳外: 管理番号（あれば）");
  cmd->add_option("--note", flags->note, "備考");
  cmd->callback([&options, flags] {
    auto finding = core::finding_from_text(flags->result);
    if (!finding) usage_error("--result を読めません: " + flags->result);
    core::StocktakeResult draft;
    draft.finding = *finding;
    draft.note = flags->note;
    if (!flags->status.empty()) {
      draft.new_status = core::device_status_from_text(flags->status);
      if (!draft.new_status) usage_error("--status を読めません: " + flags->status);
    }
    auto ws = open_workspace(options);
    const core::StocktakeRoundId round = resolve_round(*ws, flags->round);
    auto view = app::stocktake_view(*ws, terminal_actor(options), round);
    if (*finding == core::Finding::Unlisted) {
      draft.found_name = flags->name;
      draft.found_asset_number = flags->asset;
      draft.found_location = flags->location;
      if (!flags->kind.empty()) {
        auto kind = core::device_kind_from_text(flags->kind);
        if (!kind) usage_error("--kind を読めません: " + flags->kind);
        draft.found_kind = *kind;
      }
    } else {
      if (flags->device.empty()) usage_error("--device で機器を指定してください。");
      auto item = app::find_item(view->items, flags->device);
      if (!item) {
        usage_error("この棚卸しの対象に「" + flags->device +
                    "」がありません（管理番号、機器名、#ID で指定。台帳にない機器は "
                    "--result unlisted）。");
      }
      draft.device = item->device;
      draft.new_location = flags->location;
    }
    auto recorded = app::record_stocktake_result(*ws, terminal_actor(options), round, draft);
    if (!recorded.result) refuse("記録できませんでした。", recorded.problems);
    auto after = app::stocktake_view(*ws, terminal_actor(options), round);
    std::cout << "記録しました: " << core::label(*finding) << "（記録済み " << after->report.checked
              << " / " << after->report.total << " 台）\n";
  });
}

void add_stocktake_close(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string round;
    bool allow_unchecked = false;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("close", "棚卸しを終了し、結果を情報機器台帳に反映する");
  cmd->add_option("--round", flags->round, "棚卸し ID（既定: 実施中の棚卸し）");
  cmd->add_flag("--allow-unchecked", flags->allow_unchecked,
                "未確認の機器が残っていても終了する（未確認の機器は台帳を変更しない）");
  cmd->callback([&options, flags] {
    auto ws = open_workspace(options);
    const core::StocktakeRoundId round = resolve_round(*ws, flags->round);
    auto closed = app::close_stocktake(*ws, terminal_actor(options), round, flags->allow_unchecked);
    if (!closed.problems.empty()) refuse("棚卸しを終了できませんでした。", closed.problems);
    std::cout << "棚卸しを終了し、台帳を更新しました（変更 " << closed.changes.size() << " 件）。\n"
              << "`medbcp stocktake report` で差異報告を確認できます。\n";
  });
}

void add_stocktake_list(CLI::App& parent, GlobalOptions& options) {
  auto* cmd = parent.add_subcommand("list", "棚卸しの一覧");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "JSON で出力する");
  cmd->callback([&options, json] {
    auto ws = open_workspace(options);
    auto rounds = app::list_stocktakes(*ws, terminal_actor(options));
    if (*json) {
      std::cout << app::stocktakes_json(rounds);
      return;
    }
    if (rounds.empty()) std::cout << "棚卸しの記録はありません。\n";
    for (const auto& s : rounds) {
      std::cout << s.round.id.value.substr(0, 8) << "  " << s.round.title << "  "
                << (s.round.closed() ? "終了 " + s.round.closed_at->tokyo_text()
                                     : std::string("実施中"))
                << "  確認 " << s.checked << "/" << s.total << " 台、差異 " << s.differences
                << " 件\n";
    }
  });
}

// Prints the difference report as plain text (the default of `report`).
void print_report_text(const app::StocktakeView& view) {
  const auto& r = view.report;
  std::cout << "棚卸し差異報告: " << view.round.title << "（"
            << (view.round.closed() ? "終了" : "実施中") << "）\n"
            << "対象 " << r.total << " 台、確認 " << r.checked << " 台（台帳どおり " << r.confirmed
            << " 台）、差異 " << r.differences.size() << " 件、未確認 " << r.unchecked.size()
            << " 台\n";
  if (!r.differences.empty()) std::cout << "\n台帳との差異:\n";
  for (const auto& line : r.differences) {
    const auto& res = *line.result;
    std::cout << "  [" << core::label(res.finding) << "] "
              << (line.item.asset_number.empty() ? "" : line.item.asset_number + " ")
              << line.item.name;
    if (!res.new_location.empty())
      std::cout << "  設置場所: " << line.item.location << " → " << res.new_location;
    if (res.new_status)
      std::cout << "  状態: " << core::label(line.item.status) << " → "
                << core::label(*res.new_status);
    if (res.finding == core::Finding::Unlisted && !res.found_location.empty()) {
      std::cout << "  発見場所: " << res.found_location;
    }
    if (!res.note.empty()) std::cout << "  備考: " << res.note;
    std::cout << "  （" << res.recorded_by << "）\n";
  }
  if (!r.unchecked.empty()) std::cout << "\n未確認:\n";
  for (const auto& line : r.unchecked) {
    std::cout << "  " << (line.item.asset_number.empty() ? "" : line.item.asset_number + " ")
              << line.item.name << "（" << line.item.location << "）\n";
  }
  if (view.round.closed() && !view.changes.empty()) {
    std::cout << "\n台帳への反映（" << view.round.closed_by << "）:\n";
    for (const auto& c : view.changes) {
      std::cout << "  " << c.device_label << "  " << core::ledger_field_label(c.field) << ": "
                << (c.before.empty() ? "（なし）" : c.before) << " → " << c.after << "\n";
    }
  }
}

void add_stocktake_printout(CLI::App& parent, GlobalOptions& options, bool sheet) {
  struct Flags {
    std::string round;
    std::string format;
    std::string out = "-";
  };
  auto flags = std::make_shared<Flags>();
  flags->format = sheet ? "pdf" : "text";
  auto* cmd = sheet ? parent.add_subcommand("sheet", "印刷用のチェックシート（PDF / HTML）")
                    : parent.add_subcommand("report", "差異報告（text / PDF / HTML）");
  cmd->add_option("--round", flags->round, "棚卸し ID（既定: 実施中、なければ直近の棚卸し）");
  if (sheet) {
    cmd->add_option("--format", flags->format, "形式")->check(CLI::IsMember({"pdf", "html"}));
  } else {
    cmd->add_option("--format", flags->format, "形式")
        ->check(CLI::IsMember({"text", "pdf", "html"}));
  }
  cmd->add_option("--out", flags->out, "出力ファイル（既定: 標準出力）");
  cmd->callback([&options, flags, sheet] {
    auto ws = open_workspace(options);
    const core::StocktakeRoundId round = resolve_round(*ws, flags->round);
    if (flags->format == "text") {
      print_report_text(*app::stocktake_view(*ws, terminal_actor(options), round));
      return;
    }
    auto file = app::stocktake_printout(
        *ws, terminal_actor(options), round,
        sheet ? app::StocktakePrintout::Sheet : app::StocktakePrintout::Report,
        flags->format == "pdf" ? app::PrintFormat::Pdf : app::PrintFormat::Html);
    write_output_atomically(flags->out, file->bytes);
  });
}

void add_stocktake_cycle(CLI::App& parent, GlobalOptions& options) {
  auto days = std::make_shared<int>(0);
  auto* cmd = parent.add_subcommand("cycle", "棚卸しの周期（日）を表示・変更する（既定 365 日）");
  cmd->add_option("DAYS", *days, "新しい周期（日）。省略すると現在の周期を表示");
  cmd->callback([&options, days] {
    auto ws = open_workspace(options);
    core::ReminderSettings settings = app::reminder_settings(*ws, terminal_actor(options));
    if (*days == 0) {
      std::cout << "棚卸しの周期: " << settings.stocktake_cycle_days << " 日\n";
      return;
    }
    settings.stocktake_cycle_days = *days;
    auto problems = app::update_reminder_settings(*ws, terminal_actor(options), settings);
    if (!problems.empty()) refuse("変更できませんでした。", problems);
    std::cout << "棚卸しの周期を " << *days << " 日にしました。\n";
  });
}

}  // namespace

void add_stocktake_command(CLI::App& root, GlobalOptions& options) {
  auto* cmd = root.add_subcommand("stocktake", "情報機器台帳の棚卸し");
  cmd->require_subcommand(1);
  add_stocktake_start(*cmd, options);
  add_stocktake_record(*cmd, options);
  add_stocktake_close(*cmd, options);
  add_stocktake_list(*cmd, options);
  add_stocktake_printout(*cmd, options, true);
  add_stocktake_printout(*cmd, options, false);
  add_stocktake_cycle(*cmd, options);
}

}  // namespace medbcp::cli
