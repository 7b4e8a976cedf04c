#include "web/association_pages.h"

#include <cstdint>

#include "app/association_export.h"
#include "app/association_overview.h"
#include "web/data_table.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/record_form.h"
#include "web/section_pages.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

// Facilities a page view counts itself when their counts went stale (the
// server's ReadinessKeeper counts the rest within seconds), and rows per
// page: a thousand rows is a page nobody reads and everyone waits for.
constexpr std::size_t kRecountOnPage = 8;
constexpr std::size_t kRowsPerPage = 100;

app::OverviewQuery read_query(const RequestContext& ctx) {
  app::OverviewQuery q;
  q.text = ctx.param("q");
  q.needs_attention = ctx.param("attention") == "1";
  q.sort = ctx.param("sort");
  bool known = false;
  for (const auto& c : app::overview_columns()) known |= q.sort == c.key;
  if (!known) q.sort = "code";
  q.descending = ctx.param("dir") == "desc";
  return q;
}

std::string query_url(std::string_view path, const app::OverviewQuery& q) {
  return with_query(path, {{"q", q.text},
                           {"attention", q.needs_attention ? "1" : ""},
                           {"sort", q.sort == "code" ? "" : q.sort},
                           {"dir", q.descending ? "desc" : ""}});
}

// For the exports: every facility counted (a file people keep is exact).
std::vector<core::FacilityReadiness> overview_rows(RequestContext& ctx,
                                                   const app::OverviewQuery& q) {
  return app::apply_overview_query(app::facility_overview(ctx.router().directory(), ctx.actor(),
                                                          ctx.now().tokyo_date(), SIZE_MAX),
                                   q);
}

void filter_form(Html& h, const app::OverviewQuery& q) {
  h.open("form", {{"method", "get"}, {"action", "/association"}, {"class", "filter-form"}});
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", "f-q"}}, "施設コード・施設名");
  h.empty("input", {{"type", "search"}, {"id", "f-q"}, {"name", "q"}, {"value", q.text}});
  h.close("div");
  h.open("div", {{"class", "field field--check"}});
  std::vector<Attr> box = {
      {"type", "checkbox"}, {"id", "f-attention"}, {"name", "attention"}, {"value", "1"}};
  if (q.needs_attention) box.push_back({"checked", "checked"});
  h.empty("input", box);
  h.el("label", {{"for", "f-attention"}}, "要対応の施設だけ");
  h.close("div");
  if (q.sort != "code") h.empty("input", {{"type", "hidden"}, {"name", "sort"}, {"value", q.sort}});
  if (q.descending) h.empty("input", {{"type", "hidden"}, {"name", "dir"}, {"value", "desc"}});
  h.el("button", {{"type", "submit"}, {"class", "button"}}, "絞り込む");
  h.close("form");
}

// A column heading that sorts by it (again: the other way round).
void sort_heading(Html& h, const app::OverviewQuery& q, const app::OverviewColumn& column) {
  app::OverviewQuery next = q;
  next.sort = column.key;
  next.descending = q.sort == column.key && !q.descending;
  std::string label = column.label;
  std::vector<Attr> th = {{"scope", "col"}};
  if (q.sort == column.key) {
    label += q.descending ? " ▼" : " ▲";
    th.push_back({"aria-sort", q.descending ? "descending" : "ascending"});
  }
  h.open("th", th).el("a", {{"href", query_url("/association", next)}}, label).close("th");
}

