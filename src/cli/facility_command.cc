#include "cli/facility_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/actor.h"
#include "app/association_overview.h"
#include "app/audit.h"
#include "app/facilities.h"
#include "app/facility_directory.h"
#include "app/workspace.h"

namespace medbcp::cli {
namespace {

nlohmann::json readiness_json(const core::FacilityReadiness& r) {
  auto optional_date = [](const std::optional<core::Date>& d) {
    return d ? nlohmann::json(d->iso()) : nlohmann::json(nullptr);
  };
  return {{"code", r.code},
          {"name", r.name},
          {"has_plan", r.has_plan},
          {"gaps", r.gaps},
          {"overdue", r.overdue},
          {"due_soon", r.due_soon},
          {"edition", r.edition ? nlohmann::json(*r.edition) : nlohmann::json(nullptr)},
          {"published_on", optional_date(r.published_on)},
          {"acknowledged", r.acknowledged},
          {"accounts", r.accounts},
          {"kit", core::code(r.kit)},
          {"open_incidents", r.open_incidents},
          {"open_since",
           r.open_since ? nlohmann::json(r.open_since->iso_utc()) : nlohmann::json(nullptr)},
          {"checklist",
           {{"yes", r.checklist_yes},
            {"no", r.checklist_no},
            {"unanswered", r.checklist_unanswered},
            {"lapsed", r.checklist_lapsed},
            {"target_passed", r.checklist_target_passed}}},
          {"last_drill", optional_date(r.last_drill)},
          {"computed_on", r.computed_on.iso()}};
}

void print_overview(const std::vector<core::FacilityReadiness>& rows) {
  std::cout << "施設コード\t施設名\t不備\t要対応\t期限間近\t版\t確認\tキット\t最後の訓練\t"
               "対応中のインシデント\n";
  for (const auto& r : rows) {
    std::cout << (r.code.empty() ? "-" : r.code) << "\t" << r.name << "\t";
    if (!r.has_plan) {
      std::cout << "計画なし\n";
      continue;
    }
    std::cout << r.gaps << "\t" << r.overdue << "\t" << r.due_soon << "\t"
              << (r.edition ? std::string("第").append(std::to_string(*r.edition)).append("版")
                            : std::string("未発行"))
              << "\t" << r.acknowledged << "/" << r.accounts << "\t" << core::label(r.kit) << "\t"
              << (r.last_drill ? r.last_drill->iso() : std::string("なし")) << "\t"
              << r.open_incidents;
    if (r.open_since) std::cout << "（" << r.open_since->tokyo_text() << " から）";
    std::cout << "\n";
  }
}

}  // namespace

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
    const app::Actor actor = terminal_actor(options);
    app::add_facility(db, actor, add->code, add->name, core::Instant::now());
    // In the association's log as the web's 施設を追加 is: who made it, when.
    app::audit(app::FacilityDirectory::for_association(db)->home(), actor,
               app::audit_action::kFacilityAdd, add->code, add->name + "（コマンドから）");
    std::cout << "施設「" << add->name << "」（施設コード " << add->code
              << "）を追加し、ひな形から計画を作りました。\n"
              << "最初の管理者を作るには: medbcp --facility-code " << add->code
              << " user add --name 名前 --role admin\n";
  });

  auto overview_json = std::make_shared<bool>(false);
  auto* overview_cmd = facility->add_subcommand(
      "overview", "全施設の備えの状況（不備・点検・版と確認・キット・対応中のインシデントの件数）");
  overview_cmd->add_flag("--json", *overview_json, "JSON で出力する");
  overview_cmd->callback([&options, overview_json] {
    const auto rows = app::association_overview(app::resolve_db_path(options.db_flag),
                                                core::Instant::now().tokyo_date());
    if (*overview_json) {
      auto out = nlohmann::json::array();
      for (const auto& r : rows) out.push_back(readiness_json(r));
      std::cout << out.dump(2) << "\n";
      return;
    }
    print_overview(rows);
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
