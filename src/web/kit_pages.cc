#include "web/kit_pages.h"

#include <charconv>

#include "app/kit.h"
#include "app/offline_import.h"
#include "web/form.h"
#include "web/layout.h"

namespace medbcp::web {
namespace {

void freshness_panel(Html& h, const app::KitFreshness& f) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "kit-status"}});
  h.el("h2", {{"id", "kit-status"}}, "キットは最新の計画ですか");
  h.open("ul");
  h.el("li", f.offline_summary);
  h.el("li", f.printed_summary);
  h.close("ul");
  if (f.warnings.empty()) {
    h.el("p", {{"class", "status status--ok"}},
         "オフラインキットも印刷した紙のキットも、いまの計画と同じです。");
  }
  for (const auto& w : f.warnings) h.el("p", {{"class", "status status--warn"}}, w);
  h.close("section");
}

void download_panels(RequestContext& ctx, Html& h) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "kit-offline"}});
  h.el("h2", {{"id", "kit-offline"}}, "オフラインキット");
  h.el("p",
       "計画・連絡先（電話をかけられるリンク付き）・初動対応カード・対応手順・代替運用と、"
       "ネットワークなしで使える記録用の画面をひとつの HTML ファイルにまとめます。"
       "USB メモリ等に保存し、ネットワークから切り離して保管してください。");
  begin_form(h, ctx, "/kit/offline");
  submit_button(h, "オフラインキットをダウンロード");
  end_form(h);
  h.close("section");

  h.open("section", {{"class", "panel"}, {"aria-labelledby", "kit-paper"}});
  h.el("h2", {{"id", "kit-paper"}}, "紙のキット");
  h.el("p",
       "計画書（別紙１・別紙２を含む）、職員ごとの初動対応カード、手書きの様式（発見・報告書、"
       "時系列記録用紙、連絡記録、棚卸し記録用紙、代替運用の様式）をひとつの PDF にします。");
  begin_form(h, ctx, "/kit/paper");
  submit_button(h, "紙のキット（PDF）をダウンロード");
  end_form(h);
  begin_form(h, ctx, "/kit/printed");
  submit_button(h, "紙のキットを印刷して配布した", "button button--secondary");
  end_form(h);
  h.close("section");
}

void import_panel(RequestContext& ctx, Html& h) {
  if (!ctx.can(app::Permission::ReportIncident)) return;
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "kit-import"}});
  h.el("h2", {{"id", "kit-import"}}, "オフライン記録の取り込み");
  h.el("p",
       "オフラインキットで「記録を書き出す」をしたファイルを取り込みます。同じファイルを"
       "二度取り込んでも記録は重複しません。書き出した後に編集されたファイルは取り込めません。");
  begin_upload_form(h, ctx, "/kit/import");
  h.el("label", {{"for", "kit-log"}}, "記録ファイル（JSON）");
  h.empty("input", {{"type", "file"},
                    {"id", "kit-log"},
                    {"name", "log"},
                    {"accept", ".json,application/json"},
                    Attr::flag("required", true)});
  h.el("label", {{"for", "kit-incident"}}, "取り込み先のインシデント番号（空欄なら自動）");
  h.empty(
      "input",
      {{"type", "text"}, {"id", "kit-incident"}, {"name", "incident"}, {"inputmode", "numeric"}});
  submit_button(h, "取り込む");
  h.close("form");
  h.close("section");
}

void kit_page(RequestContext& ctx, const Html& result = {}, int status = 200) {
  Page page;
  page.status = status;
  page.title = "オフラインキット・紙のキット";
  page.nav = "kit";
  page.crumbs.push_back({"ダッシュボード", "/"});
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "サイバー攻撃でサーバやネットワークが使えなくなっても、計画・連絡先・初動対応が手元に"
       "あるように、USB メモリと紙にキットを用意します。");
  h.append(result);
  freshness_panel(h, app::kit_freshness(ctx.ws));
  download_panels(ctx, h);
  import_panel(ctx, h);
  render_page(ctx, page);
}