void overview_row(Html& h, const core::FacilityReadiness& r) {
  const bool attention = app::needs_attention(r);
  h.open("tr", attention ? std::vector<Attr>{{"class", "row--attention"}} : std::vector<Attr>{});
  h.el("td", r.code);
  h.open("td").text(r.name);
  if (attention) h.el("span", {{"class", "badge badge--warn"}}, "要対応");
  if (r.awaiting_count) {
    h.el(
        "span",
        {{"class", "badge"}, {"title", "変更があり、数え直しを待っています（数秒で更新されます）"}},
        "集計待ち");
  }
  h.close("td");
  if (r.awaiting_count && r.computed_on == core::Date{}) {
    h.el("td", {{"colspan", "7"}}, "集計中です（数秒後に表示されます）");
  } else if (!r.has_plan) {
    h.el("td", {{"colspan", "7"}}, "計画がまだありません");
  } else {
    h.el("td", std::to_string(r.gaps));
    // Short, for a phone's narrow column: 「期限切れ 8・間近 2」.
    std::string checks = std::string("期限切れ ").append(std::to_string(r.overdue));
    if (r.due_soon > 0) checks.append("・間近 ").append(std::to_string(r.due_soon));
    h.el("td", checks);
    h.el("td", r.edition ? "第" + std::to_string(*r.edition) + "版" : std::string("未発行"));
    h.el("td", r.published_on ? r.published_on->iso() : std::string("—"));
    h.el("td", std::to_string(r.acknowledged) + " / " + std::to_string(r.accounts) + " 人");
    h.el("td", core::label(r.kit));
  }
  if (r.has_plan) {
    std::string incidents =
        r.open_incidents == 0 ? std::string("なし") : std::to_string(r.open_incidents) + " 件";
    if (r.open_since) incidents += "（" + r.open_since->tokyo_text() + " から）";
    h.el("td", incidents);
  } else {
    h.el("td",
         r.open_incidents == 0 ? std::string("なし") : std::to_string(r.open_incidents) + " 件");
  }
  h.el("td", r.has_plan ? app::checklist_text(r) : std::string("—"));
  h.el("td", r.last_drill ? r.last_drill->iso() : std::string("なし"));
  h.close("tr");
}

void overview_page(RequestContext& ctx) {
  const app::OverviewQuery q = read_query(ctx);
  const auto all = app::facility_overview(ctx.router().directory(), ctx.actor(),
                                          ctx.now().tokyo_date(), kRecountOnPage);
  const auto rows = app::apply_overview_query(all, q);
  const app::OverviewPage shown = app::overview_page(
      rows.size(), kRowsPerPage,
      static_cast<std::size_t>(parse_typed_count(ctx.param("page"), 100000).value_or(1)));
  Page page;
  page.title = "会員施設の準備状況";
  page.nav = "association";
  page.wide = true;
  Html& h = page.body;
  int attention = 0;
  int awaiting = 0;
  for (const auto& r : all) {
    attention += app::needs_attention(r) ? 1 : 0;
    awaiting += r.awaiting_count ? 1 : 0;
  }
  h.el("p", {{"class", "lead"}},
       "会員 " + std::to_string(all.size()) + " 施設のうち、要対応は " + std::to_string(attention) +
           " 施設です。数と日付だけを表示し、計画やインシデントの中身は表示しません。");
  if (awaiting > 0) {
    h.el("p", {{"class", "notice"}, {"role", "status"}},
         std::to_string(awaiting) +
             " 施設は変更があったため数え直しています（「集計待ち」の行は前回の数です）。"
             "数秒後にページを読み込み直してください。");
  }
  h.open("p", {{"class", "toolbar"}});
  if (ctx.can(app::Permission::ManageFacilities)) {
    h.el("a", {{"href", "/association/facilities/new"}, {"class", "button"}}, "施設を追加");
  }
  h.el("a",
       {{"href", query_url("/association/overview.csv", q)}, {"class", "button button--secondary"}},
       "CSV で書き出す");
  h.el(
      "a",
      {{"href", query_url("/association/overview.xlsx", q)}, {"class", "button button--secondary"}},
      "Excel（XLSX）で書き出す");
  h.close("p");
  filter_form(h, q);
  if (rows.empty()) {
    h.el("p", all.empty() ? "施設はまだありません。" : "条件に合う施設はありません。");
    render_page(ctx, page);
    return;
  }
  h.open("div", {{"class", "table-wrap"},
                 {"role", "region"},
                 {"aria-label", "会員施設の準備状況"},
                 {"tabindex", "0"}});
  h.open("table", {{"class", "data"}});
  h.open("thead").open("tr");
  for (const auto& column : app::overview_columns()) sort_heading(h, q, column);
  h.close("tr").close("thead");
  h.open("tbody");
  for (std::size_t i = shown.from; i < shown.to; ++i) overview_row(h, rows[i]);
  h.close("tbody").close("table").close("div");
  if (shown.pages > 1) {
    h.el("p", {{"class", "hint"}},
         std::to_string(rows.size()) + " 施設中 " + std::to_string(shown.from + 1) + "〜" +
             std::to_string(shown.to) + " を表示しています。");
    pagination(h, query_url("/association", q), static_cast<int>(shown.number),
               static_cast<int>(shown.pages));
  }
  h.el("p", {{"class", "hint"}},
       "点検：期限を過ぎた点検・見直しの数。確認：最新の版を確認した利用者の数。"
       "キット：オフラインキットと紙のキットが今の計画どおりか。");
  render_page(ctx, page);
}

