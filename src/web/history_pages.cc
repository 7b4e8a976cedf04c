#include "web/history_pages.h"

#include "app/history.h"
#include "app/plan_service.h"
#include "web/change_list.h"
#include "web/data_table.h"
#include "web/layout.h"
#include "web/plan_sections.h"
#include "web/record_form.h"
#include "web/section_pages.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

constexpr int kPerPage = 30;

void history_list(RequestContext& ctx) {
  std::string section = ctx.param("section");
  if (!core::section_from_code(section)) section.clear();
  int page_no = parse_typed_count(ctx.param("page"), 100000).value_or(1);
  app::HistoryPage result = app::list_history(ctx.ws, ctx.actor(), section, page_no, kPerPage);

  Page page;
  page.title = "変更履歴";
  page.nav = "history";
  page.crumbs.push_back({"ダッシュボード", "/"});
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "計画へのすべての変更を、誰がいつ何を変えたかとともに記録しています。");
  h.open("form", {{"method", "get"}, {"action", "/history"}, {"class", "filter-form"}});
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", "f-section"}}, "項目");
  h.open("select", {{"id", "f-section"}, {"name", "section"}});
  h.el("option", {{"value", ""}, Attr::flag("selected", section.empty())}, "すべて");
  for (const core::SectionInfo& s : core::plan_sections()) {
    h.el("option", {{"value", std::string(s.code)}, Attr::flag("selected", s.code == section)},
         std::string(s.title));
  }
  h.close("select");
  h.close("div");
  submit_button(h, "表示", "button button--secondary");
  h.close("form");

  if (result.items.empty()) {
    h.el("p", {{"class", "empty"}}, "記録された変更はありません。");
  } else {
    open_data_table(h, "変更履歴", {"日時", "変更した人", "項目", ""});
    for (const auto& item : result.items) {
      h.open("tr");
      h.el("td", item.at.tokyo_text());
      h.el("td", item.user_name);
      h.el("td", section_title(item.section));
      h.open("td");
      h.el("a",
           {{"href", "/history/" + std::to_string(item.id)},
            {"aria-label", item.at.tokyo_text() + "の変更の内容"}},
           "内容");
      h.close("td");
      h.close("tr");
    }
    close_data_table(h);
  }
  int pages = static_cast<int>((result.total + kPerPage - 1) / kPerPage);
  if (pages > 1) {
    pagination(h, with_query("/history", {{"section", section}}), std::min(page_no, pages), pages);
  }
  render_page(ctx, page);
}

void history_entry(RequestContext& ctx) {
  auto detail = app::history_detail(ctx.ws, ctx.actor(), ctx.id_match(1));
  if (!detail) {
    render_error(ctx, 404, "見つかりません", "指定された変更履歴はありません。");
    return;
  }
  core::Plan plan = app::has_plan(ctx.ws) ? app::load_plan(ctx.ws) : core::Plan{};
  Page page;
  page.title = "変更の内容";
  page.nav = "history";
  page.crumbs = {{"ダッシュボード", "/"}, {"変更履歴", "/history"}};
  Html& h = page.body;
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "日時");
  h.el("dd", detail->item.at.tokyo_text());
  h.el("dt", "変更した人");
  h.el("dd", detail->item.user_name);
  h.el("dt", "項目");
  h.el("dd", section_title(detail->item.section));
  h.close("dl");
  change_list(h, plan, detail->changes);
  render_page(ctx, page);
}

}  // namespace

void register_history_routes(Router& router) {
  router.add_nav({"history", "変更履歴", "/history", app::Permission::ReadHistory, 60, "管理"});
  router.get("/history", app::Permission::ReadHistory, history_list);
  router.get(R"(/history/(\d+))", app::Permission::ReadHistory, history_entry);
}

}  // namespace medbcp::web
