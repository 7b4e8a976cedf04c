#include "web/device_transfer_pages.h"

#include "app/device_import.h"
#include "app/plan_service.h"
#include "core/device_ledger_columns.h"
#include "web/data_table.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/section_pages.h"
#include "web/upload_stash.h"

namespace medbcp::web {
namespace {

using app::Permission;
using Kind = core::DeviceChangeKind;

constexpr const char* kImportUrl = "/plan/devices/import";

std::string device_label(const core::Device& d) { return d.asset_number + "「" + d.name + "」"; }

// 「行 3・列 導入日: …」 without the parts that do not apply.
std::string problem_text(const core::Problem& p) {
  std::string where;
  if (p.row > 0) where = "行 " + std::to_string(p.row);
  if (!p.field.empty()) where += (where.empty() ? "列 " : "・列 ") + p.field;
  return where.empty() ? p.message : where + ": " + p.message;
}

void problem_list(Html& h, const core::Problems& problems, const char* css) {
  h.open("ul", {{"class", css}});
  for (const auto& p : problems) h.el("li", problem_text(p));
  h.close("ul");
}

Page import_page_frame() {
  Page page;
  page.title = "情報機器台帳を取り込む";
  page.nav = "devices";
  page.crumbs = {{"ダッシュボード", "/"}, {"計画", "/plan"}, {"情報機器台帳", "/plan/devices"}};
  return page;
}

void upload_form(Html& h, RequestContext& ctx) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "upload-title"}});
  h.el("h2", {{"id", "upload-title"}}, "ファイルを選ぶ");
  h.el("p",
       "Excel で管理している台帳（別紙２）をそのまま取り込めます。CSV（UTF-8 または Excel の "
       "「CSV（コンマ区切り）」＝Shift_JIS）と XLSX に対応します。列は1行目の見出し（管理番号、"
       "機器名、種別、設置場所 …）で見分けるので、順番は問いません。");
  h.el("p",
       "まず変更内容を確かめ、そのあとで取り込みます。不備のある行が1つでもあれば何も変更しません。"
       "ファイルにない機器は台帳に残ります。");
  begin_upload_form(h, ctx, kImportUrl);
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", "f-ledger"}}, "台帳ファイル（.csv または .xlsx）");
  h.empty("input", {{"type", "file"},
                    {"id", "f-ledger"},
                    {"name", "ledger"},
                    {"accept", ".csv,.xlsx,text/csv"},
                    Attr::flag("required", true)});
  h.close("div");
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "変更内容を確認する");
  h.close("div");
  end_form(h);
  h.el(
      "p", {{"class", "hint"}},
      "今の台帳を書き出して（情報機器台帳のページの「Excel 用に書き出す」）、それを編集して取り込む"
      "のが確実です。");
  h.close("section");
}

void import_form_page(RequestContext& ctx) {
  Page page = import_page_frame();
  upload_form(page.body, ctx);
  render_page(ctx, page);
}

// What the import would do, row by row (or what it did).
void diff_table(Html& h, const app::DeviceImportResult& r) {
  const core::LedgerDiff& diff = r.diff;
  h.open("ul", {{"class", "summary-counts"}});
  h.el("li", "追加 " + std::to_string(diff.count(Kind::Added)) + " 件");
  h.el("li", "更新 " + std::to_string(diff.count(Kind::Updated)) + " 件");
  h.el("li", "変更なし " + std::to_string(diff.count(Kind::Unchanged)) + " 件");
  if (!diff.absent.empty()) {
    h.el("li",
         "ファイルにない機器 " + std::to_string(diff.absent.size()) + " 件（台帳に残します）");
  }
  h.close("ul");
  if (!diff.changes_anything()) return;
  open_data_table(h, "取り込みで変わる行", {"行", "変更", "機器", "内容"});
  for (const core::DeviceChange& change : diff.devices) {
    if (change.kind == Kind::Unchanged) continue;
    h.open("tr");
    h.el("td", std::to_string(change.row));
    if (change.kind == Kind::Added) {
      h.open("td").el("span", {{"class", "tag tag--ok"}}, "追加").close("td");
      const bool named = change.file_index < r.file.devices.size();
      h.el("td", named ? device_label(r.file.devices[change.file_index]) : "");
      h.el("td", "新しい機器");
    } else {
      h.open("td").el("span", {{"class", "tag tag--warn"}}, "更新").close("td");
      h.el("td", change.label);
      h.open("td");
      for (const core::FieldChange& field : change.changes) {
        h.el("p", std::string(core::device_header(field.field)) + ": 「" + field.before + "」→「" +
                      field.after + "」");
      }
      h.close("td");
    }
    h.close("tr");
  }
  close_data_table(h);
}

