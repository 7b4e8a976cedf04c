#include "cli/incident_import_command.h"

#include <iostream>

#include "app/offline_import.h"
#include "cli/open_workspace.h"
#include "cli/output.h"

namespace medbcp::cli {

void add_incident_import_command(CLI::App& incident, GlobalOptions& options) {
  struct Flags {
    std::string file;
    std::int64_t incident = 0;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = incident.add_subcommand(
      "import",
      "オフラインキットの記録（JSON）をインシデントに取り込む（二度取り込んでも重複しない）");
  cmd->add_option("FILE", flags->file, "オフラインキットで書き出した記録ファイル（- で標準入力）")
      ->required();
  cmd->add_option("--incident", flags->incident,
                  "取り込み先のインシデント番号（既定: 取り込み済みの記録があるインシデント、"
                  "なければ記録の発見・報告から新規作成）");
  cmd->callback([&options, flags] {
    const std::string text = read_input(flags->file);
    auto ws = open_workspace(options);
    std::optional<core::IncidentId> into;
    if (flags->incident > 0) into = core::IncidentId(flags->incident);
    const app::OfflineImportResult r =
        app::import_offline_log(*ws, terminal_actor(options), text, into, core::Instant::now());
    if (!r.problems.empty()) {
      std::cerr << "取り込めません（何も変更していません）:\n";
      print_problems(std::cerr, r.problems);
      throw ExitCode{1};
    }
    for (const auto& notice : r.notices) std::cout << "注意: " << notice << "\n";
    if (r.seal == app::OfflineSeal::Verified) {
      std::cout << "キットの封印: " << app::label(r.seal) << "\n";
    }
    std::cout << "インシデント " << r.incident.value << (r.created ? "（新規作成）" : "") << " に "
              << r.added << " 件を取り込みました。取り込み済みだった記録: " << r.already_present
              << " 件。\n";
    if (r.added > 0)
      std::cout << "`medbcp incident verify " << r.incident.value << "` で時系列を検証できます。\n";
  });
}

}  // namespace medbcp::cli
