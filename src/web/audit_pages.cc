#include "web/audit_pages.h"

#include <algorithm>

#include "app/audit.h"
#include "web/data_table.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/record_form.h"
#include "web/section_pages.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

constexpr int kPerPage = 50;

// The filter as typed; a date that cannot be read is named beside its field
// and the list is shown unfiltered by it.
struct TypedFilter {
  app::AuditFilter filter;
  FormState state;
};

TypedFilter read_filter(const RequestContext& ctx) {
  TypedFilter t;
  for (const char* key : {"from", "to", "action", "actor"}) t.state.set(key, ctx.param(key));
  auto date = [&](const char* key, const char* label) -> std::optional<core::Date> {
    const std::string& typed = t.state.value(key);
    if (typed.empty()) return std::nullopt;
    auto d = parse_typed_date(typed);
    if (!d)
      t.state.error(
          key, std::string(label) + "を日付として読めません（例：2024-04-01、令和6年4月1日）。");
    return d;
  };
  t.filter.from = date("from", "開始日");
  t.filter.to = date("to", "終了日");
  for (const auto& [code, label] : app::audit_actions()) {
    if (code == t.state.value("action")) t.filter.action = code;
  }
  t.filter.actor_name = t.state.value("actor");
  return t;
}

std::vector<FieldSpec> filter_fields() {
  FieldSpec action{"action", "操作", FieldKind::Select};
  action.options.push_back({"", "すべて"});
  for (const auto& [code, label] : app::audit_actions()) action.options.push_back({code, label});
  return {
      {"from", "開始日", FieldKind::Date},
      {"to", "終了日", FieldKind::Date},
      action,
      {"actor", "利用者名", FieldKind::Text, false, "ログイン名（完全一致）"},
  };
}

std::string query_of(const FormState& s) {
  return with_query("", {{"from", s.value("from")},
                         {"to", s.value("to")},
                         {"action", s.value("action")},
                         {"actor", s.value("actor")}});
}

void audit_list(RequestContext& ctx) {
  TypedFilter t = read_filter(ctx);
  const int page_no = parse_typed_count(ctx.param("page"), 1000000).value_or(1);
  const app::AuditPage result =
      app::list_audit_log(ctx.ws, ctx.actor(), t.filter, page_no, kPerPage);

  Page page;
  page.title = "監査ログ";
  page.nav = "audit";
  page.crumbs.push_back({"ダッシュボード", "/"});
  page.wide = true;
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "ログイン（失敗を含む）、計画の変更、インシデントの記録、書き出し、medbcp "
       "自身のバックアップと"
       "復元を、誰が・いつ・どこから行ったかの記録です。記録は書き換えも削除もできません。");
  const auto specs = filter_fields();
  error_summary(h, t.state, specs);
  h.open("form", {{"method", "get"}, {"action", "/audit"}, {"class", "filter-form"}});
  for (const auto& s : specs) field(h, s, t.state);
  submit_button(h, "表示", "button button--secondary");
  h.close("form");
  h.open("p")
      .el("a", {{"href", "/audit.csv" + query_of(t.state)}}, "この条件で CSV（Excel 用）に書き出す")
      .close("p");

  if (result.entries.empty()) {
    h.el("p", {{"class", "empty"}}, "条件に合う記録はありません。");
  } else {
    h.el("p", std::to_string(result.total) + " 件（新しい順）");
    open_data_table(h, "監査ログの記録", {"日時", "操作", "利用者", "接続元", "対象", "内容"});
    for (const auto& e : result.entries) {
      h.open("tr");
      h.el("td", e.at.tokyo_text());
      h.el("td", e.action_label);
      h.el("td", e.actor_name);
      h.el("td", e.remote);
      h.el("td", e.target);
      h.el("td", e.detail);
      h.close("tr");
    }
    close_data_table(h);
  }
  const int pages = static_cast<int>((result.total + kPerPage - 1) / kPerPage);
  if (pages > 1) pagination(h, "/audit" + query_of(t.state), std::clamp(page_no, 1, pages), pages);
  render_page(ctx, page);
}

void audit_csv(RequestContext& ctx) {
  const TypedFilter t = read_filter(ctx);
  std::string csv = app::export_audit_csv(ctx.ws, ctx.actor(), t.filter);
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"medbcp-audit-" +
                                                     ctx.now().tokyo_date().iso() + ".csv\"");
  ctx.send(200, std::move(csv), "text/csv; charset=utf-8");
}

}  // namespace

void register_audit_routes(Router& router) {
  router.add_nav({"audit", "監査ログ", "/audit", app::Permission::ReadHistory, 65, "管理"});
  router.get("/audit", app::Permission::ReadHistory, audit_list);
  router.get("/audit.csv", app::Permission::ReadHistory, audit_csv);
}

}  // namespace medbcp::web
