// `medbcp incident notice`: what the incident must send out — the list of
// notices it calls for, the report items the 責任者 answers, each notice
// made from its template, and the record that it was filed or posted.
#include <iostream>

#include "app/notices.h"
#include "cli/incident_prompts.h"
#include "cli/incident_subcommands.h"
#include "cli/output.h"
#include "core/text.h"

namespace medbcp::cli::incident {
namespace {

void print_statuses(const app::IncidentView& view, Instant now, const std::string& dir) {
  std::cout << "■ 届出・お知らせ（No." << view.incident.id.value << "）\n";
  for (const auto& s : app::notice_statuses(view, now, dir)) {
    std::cout << "  " << (s.issued ? "[済]" : (s.due ? "[要]" : "[　]")) << " "
              << core::code(s.kind) << "  " << core::label(s.kind);
    if (s.issued) std::cout << "（" << when(s.issued->at) << " " << s.issued->action << "）";
    if (!s.missing.empty()) std::cout << "  未記入 " << s.missing.size() << " 件";
    std::cout << "\n";
  }
  const auto answers = core::report_answers(view.timeline);
  std::cout << "■ 報告事項（--answer KEY=内容 で記録）\n";
  for (const auto& item : core::report_items()) {
    auto it = answers.find(item.key);
    std::cout << "  " << item.key << "  " << item.label << ": "
              << (it == answers.end() ? "（未記入）" : it->second) << "\n";
  }
}

}  // namespace

void add_incident_notice(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, kind, format = "pdf", out, issued, at, dir;
    std::vector<std::string> answers;
    bool draft = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "notice", "届出・お知らせ（個人情報保護委員会への報告、本人通知、休診のお知らせ など）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--kind", f->kind,
                  "種類: ppc-prompt / ppc-final / person / public / door / web / phone / police / "
                  "insurer（省略時は一覧）");
  cmd->add_option("--format", f->format, "形式: pdf / docx / html / txt")
      ->check(CLI::IsMember({"pdf", "docx", "html", "txt"}));
  cmd->add_option("--out", f->out, "出力ファイル（既定: incident-番号-種類.形式）");
  cmd->add_flag("--draft", f->draft, "未記入の項目があっても下書きとして作る");
  cmd->add_option("--answer", f->answers,
                  "報告事項を記録する「KEY=内容」（複数可。KEY は一覧を参照）");
  cmd->add_option("--issued", f->issued,
                  "この種類を提出・送付・掲示・公開したことを記録する（例 --issued 提出した）");
  cmd->add_option("--at", f->at, "提出・掲示した日時（省略時は今）");
  cmd->add_option("--notices", f->dir, "ひな形を置き換えるフォルダ（種類.txt）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      for (const auto& answer : f->answers) {
        const auto eq = answer.find('=');
        if (eq == std::string::npos) usage_error("--answer は「KEY=内容」の形で書いてください。");
        report_appended(app::answer_report_item(
            *s.ws, s.actor, id, core::trim(answer.substr(0, eq)), answer.substr(eq + 1), s.now));
      }
      std::optional<core::NoticeKind> kind;
      if (!f->kind.empty()) {
        kind = core::notice_kind_from_code(f->kind);
        if (!kind) usage_error("届出・お知らせの種類「" + f->kind + "」が分かりません。");
      }
      if (!f->issued.empty()) {
        if (!kind) usage_error("--issued には --kind が必要です。");
        report_appended(app::record_notice_issued(*s.ws, s.actor, id, *kind, f->issued,
                                                  optional_time(f->at, s.now), s.now));
        return;
      }
      if (!kind) {
        if (f->answers.empty()) {
          print_statuses(app::load_incident_view(*s.ws, s.actor, id, s.now), s.now, f->dir);
        }
        return;
      }
      const auto file =
          app::make_notice(*s.ws, s.actor, id, *kind, *app::notice_format_from_code(f->format),
                           f->draft, s.now, f->dir);
      if (!file.problems.empty()) {
        std::cerr << core::label(*kind) << "に必要なことがまだ記録されていません:\n";
        print_messages(std::cerr, file.problems);
        std::cerr << "下書きとして作るときは --draft を付けてください。\n";
        throw ExitCode{1};
      }
      const std::string out = f->out.empty() ? file.name : f->out;
      write_output_atomically(out, file.bytes);
      if (out != "-") {
        std::cout << core::label(*kind) << "を書き出しました: " << out
                  << "\n提出・掲示したら: medbcp incident notice " << id.value << " --kind "
                  << core::code(*kind) << " --issued 提出した\n";
      }
    });
  });
}

void add_incident_cost(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, category = "other", note;
    std::int64_t amount = 0;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("cost", "費用を記録する（サイバー保険の請求資料に載る）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--category", f->category,
                  "種類: vendor（業者の作業費）/ equipment（機器）/ overtime（時間外勤務）/ "
                  "lost_revenue（減収の見込み）/ other")
      ->check(CLI::IsMember({"vendor", "equipment", "overtime", "lost_revenue", "other"}));
  cmd->add_option("--amount", f->amount, "金額（円）")->required();
  cmd->add_option("--note", f->note, "内容（業者名、作業、時間 など）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      core::CostItem item;
      item.category = *core::cost_category_from_code(f->category);
      item.amount = f->amount;
      item.note = f->note;
      report_appended(app::record_cost(*s.ws, s.actor, parse_incident_id(f->id), item, s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
