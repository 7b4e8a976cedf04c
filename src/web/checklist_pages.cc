#include "web/checklist_pages.h"

#include "app/checklist_output.h"
#include "app/checklist_service.h"
#include "app/checklist_vendor.h"
#include "core/text.h"
#include "core/wareki.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/record_form.h"

namespace medbcp::web {
namespace {

// A refused answer: which item, and what was typed.
struct Rejected {
  std::string item;
  FormState state;
};

std::vector<FieldSpec> answer_fields(const std::string& item) {
  std::vector<FieldSpec> f = {
      {"answer", "回答", FieldKind::Select, true},
      {"checked_on", "確認日", FieldKind::Date, false, "空欄なら今日"},
      {"target_on", "目標日（いいえのとき必須）", FieldKind::Date, false, "例：2027-03-31"},
      {"note", "備考", FieldKind::TextArea, false,
       "記録からの提案と違う回答なら、その理由も書きます"},
      {"evidence", "根拠", FieldKind::Text, false, "書類のファイル名、保管場所など"},
  };
  f[0].options = {{"yes", "はい"}, {"no", "いいえ"}};
  for (auto& spec : f) spec.id = "f-" + item + "-" + spec.key;
  return f;
}

void answer_badge(Html& h, const app::ChecklistRow& row) {
  if (row.not_applicable) {
    h.el("span", {{"class", "tag"}}, "対象外");
    return;
  }
  if (!row.effective) {
    h.el("span", {{"class", "tag tag--warn"}}, "未回答");
    return;
  }
  h.el("span", {{"class", *row.effective ? "tag tag--ok" : "tag tag--bad"}},
       *row.effective ? "はい" : "いいえ");
  h.text(" ");
  h.el("span", {{"class", "hint"}}, row.answered_by_person ? "回答" : "記録からの提案");
}

void item_block(RequestContext& ctx, Html& h, const app::ChecklistRow& row,
                const Rejected* rejected) {
  const std::string anchor = "checklist-" + row.item.id;
  h.open("li", {{"class", "check-item"}, {"id", anchor}});
  h.open("p", {{"class", "check-item__head"}});
  h.el("span", {{"class", "check-item__id"}}, row.item.id);
  h.text(" " + row.item.text);
  h.close("p");
  h.open("p", {{"class", "check-item__state"}});
  answer_badge(h, row);
  if (!row.item.target.empty()) h.el("span", {{"class", "check-item__target"}}, row.item.target);
  if (row.last_year) {
    h.el("span", {{"class", "hint"}},
         std::string("昨年度: ") + (row.last_year->yes ? "はい" : "いいえ"));
  }
  h.close("p");
  if (row.answer) {
    std::string line = "確認日 " + core::format_wareki(row.answer->checked_on);
    if (row.answer->target_on) line += "・目標日 " + core::format_wareki(*row.answer->target_on);
    line += "・" + row.answer->answered_by;
    if (!row.answer->note.empty()) line += "・" + row.answer->note;
    if (!row.answer->evidence.empty()) line += "・根拠: " + row.answer->evidence;
    h.el("p", {{"class", "check-item__answer"}}, line);
  }
  if (row.lapsed) {
    h.el("p", {{"class", "callout callout--warning"}},
         "「はい」と回答しましたが、記録ではいま満たしていません（根拠切れ）: " + row.proposal.why);
  }
  if (row.target_passed) h.el("p", {{"class", "tag tag--bad"}}, "目標日を過ぎています");
  if (!row.proposal.why.empty() && !row.lapsed) {
    h.open("p", {{"class", "hint"}});
    h.text(row.proposal.why);
    if (!row.proposal.link.empty()) {
      h.text(" ");
      h.el("a", {{"href", row.proposal.link}}, "記録を見る");
    }
    h.close("p");
  }
  if (ctx.can(app::Permission::EditPlan) && !row.not_applicable) {
    const bool open = rejected != nullptr && rejected->item == row.item.id;
    open_fold(h, {"checklist-form", "", row.item.id + " に回答する", open, true});
    FormState state;
    if (open) {
      state = rejected->state;
    } else {
      const std::optional<bool> start =
          row.answer ? std::optional(row.answer->yes) : row.proposal.answer;
      state.set("answer", start.value_or(true) ? "yes" : "no");
    }
    const auto specs = answer_fields(row.item.id);
    if (open) error_summary(h, state, specs);
    begin_form(h, ctx, "/checklist/items/" + row.item.id);
    for (const auto& s : specs) field(h, s, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "回答を記録");
    h.close("div");
    end_form(h);
    h.close("details");
  }
  h.close("li");
}

void bcp_table(Html& h, const app::ChecklistAssessment& a) {
  h.open("section", {{"class", "panel"}, {"id", "bcp"}, {"aria-labelledby", "bcp-title"}});
  h.el("h2", {{"id", "bcp-title"}}, "BCP確認表（サイバー攻撃を想定したBCP策定の確認表）");
  h.el("p", {{"class", "hint"}}, "確認表の各項目について、計画のどこに記載があるかを示します。");
  h.open("ul", {{"class", "check-list"}});
  for (const auto& row : a.bcp) {
    h.open("li", {{"class", "check-item"}, {"id", "bcp-" + row.item.id}});
    h.open("p", {{"class", "check-item__head"}});
    h.el("span", {{"class", "check-item__id"}}, row.item.id);
    h.text(" " + row.item.heading + "：" + row.item.text);
    h.close("p");
    h.open("p", {{"class", "check-item__state"}});
    if (!row.coverage.answer) {
      h.el("span", {{"class", "tag tag--warn"}}, "要確認");
    } else {
      h.el("span", {{"class", *row.coverage.answer ? "tag tag--ok" : "tag tag--bad"}},
           *row.coverage.answer ? "記載あり" : "記載なし");
    }
    h.close("p");
    h.open("p", {{"class", "hint"}});
    h.text(row.coverage.why);
    if (!row.coverage.link.empty()) {
      h.text(" ");
      h.el("a", {{"href", row.coverage.link}}, "計画を見る");
    }
    h.close("p");
    h.close("li");
  }
  h.close("ul");
  h.close("section");
}

// 事業者確認用: what each vendor answered this 年度, its sheet to send, and
// the form to read a returned one back.
void vendor_section(RequestContext& ctx, Html& h, const core::Problems* refused) {
  h.open("section", {{"class", "panel"}, {"id", "vendors"}, {"aria-labelledby", "vendors-title"}});
  h.el("h2", {{"id", "vendors-title"}}, "事業者確認用（事業者ごとのシート）");
  h.el("p", {{"class", "hint"}},
       "システムを運用する事業者に、管理・運用の項目を確認してもらいます。シートを送り、記入して"
       "返ってきたファイルを読み込みます。");
  if (refused != nullptr && !refused->empty()) {
    h.open("div", {{"class", "error-summary"},
                   {"role", "alert"},
                   {"tabindex", "-1"},
                   {"id", "error-summary"}});
    h.el("h2", "取り込みませんでした（何も保存していません）");
    h.open("ul");
    for (const auto& p : *refused) h.el("li", p.message);
    h.close("ul");
    h.close("div");
  }
  const auto statuses = app::vendor_statuses(ctx.ws, ctx.actor(), ctx.now().tokyo_date());
  if (statuses.empty()) {
    h.el("p", {{"class", "empty"}}, "別紙１に事業者（システム事業者・保守業者）がありません。");
  }
  h.open("ul", {{"class", "check-list"}});
  for (const auto& v : statuses) {
    h.open("li", {{"class", "check-item"}, {"id", "vendor-" + std::to_string(v.vendor_id)}});
    h.el("p", {{"class", "check-item__head"}}, v.vendor_name);
    h.open("p", {{"class", "check-item__state"}});
    if (v.answers.empty()) {
      h.el("span", {{"class", "tag tag--warn"}}, "未回収");
    } else {
      h.el("span", {{"class", "tag tag--ok"}},
           "回答 " + std::to_string(v.answers.size()) + " 項目");
      if (v.no > 0) h.el("span", {{"class", "tag tag--bad"}}, "いいえ " + std::to_string(v.no));
      h.el("span", {{"class", "hint"}}, "取込 " + v.imported_at->tokyo_text());
    }
    if (ctx.can(app::Permission::Export)) {
      const std::string base = "/checklist/vendors/" + std::to_string(v.vendor_id);
      h.el("a", {{"href", base + ".xlsx"}}, "シート（XLSX）");
      h.el("a", {{"href", base + ".pdf"}}, "印刷用（PDF）");
    }
    h.close("p");
    for (const auto& a : v.answers) {
      if (a.yes) continue;
      h.el("p", {{"class", "hint"}},
           a.item_id + " いいえ（目標日 " + (a.target_on ? a.target_on->iso() : std::string("—")) +
               "）" + (a.note.empty() ? "" : "：" + a.note));
    }
    h.close("li");
  }
  h.close("ul");
  if (ctx.can(app::Permission::EditPlan) && !statuses.empty()) {
    begin_upload_form(h, ctx, "/checklist/vendors");
    h.open("div", {{"class", "field"}});
    h.el("label", {{"for", "f-vendor-sheet"}}, "記入済みのシート（XLSX）");
    h.empty("input", {{"type", "file"},
                      {"id", "f-vendor-sheet"},
                      {"name", "sheet"},
                      {"accept", ".xlsx"},
                      {"required", ""}});
    h.close("div");
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "読み込む", "button button--secondary");
    h.close("div");
    end_form(h);
  }
  h.close("section");
}

void checklist_page(RequestContext& ctx, const Rejected* rejected,
                    const core::Problems* vendor_refused = nullptr) {
  const core::Date today = ctx.now().tokyo_date();
  const auto a = app::assess_checklist(ctx.ws, ctx.actor(), app::default_checklist(), today);
  Page page;
  page.title = "サイバーセキュリティ対策チェックリスト";
  page.nav = "checklist";
  page.crumbs = {{"ダッシュボード", "/"}};
  if (rejected != nullptr || vendor_refused != nullptr) page.status = 422;
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "厚生労働省「" + a.title + "」（" + a.edition + "）の" +
           core::fiscal_year_label(a.fiscal_year) +
           "の回答です。立入検査で確認されます。medbcp の記録で分かる項目は回答を提案します。");
  h.open("p", {{"class", "toolbar"}});
  h.el("span", {{"class", "tag tag--ok"}}, "はい " + std::to_string(a.yes));
  h.el("span", {{"class", "tag tag--bad"}}, "いいえ " + std::to_string(a.no));
  h.el("span", {{"class", "tag tag--warn"}}, "未回答 " + std::to_string(a.unanswered));
  if (a.lapsed > 0)
    h.el("span", {{"class", "tag tag--bad"}}, "根拠切れ " + std::to_string(a.lapsed));
  if (a.target_passed > 0)
    h.el("span", {{"class", "tag tag--bad"}}, "目標日超過 " + std::to_string(a.target_passed));
  h.close("p");
  if (ctx.can(app::Permission::Export)) {
    h.open("ul", {{"class", "downloads downloads--inline"}});
    h.open("li").el("a", {{"href", "/checklist.pdf"}}, "印刷用（PDF）").close("li");
    h.open("li").el("a", {{"href", "/checklist.xlsx"}}, "Excel（XLSX）").close("li");
    h.close("ul");
  }
  std::optional<std::string> section;  // the one whose list is open
  for (const auto& row : a.rows) {
    if (row.item.section != section) {
      if (section) h.close("ul").close("section");
      section = row.item.section;
      h.open("section", {{"class", "panel"}});
      h.el("h2", section->empty() ? "前提" : *section);
      h.open("ul", {{"class", "check-list"}});
    }
    item_block(ctx, h, row, rejected);
  }
  if (section) h.close("ul").close("section");
  vendor_section(ctx, h, vendor_refused);
  bcp_table(h, a);
  render_page(ctx, page);
}