void send_attachment(RequestContext& ctx, const app::KitFile& file, const char* type) {
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
  ctx.send(200, file.bytes, type);
}

std::string file_field(const httplib::Request& req, const char* name) {
  if (!req.has_file(name)) return {};
  return req.get_file_value(name).content;
}

void import_log(RequestContext& ctx) {
  const std::string text = file_field(ctx.request, "log");
  std::string incident_text =
      ctx.request.has_file("incident") ? ctx.request.get_file_value("incident").content : "";
  std::optional<core::IncidentId> into;
  Html result;
  if (!incident_text.empty()) {
    std::int64_t n = 0;
    auto [ptr, ec] =
        std::from_chars(incident_text.data(), incident_text.data() + incident_text.size(), n);
    if (ec != std::errc() || ptr != incident_text.data() + incident_text.size() || n <= 0) {
      result.el("p", {{"class", "status status--error"}, {"role", "alert"}},
                "インシデント番号は数字で入力してください。");
      kit_page(ctx, result, 422);
      return;
    }
    into = core::IncidentId(n);
  }
  const app::OfflineImportResult r =
      app::import_offline_log(ctx.ws, ctx.actor(), text, into, ctx.now());
  result.open("section", {{"class", "panel"}, {"role", r.problems.empty() ? "status" : "alert"}});
  if (!r.problems.empty()) {
    result.el("h2", "取り込めませんでした（何も変更していません）");
    result.open("ul", {{"class", "problems"}});
    for (const auto& p : r.problems) {
      result.el("li", (p.field.empty() ? std::string() : p.field + ": ") + p.message);
    }
    result.close("ul");
  } else {
    result.el("h2", "取り込みました");
    result.el("p", "インシデント " + std::to_string(r.incident.value) +
                       (r.created ? "（新規作成）" : "") + " に " + std::to_string(r.added) +
                       " 件を取り込みました。取り込み済みだった記録: " +
                       std::to_string(r.already_present) + " 件。");
    for (const auto& n : r.notices) result.el("p", {{"class", "status status--warn"}}, n);
    if (r.seal == app::OfflineSeal::Verified) {
      result.el("p", {{"class", "status status--ok"}},
                std::string("キットの封印: ") + app::label(r.seal));
    }
  }
  result.close("section");
  kit_page(ctx, result, r.problems.empty() ? 200 : 422);
}

}  // namespace

void register_kit_routes(Router& router) {
  router.add_nav({"kit", "キット", "/kit", app::Permission::Export, 38, "日頃の備え"});
  router.get("/kit", app::Permission::Export, [](RequestContext& ctx) { kit_page(ctx); });
  router.post("/kit/offline", app::Permission::Export, [](RequestContext& ctx) {
    send_attachment(ctx, app::make_offline_kit(ctx.ws, ctx.actor(), ctx.now()),
                    "text/html; charset=utf-8");
  });
  router.post("/kit/paper", app::Permission::Export, [](RequestContext& ctx) {
    send_attachment(ctx, app::make_paper_kit(ctx.ws, ctx.actor(), ctx.now()), "application/pdf");
  });
  router.post("/kit/printed", app::Permission::Export, [](RequestContext& ctx) {
    if (app::mark_paper_kit_printed(ctx.ws, ctx.actor(), "", ctx.now())) {
      ctx.redirect("/kit?notice=saved");
      return;
    }
    Html result;
    result.el("p", {{"class", "status status--error"}, {"role", "alert"}},
              "紙のキットがまだ作成されていません。先に「紙のキット（PDF）をダウンロード」をしてく"
              "ださい。");
    kit_page(ctx, result, 409);
  });
  router.post("/kit/import", app::Permission::ReportIncident, import_log);
}

}  // namespace medbcp::web
