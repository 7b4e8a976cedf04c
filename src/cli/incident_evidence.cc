// `medbcp incident evidence ID`: an item of evidence (証拠保全), with its file hashed.
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
void add_incident_evidence(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, item, device, location, holder, file, at;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "evidence", "保全した証拠を登録する（ファイルを指定すると SHA-256 を計算して記録）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--item", f->item, "保全したもの（ディスクイメージ、ログ、脅迫文の写真 など）");
  cmd->add_option("--device", f->device, "元の機器（管理番号）");
  cmd->add_option("--location", f->location, "保管場所");
  cmd->add_option("--holder", f->holder, "保管者");
  cmd->add_option("--file", f->file, "証拠のファイル（大きなファイルも可）");
  cmd->add_option("--at", f->at, "保全した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      ask_if_empty(f->item, "保全したもの");
      ask_if_empty(f->location, "保管場所");
      ask_if_empty(f->holder, "保管者");
      core::EvidenceItem item;
      item.item = f->item;
      item.location = f->location;
      item.holder = f->holder;
      if (!f->device.empty()) {
        const core::Plan plan = app::has_plan(*s.ws) ? app::load_plan(*s.ws) : core::Plan{};
        auto device = find_device(plan, f->device);
        if (!device) usage_error("機器「" + f->device + "」は情報機器台帳にありません。");
        item.device = device;
      }
      if (!f->file.empty()) std::cout << "SHA-256 を計算しています: " << f->file << "\n";
      auto r = app::add_evidence(*s.ws, s.actor, id, item,
                                 f->file.empty() ? std::nullopt : std::optional(f->file),
                                 optional_time(f->at, s.now), s.now);
      report_appended(r);
      if (auto stored = core::read_evidence(r.entry->payload)) {
        std::cout << "証拠番号: " << stored->evidence_id << "\n";
      }
      std::cout << "※ " << core::kDoNotInitialiseReminder << "\n";
    });
  });
}

}  // namespace medbcp::cli::incident