void post_answer(RequestContext& ctx) {
  const std::string item = ctx.match(1);
  const auto specs = answer_fields(item);
  Rejected r{item, read_form(ctx, specs)};
  app::ChecklistAnswerRequest req;
  req.item_id = item;
  req.yes = r.state.value("answer") != "no";
  auto read_date = [&](const char* key) -> std::optional<core::Date> {
    if (core::trim(r.state.value(key)).empty()) return std::nullopt;
    auto d = parse_typed_date(r.state.value(key));
    if (!d) r.state.error(key, "日付を読めません（例：2027-03-31 または 令和9年3月31日）。");
    return d;
  };
  req.checked_on = read_date("checked_on");
  req.target_on = read_date("target_on");
  req.note = r.state.value("note");
  req.evidence = r.state.value("evidence");
  if (!r.state.has_errors()) {
    const auto problems = app::answer_checklist_item(ctx.ws, ctx.actor(), app::default_checklist(),
                                                     req, ctx.now().tokyo_date(), ctx.now());
    r.state.add_problems(problems, [](const core::Problem& p) {
      return p.field == "item" ? std::string() : p.field;
    });
  }
  if (r.state.has_errors()) {
    checklist_page(ctx, &r);
    return;
  }
  ctx.redirect("/checklist?notice=saved#checklist-" + item);
}