void download(RequestContext& ctx, const std::string& body, const char* type, const char* ext) {
  ctx.response.set_header("Content-Disposition",
                          std::string("attachment; filename=\"medbcp-facilities-")
                              .append(ctx.now().tokyo_date().iso())
                              .append(ext)
                              .append("\""));
  ctx.send(200, body, type);
}

const std::vector<FieldSpec>& facility_fields() {
  static const std::vector<FieldSpec> specs = {
      {"code", "施設コード", FieldKind::Text, true,
       "半角の英小文字・数字・「-」で32文字まで。ログインのときに施設が入力します。例：aoba-naika",
       "off"},
      {"name", "施設名", FieldKind::Text, true, "例：あおば内科クリニック", "organization"},
      {"admin_name", "施設の管理者のユーザー名", FieldKind::Text, true,
       "施設で利用者と計画を管理する方。例：院長 山田", "off"},
      {"admin_password", "管理者の初期パスワード", FieldKind::Password, true,
       std::to_string(app::kMinPasswordLength) +
           "文字以上。本人に直接伝え、最初のログインの後に変更してもらいます。",
       "new-password"},
      {"admin_password_confirm", "初期パスワード（確認）", FieldKind::Password, true, "",
       "new-password"},
  };
  return specs;
}

void facility_form(RequestContext& ctx, FormState& state) {
  Page page;
  page.title = "施設を追加";
  page.nav = "association";
  page.crumbs.push_back({"会員施設の準備状況", "/association"});
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  h.open("div", {{"class", "narrow"}});
  h.el("p", {{"class", "lead"}},
       "施設を追加すると、ひな形から計画が作られ、施設の管理者のアカウントができます。"
       "計画の中身は施設の方だけが見られます。");
  error_summary(h, state, facility_fields());
  begin_form(h, ctx, "/association/facilities");
  for (const auto& spec : facility_fields()) field(h, spec, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "施設を追加");
  h.close("div");
  end_form(h);
  h.close("div");
  render_page(ctx, page);
}

}  // namespace

void register_association_routes(Router& router) {
  router.add_nav({"association", "会員施設", "/association", app::Permission::ViewOverview, 5});
  router.get("/association", app::Permission::ViewOverview, overview_page);
  router.get("/association/overview.csv", app::Permission::ViewOverview, [](RequestContext& ctx) {
    download(ctx, app::overview_csv(overview_rows(ctx, read_query(ctx))), "text/csv; charset=utf-8",
             ".csv");
  });
  router.get("/association/overview.xlsx", app::Permission::ViewOverview, [](RequestContext& ctx) {
    download(ctx, app::overview_xlsx(overview_rows(ctx, read_query(ctx)), ctx.now().tokyo_date()),
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
  });
  router.get("/association/facilities/new", app::Permission::ManageFacilities,
             [](RequestContext& ctx) {
               FormState state;
               facility_form(ctx, state);
             });
  router.post("/association/facilities", app::Permission::ManageFacilities,
              [](RequestContext& ctx) {
                FormState state = read_form(ctx, facility_fields());
                const std::string password = ctx.param("admin_password");
                if (password != ctx.param("admin_password_confirm")) {
                  state.error("admin_password_confirm", "確認用のパスワードが一致しません。");
                } else if (!state.has_errors()) {
                  app::NewFacility facility{state.value("code"), state.value("name"),
                                            state.value("admin_name"), password};
                  auto problems = app::add_facility_with_admin(ctx.router().directory(),
                                                               ctx.actor(), facility, ctx.now());
                  if (problems.empty()) {
                    ctx.redirect("/association?notice=facility_added");
                    return;
                  }
                  state.add_problems(problems, [](const core::Problem& p) { return p.field; });
                }
                facility_form(ctx, state);
              });
}

}  // namespace medbcp::web
