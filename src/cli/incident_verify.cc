// `medbcp incident verify ID`: checks the timeline's hash chain (and an expected final hash).
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
#include "core/text.h"

namespace medbcp::cli::incident {
void add_incident_verify(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id;
    std::vector<std::string> expect;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "verify", "時系列の改ざん検知チェーンを検証する（終了コード 0: 正常、1: 不整合あり）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--expect", f->expect,
                  "報告書などに控えたハッシュ（複数可）。チェーンに含まれているかを確かめる");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto report = app::verify_incident(*s.ws, s.actor, id, f->expect);
      if (report.ok()) {
        std::cout << "インシデント No." << id.value << " の時系列 " << report.entries
                  << " 件を検証しました。改ざん・削除・並べ替え・挿入は見つかりませんでした。\n"
                  << "最終ハッシュ: " << report.head_hash << "\n";
        return;
      }
      std::cout << "インシデント No." << id.value << " の時系列に不整合があります（"
                << report.breaks.size() << " 件）:\n";
      for (const auto& b : report.breaks) {
        std::cout << "  No." << b.seq;
        if (!b.entry_id.empty()) std::cout << "（記録ID " << b.entry_id << "）";
        std::cout << " " << core::label(b.kind) << ": " << b.message << "\n";
      }
      throw ExitCode{1};
    });
  });
}

}  // namespace medbcp::cli::incident