void post_vendor_sheet(RequestContext& ctx) {
  core::Problems problems;
  if (!ctx.request.has_file("sheet") || ctx.request.get_file_value("sheet").content.empty()) {
    problems.push_back({"file", 0, "ファイルを選んでください。"});
  } else {
    const auto r = app::import_vendor_sheet(ctx.ws, ctx.actor(), app::default_checklist(),
                                            ctx.request.get_file_value("sheet").content,
                                            ctx.now().tokyo_date(), ctx.now());
    problems = r.problems;
  }
  if (!problems.empty()) {
    checklist_page(ctx, nullptr, &problems);
    return;
  }
  ctx.redirect("/checklist?notice=imported_sheet#vendors");
}

// The vendor's sheet as XLSX (to fill in and send back) or PDF (to fill in
// by hand).
void vendor_download(RequestContext& ctx) {
  const std::int64_t id = ctx.id_match(1);
  const bool pdf = ctx.match(2) == "pdf";
  for (auto& sheet : app::vendor_sheets(ctx.ws, ctx.actor(), app::default_checklist(),
                                        ctx.now().tokyo_date(), id)) {
    ctx.response.set_header(
        "Content-Disposition",
        "attachment; filename=\"vendor-e" + std::to_string(id) + (pdf ? ".pdf" : ".xlsx") + "\"");
    if (pdf) {
      ctx.send(200, sheet.pdf, "application/pdf");
    } else {
      ctx.send(200, sheet.bytes,
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
    return;
  }
  render_error(ctx, 404, "見つかりません", "その事業者は別紙１にありません。");
}

void download(RequestContext& ctx, app::ChecklistFormat format) {
  const auto a =
      app::assess_checklist(ctx.ws, ctx.actor(), app::default_checklist(), ctx.now().tokyo_date());
  const bool pdf = format == app::ChecklistFormat::Pdf;
  const std::string name =
      std::string("checklist-") + std::to_string(a.fiscal_year) + (pdf ? ".pdf" : ".xlsx");
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  ctx.send(200, app::render_checklist(ctx.actor(), a, format),
           pdf ? "application/pdf"
               : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace

void register_checklist_routes(Router& router) {
  using app::Permission;
  router.add_nav(
      {"checklist", "チェックリスト", "/checklist", Permission::ReadPlan, 39, "日頃の備え"});
  router.get("/checklist", Permission::ReadPlan,
             [](RequestContext& ctx) { checklist_page(ctx, nullptr); });
  router.post("/checklist/items/([0-9-]+)", Permission::EditPlan, post_answer);
  router.post("/checklist/vendors", Permission::EditPlan, post_vendor_sheet);
  router.get("/checklist/vendors/([0-9]+)\\.(xlsx|pdf)", Permission::Export, vendor_download);
  router.get("/checklist.pdf", Permission::Export,
             [](RequestContext& ctx) { download(ctx, app::ChecklistFormat::Pdf); });
  router.get("/checklist.xlsx", Permission::Export,
             [](RequestContext& ctx) { download(ctx, app::ChecklistFormat::Xlsx); });
}

}  // namespace medbcp::web
