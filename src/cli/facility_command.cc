#include "cli/facility_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/actor.h"
#include "app/facilities.h"
#include "app/workspace.h"

namespace medbcp::cli {

void add_facility_command(CLI::App& root, GlobalOptions& options) {
  auto* facility = root.add_subcommand(
      "facility", "施設を追加・一覧する（医師会などで複数の施設を1つの PostgreSQL で扱うとき）");
  facility->require_subcommand(1);

  struct AddFlags {
    std::string code;
    std::string name;
  };
  auto add = std::make_shared<AddFlags>();
  auto* add_cmd = facility->add_subcommand(
      "add", "施設を追加し、ひな形から計画を作る（init と同じ。PostgreSQL のみ）");
  add_cmd->add_option("CODE", add->code, "施設コード（半角の英小文字・数字・「-」、32文字まで）")
      ->required();
  add_cmd->add_option("--name", add->name, "施設名（例: あおば内科クリニック）")->required();
  add_cmd->callback([&options, add] {
    const std::string db = app::resolve_db_path(options.db_flag);
    app::add_facility(db, app::cli_actor(), add->code, add->name, core::Instant::now());
    std::cout << "施設「" << add->name << "」（施設コード " << add->code
              << "）を追加し、ひな形から計画を作りました。\n"
              << "最初の管理者を作るには: medbcp --facility-code " << add->code
              << " user add --name 名前 --role admin\n";
  });

  auto json = std::make_shared<bool>(false);
  auto* list_cmd = facility->add_subcommand("list", "施設の一覧");
  list_cmd->add_flag("--json", *json, "JSON で出力する（code, name, created_at）");
  list_cmd->callback([&options, json] {
    const auto facilities = app::list_facilities(app::resolve_db_path(options.db_flag));
    if (*json) {
      auto out = nlohmann::json::array();
      for (const auto& f : facilities) {
        out.push_back(
            {{"code", f.code},
             {"name", f.name},
             {"created_at", f.created_at.seconds == 0 ? nlohmann::json(nullptr)
                                                      : nlohmann::json(f.created_at.iso_utc())}});
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (facilities.empty()) {
      std::cout << "施設はまだありません（medbcp init、または medbcp facility add）。\n";
      return;
    }
    for (const auto& f : facilities) {
      std::cout << (f.code.empty() ? "（このファイル）" : f.code) << "\t" << f.name << "\n";
    }
  });
}

}  // namespace medbcp::cli
