// `medbcp checklist`: MHLW's cybersecurity checklist for the 立入検査 — show
// each item with medbcp's proposal and the answer given this 年度, answer an
// item, and print the sheet (PDF or XLSX). `--checklist FILE` reads another
// edition, as `render --template` reads another plan template.
#include "cli/checklist_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "app/checklist_output.h"
#include "app/checklist_service.h"
#include "app/checklist_vendor.h"
#include "cli/output.h"
#include "cli/upkeep_options.h"
#include "core/text.h"
#include "core/wareki.h"

namespace medbcp::cli {
namespace {

struct ChecklistFlags {
  std::string checklist_path;
  std::string today;
};

core::Checklist load_checklist(const ChecklistFlags& flags) {
  if (flags.checklist_path.empty()) return app::default_checklist();
  auto parsed = app::read_checklist_file(flags.checklist_path);
  if (!parsed.problems.empty()) refuse("チェックリストのファイルを読めません:", parsed.problems);
  return std::move(parsed.checklist);
}

const char* answer_word(const app::ChecklistRow& row) {
  if (row.not_applicable) return "対象外";
  if (!row.effective) return "未回答";
  return *row.effective ? "はい" : "いいえ";
}

void print_assessment(const app::ChecklistAssessment& a) {
  std::cout << a.title << "（" << a.edition << "）" << core::fiscal_year_label(a.fiscal_year)
            << "\n  はい " << a.yes << "・いいえ " << a.no << "・未回答 " << a.unanswered;
  if (a.lapsed > 0) std::cout << "・根拠切れ " << a.lapsed;
  if (a.target_passed > 0) std::cout << "・目標日超過 " << a.target_passed;
  std::cout << "\n";
  std::string section;
  for (const auto& row : a.rows) {
    if (row.item.section != section && !row.item.section.empty()) {
      section = row.item.section;
      std::cout << "■ " << section << "\n";
    }
    std::cout << "  " << row.item.id << " [" << answer_word(row) << "]"
              << (row.answered_by_person ? "" : (row.effective ? "（記録から）" : "")) << " "
              << row.item.text << "\n";
    if (row.answer) {
      std::cout << "      確認日 " << row.answer->checked_on.iso();
      if (row.answer->target_on) std::cout << "・目標日 " << row.answer->target_on->iso();
      std::cout << "・" << row.answer->answered_by;
      if (!row.answer->note.empty()) std::cout << "・" << row.answer->note;
      std::cout << "\n";
    }
    if (row.lapsed) std::cout << "      ！根拠切れ: " << row.proposal.why << "\n";
    if (row.target_passed) std::cout << "      ！目標日を過ぎています\n";
    if (!row.answered_by_person && !row.proposal.why.empty())
      std::cout << "      " << row.proposal.why << "\n";
  }
  std::cout << "■ BCP確認表\n";
  for (const auto& row : a.bcp) {
    const char* state =
        !row.coverage.answer ? "要確認" : (*row.coverage.answer ? "記載あり" : "記載なし");
    std::cout << "  " << row.item.id << " [" << state << "] " << row.item.text << "\n";
  }
}

std::optional<core::Date> optional_date(const std::string& text, const char* option) {
  if (core::trim(text).empty()) return std::nullopt;
  return parse_date_or_today(text, option);
}

}  // namespace

void add_checklist_command(CLI::App& root, GlobalOptions& options) {
  auto flags = std::make_shared<ChecklistFlags>();
  auto* parent = root.add_subcommand(
      "checklist", "厚生労働省のサイバーセキュリティ対策チェックリスト（立入検査用）");
  parent->require_subcommand(1);
  parent->add_option("--checklist", flags->checklist_path,
                     "チェックリストのファイル（既定: medbcp に組み込みの最新の年度版）");
  parent->add_option("--today", flags->today, "基準日（既定: 今日、日本時間）");

  auto json = std::make_shared<bool>(false);
  auto year = std::make_shared<int>(0);
  auto* show = parent->add_subcommand("show", "各項目の回答と、記録からの提案を表示する");
  show->add_flag("--json", *json, "JSON で出力する");
  show->add_option("--year", *year, "年度（西暦の開始年、例 2026。既定: 今年度）");
  show->callback([&options, flags, json, year] {
    const core::Date today = parse_date_or_today(flags->today, "--today");
    const auto checklist = load_checklist(*flags);
    auto ws = open_workspace(options);
    const auto a = app::assess_checklist(*ws, terminal_actor(options), checklist, today,
                                         *year > 0 ? std::optional<int>(*year) : std::nullopt);
    if (*json) {
      std::cout << app::checklist_json(a) << "\n";
    } else {
      print_assessment(a);
    }
  });

  struct AnswerFlags {
    std::string id, date, target, note, evidence;
    bool yes = false, no = false;
  };
  auto af = std::make_shared<AnswerFlags>();
  auto* answer = parent->add_subcommand("answer", "項目に回答する（いいえには目標日が必要）");
  answer->add_option("ID", af->id, "項目の番号（例 2-7）")->required();
  answer->add_flag("--yes", af->yes, "はい");
  answer->add_flag("--no", af->no, "いいえ");
  answer->add_option("--date", af->date, "確認日（既定: 今日）");
  answer->add_option("--target", af->target, "目標日（いいえのとき必須）");
  answer->add_option("--note", af->note, "備考（記録からの提案と違う回答なら、その理由）");
  answer->add_option("--evidence", af->evidence, "根拠（書類のファイル名など）");
  answer->callback([&options, flags, af] {
    if (af->yes == af->no) usage_error("--yes か --no のどちらか一つを指定してください。");
    const core::Date today = parse_date_or_today(flags->today, "--today");
    const auto checklist = load_checklist(*flags);
    auto ws = open_workspace(options);
    app::ChecklistAnswerRequest r;
    r.item_id = af->id;
    r.yes = af->yes;
    r.checked_on = optional_date(af->date, "--date");
    r.target_on = optional_date(af->target, "--target");
    r.note = af->note;
    r.evidence = af->evidence;
    const auto problems = app::answer_checklist_item(*ws, terminal_actor(options), checklist, r,
                                                     today, core::Instant::now());
    if (!problems.empty()) refuse("記録しませんでした。", problems);
    std::cout << "記録しました: " << core::trim(core::nfkc(af->id)) << " "
              << (af->yes ? "はい" : "いいえ") << "（確認日 " << r.checked_on.value_or(today).iso();
    if (af->no) std::cout << "・目標日 " << r.target_on->iso();
    std::cout << "）\n";
  });

  // 事業者確認用: `vendor --out DIR` writes one sheet per vendor;
  // `vendor import FILE` reads one back.
  struct VendorFlags {
    std::string out, file;
  };
  auto vf = std::make_shared<VendorFlags>();
  auto* vendor = parent->add_subcommand(
      "vendor", "事業者確認用のシートを事業者ごとに書き出す（vendor import で読み込む）");
  vendor->add_option("--out", vf->out, "書き出すフォルダ");
  auto* vendor_import =
      vendor->add_subcommand("import", "事業者が記入した事業者確認用のシートを読み込む");
  vendor_import->add_option("FILE", vf->file, "事業者確認用の XLSX ファイル")->required();
  vendor_import->callback([&options, flags, vf] {
    const core::Date today = parse_date_or_today(flags->today, "--today");
    const auto checklist = load_checklist(*flags);
    auto ws = open_workspace(options);
    const auto r = app::import_vendor_sheet(*ws, terminal_actor(options), checklist,
                                            read_input(vf->file), today, core::Instant::now());
    if (!r.problems.empty()) refuse("取り込みませんでした（何も保存していません）。", r.problems);
    std::cout << r.vendor_name << " の回答 " << r.answered << " 件を取り込みました。\n";
  });
  vendor->callback([&options, flags, vf, vendor_import] {
    if (vendor_import->parsed()) return;  // the import ran
    if (vf->out.empty()) usage_error("書き出すフォルダを --out で指定してください。");
    const core::Date today = parse_date_or_today(flags->today, "--today");
    const auto checklist = load_checklist(*flags);
    auto ws = open_workspace(options);
    std::filesystem::create_directories(vf->out);
    const auto sheets = app::vendor_sheets(*ws, terminal_actor(options), checklist, today);
    if (sheets.empty()) usage_error("別紙１に事業者（システム事業者・保守業者）がありません。");
    for (const auto& sheet : sheets) {
      const auto path = (std::filesystem::path(vf->out) / sheet.file_name).string();
      const auto pdf_path = (std::filesystem::path(vf->out) / sheet.pdf_name).string();
      write_output_atomically(path, sheet.bytes);
      write_output_atomically(pdf_path, sheet.pdf);
      std::cout << path << "、" << pdf_path << "（" << sheet.vendor_name << "）\n";
    }
  });

  struct RenderFlags {
    std::string format = "pdf", out;
  };
  auto rf = std::make_shared<RenderFlags>();
  auto* render = parent->add_subcommand("render", "立入検査用のチェックリストを書き出す");
  render->add_option("--format", rf->format, "pdf または xlsx")
      ->check(CLI::IsMember({"pdf", "xlsx"}));
  render->add_option("--out", rf->out, "出力先のファイル")->required();
  render->callback([&options, flags, rf] {
    const core::Date today = parse_date_or_today(flags->today, "--today");
    const auto checklist = load_checklist(*flags);
    auto ws = open_workspace(options);
    const auto a = app::assess_checklist(*ws, terminal_actor(options), checklist, today);
    write_output_atomically(
        rf->out, app::render_checklist(terminal_actor(options), a,
                                       rf->format == "xlsx" ? app::ChecklistFormat::Xlsx
                                                            : app::ChecklistFormat::Pdf));
    std::cout << "書き出しました: " << rf->out << "（" << core::fiscal_year_label(a.fiscal_year)
              << "、" << a.edition << "）\n";
  });
}

}  // namespace medbcp::cli
