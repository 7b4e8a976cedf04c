#include "cli/kit_command.h"

#include <filesystem>
#include <iostream>

#include "app/kit.h"
#include "cli/open_workspace.h"
#include "cli/output.h"

namespace medbcp::cli {
namespace {

void print_status(const app::KitFreshness& f) {
  if (!f.has_plan) {
    std::cout << "計画がまだありません（medbcp init）。\n";
    return;
  }
  std::cout << f.offline_summary << "\n" << f.printed_summary << "\n";
  for (const auto& w : f.warnings) std::cout << "注意: " << w << "\n";
}

}  // namespace

void add_kit_command(CLI::App& root, GlobalOptions& options) {
  struct Flags {
    std::string out;
    bool paper = false;
    bool printed = false;
    bool status = false;
    std::string id;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = root.add_subcommand(
      "kit", "ネットワークが止まったときのためのキットを作る（オフラインキット・紙のキット）");
  cmd->add_option("--out", flags->out,
                  "出力先: オフラインキットはフォルダ、紙のキット（--paper）は PDF ファイル");
  cmd->add_flag("--paper", flags->paper,
                "紙のキット（計画書・初動対応カード・手書き様式の PDF）を作る");
  cmd->add_flag("--printed", flags->printed, "紙のキットを印刷・配布したことを記録する");
  cmd->add_option("--id", flags->id, "--printed の対象のキット ID（既定: 最新の紙のキット）");
  cmd->add_flag("--status", flags->status, "キットが現在の計画と一致しているかを表示する");
  cmd->callback([&options, flags] {
    auto ws = open_workspace(options);
    const app::Actor actor = terminal_actor(options);
    const core::Instant now = core::Instant::now();
    if (flags->status) {
      print_status(app::kit_freshness(*ws));
      return;
    }
    if (flags->printed) {
      if (!app::mark_paper_kit_printed(*ws, actor, flags->id, now)) {
        std::cerr << (flags->id.empty()
                          ? "紙のキットがまだ作成されていません（medbcp kit --paper）。\n"
                          : "その ID の紙のキットはありません。\n");
        throw ExitCode{1};
      }
      std::cout << "紙のキットを印刷済みとして記録しました。\n";
      return;
    }
    if (flags->out.empty()) {
      std::cerr << "--out に出力先を指定してください（例: medbcp kit --out /media/usb）。\n";
      throw ExitCode{2};
    }
    namespace fs = std::filesystem;
    if (flags->paper) {
      app::KitFile file = app::make_paper_kit(*ws, actor, now);
      fs::path out = flags->out;
      if (fs::is_directory(out)) out /= file.file_name;
      write_output_atomically(out.string(), file.bytes);
      std::cout << "紙のキットを作成しました: " << out.string() << "（キット "
                << file.id.substr(0, 8)
                << "）\n印刷して配布したら `medbcp kit --printed` で記録してください。\n";
      return;
    }
    fs::create_directories(flags->out);
    app::KitFile file = app::make_offline_kit(*ws, actor, now);
    const fs::path out = fs::path(flags->out) / file.file_name;
    write_output_atomically(out.string(), file.bytes);
    std::cout << "オフラインキットを作成しました: " << out.string() << "（キット "
              << file.id.substr(0, 8)
              << "）\nUSB メモリ等に保存し、ネットワークから切り離して保管してください。\n";
  });
}

}  // namespace medbcp::cli