void preview(RequestContext& ctx) {
  Page page = import_page_frame();
  Html& h = page.body;
  if (!ctx.request.has_file("ledger") || ctx.request.get_file_value("ledger").content.empty()) {
    page.status = 422;
    h.el("p", {{"class", "status status--error"}, {"role", "alert"}},
         "台帳ファイル: ファイルを選んでください。");
    upload_form(h, ctx);
    render_page(ctx, page);
    return;
  }
  const auto& upload = ctx.request.get_file_value("ledger");
  const app::DeviceImportResult r = app::import_devices(ctx.ws, ctx.actor(), upload.content, true);
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "preview-title"}});
  h.el("h2", {{"id", "preview-title"}}, upload.filename + "（" + r.file.format + "）");
  if (!r.file.warnings.empty()) {
    h.el("p", {{"class", "status status--warn"}},
         "注意 " + std::to_string(r.file.warnings.size()) + " 件（取り込みはできます）:");
    problem_list(h, r.file.warnings, "problems");
  }
  if (!r.problems.empty()) {
    page.status = 422;
    h.el("p", {{"class", "status status--error"}, {"role", "alert"}},
         "取り込めません。台帳は変更していません。次の " + std::to_string(r.problems.size()) +
             " 件を直して、もう一度選んでください:");
    problem_list(h, r.problems, "problems");
    h.close("section");
    upload_form(h, ctx);
    render_page(ctx, page);
    return;
  }
  diff_table(h, r);
  if (!r.diff.changes_anything()) {
    h.el("p", {{"class", "status status--ok"}, {"role", "status"}},
         "台帳と同じ内容です。取り込む必要はありません。");
    h.close("section");
    render_page(ctx, page);
    return;
  }
  const std::string token =
      device_import_stash().put(ctx.actor().user.value, std::string(upload.content));
  begin_form(h, ctx, std::string(kImportUrl) + "/apply");
  h.empty("input", {{"type", "hidden"}, {"name", "upload"}, {"value", token}});
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "この内容で取り込む");
  h.el("a", {{"href", kImportUrl}, {"class", "button button--secondary"}}, "やめる");
  h.close("div");
  end_form(h);
  h.close("section");
  render_page(ctx, page);
}

void apply(RequestContext& ctx) {
  auto bytes = device_import_stash().take(ctx.actor().user.value, ctx.param("upload"));
  Page page = import_page_frame();
  Html& h = page.body;
  if (!bytes) {
    page.status = 410;
    h.el(
        "p", {{"class", "status status--error"}, {"role", "alert"}},
        "確認した内容の有効期限（30分）が切れたか、すでに取り込み済みです。もう一度ファイルを選んで"
        "ください。");
    upload_form(h, ctx);
    render_page(ctx, page);
    return;
  }
  // Checked again: the ledger may have changed since the preview.
  const app::DeviceImportResult r = app::import_devices(ctx.ws, ctx.actor(), *bytes, false);
  if (!r.problems.empty()) {
    page.status = 409;
    h.el("p", {{"class", "status status--error"}, {"role", "alert"}},
         "確認の後に台帳が変わったため、取り込めませんでした。台帳は変更していません:");
    problem_list(h, r.problems, "problems");
    upload_form(h, ctx);
    render_page(ctx, page);
    return;
  }
  ctx.redirect("/plan/devices?notice=imported");
}

void export_ledger(RequestContext& ctx, const std::string& extension) {
  const bool xlsx = extension == "xlsx";
  const bool cp932 = !xlsx && ctx.param("encoding") == "cp932";
  const app::DeviceExport out = app::export_devices(
      ctx.ws, ctx.actor(),
      xlsx ? app::DeviceExportFormat::Xlsx
           : (cp932 ? app::DeviceExportFormat::CsvCp932 : app::DeviceExportFormat::CsvUtf8));
  if (!out.problems.empty()) {
    Page page = import_page_frame();
    page.title = "情報機器台帳を書き出せません";
    page.status = 422;
    page.body.el("p", {{"class", "status status--error"}, {"role", "alert"}},
                 "Shift_JIS（CP932）で表せない文字があります。UTF-8 の CSV か XLSX で書き出すか、"
                 "次の項目を直してください:");
    problem_list(page.body, out.problems, "problems");
    render_page(ctx, page);
    return;
  }
  const std::string name = std::string("device-ledger") + (cp932 ? "-sjis" : "") + "." + extension;
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  ctx.send(200, out.bytes,
           xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : (cp932 ? "text/csv; charset=Shift_JIS" : "text/csv; charset=utf-8"));
}

}  // namespace

void device_transfer_links(const RequestContext& ctx, Html& h) {
  if (!ctx.can(Permission::Export)) return;
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "ledger-files"}});
  h.el("h2", {{"id", "ledger-files"}}, "Excel との受け渡し");
  h.open("ul", {{"class", "downloads"}});
  h.open("li")
      .el("a", {{"href", "/plan/devices/export.xlsx"}}, "Excel 用に書き出す（XLSX）")
      .close("li");
  h.open("li")
      .el("a", {{"href", "/plan/devices/export.csv?encoding=cp932"}},
          "CSV（Shift_JIS・Excel の既定）で書き出す")
      .close("li");
  h.open("li")
      .el("a", {{"href", "/plan/devices/export.csv"}}, "CSV（UTF-8・BOM 付き）で書き出す")
      .close("li");
  if (ctx.can(Permission::EditPlan)) {
    h.open("li").el("a", {{"href", kImportUrl}}, "Excel の台帳を取り込む").close("li");
  }
  h.close("ul");
  h.close("section");
}

void register_device_transfer_routes(Router& router) {
  router.get(kImportUrl, Permission::EditPlan, import_form_page);
  router.post(kImportUrl, Permission::EditPlan, preview);
  router.post(std::string(kImportUrl) + "/apply", Permission::EditPlan, apply);
  router.get(R"(/plan/devices/export\.(csv|xlsx))", Permission::Export,
             [](RequestContext& ctx) { export_ledger(ctx, ctx.match(1)); });
}

}  // namespace medbcp::web
