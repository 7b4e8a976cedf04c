#include "web/dashboard_incidents.h"

#include "app/incident_service.h"
#include "core/plan_section.h"
#include "core/wareki.h"
#include "web/incident_sections.h"
#include "web/layout.h"
#include "web/plan_links.h"
#include "web/section_pages.h"

namespace medbcp::web {

void report_incident_button(RequestContext& ctx, Html& h) {
  if (!ctx.can(app::Permission::ReportIncident)) return;
  h.open("p", {{"class", "report-incident"}});
  h.el("a", {{"href", "/incidents/new"}, {"class", "button button--report"}},
       "インシデントを報告する");
  h.el("span", {{"class", "hint"}},
       "不審な画面・脅迫文・見覚えのないログインに気づいたら、まずここから");
  h.close("p");
}

void open_incidents_banner(RequestContext& ctx, Html& h) {
  const auto open = app::open_incidents(ctx.ws, ctx.actor());
  if (open.empty()) return;
  h.open("section", {{"class", "callout callout--alert"}, {"aria-labelledby", "open-incidents"}});
  h.el("h2", {{"id", "open-incidents"}},
       "対応中のインシデントがあります（" + std::to_string(open.size()) + "件）");
  h.open("ul");
  for (const auto& i : open) {
    h.open("li");
    h.el("a", {{"href", incident_url(i.id)}}, "No." + std::to_string(i.id.value) + " " + i.title);
    h.text("（発見 " + i.discovery.discovered_at.tokyo_text() + "）");
    h.close("li");
  }
  h.close("ul");
  h.close("section");
}

void follow_up_tasks_panel(RequestContext& ctx, Html& h) {
  const auto tasks = app::list_follow_up_tasks(ctx.ws, ctx.actor(), true);
  if (tasks.empty()) return;
  const core::Date today = ctx.now().tokyo_date();
  h.open("section", {{"id", "tasks"}, {"aria-labelledby", "tasks-title"}});
  h.el("h2", {{"id", "tasks-title"}},
       "再発防止策（インシデントと訓練からの課題・" + std::to_string(tasks.size()) + "件）");
  h.open("ul", {{"class", "reminder-list"}});
  for (const auto& t : tasks) {
    const bool overdue = t.due && *t.due < today;
    h.open("li", {{"class", overdue ? "reminder reminder--overdue" : "reminder"}});
    h.el("span", {{"class", overdue ? "tag tag--bad" : "tag tag--warn"}},
         overdue ? "期限切れ" : "未完了");
    h.el("a", {{"href", incident_url(t.incident)}}, t.title);
    std::string about = "No." + std::to_string(t.incident.value) + " " + t.incident_title;
    if (!t.owner.empty()) about += "・担当 " + t.owner;
    if (t.due) about += "・期限 " + core::format_wareki(*t.due);
    h.el("span", {{"class", "reminder-message"}}, about);
    // A finding about the plan opens the section it changes.
    if (const auto section = core::section_from_code(t.plan_section)) {
      h.el("a", {{"href", section_url(t.plan_section)}, {"class", "reminder-link"}},
           std::string(core::section_info(*section).title) + " を開く");
    }
    if (ctx.can(app::Permission::EditPlan)) {
      action_button(h, ctx, "/tasks/" + std::to_string(t.id) + "/done", "完了にする",
                    "button button--small button--secondary", {}, t.title + " を完了にする");
    }
    h.close("li");
  }
  h.close("ul");
  h.close("section");
}

void register_follow_up_routes(Router& router) {
  router.post(R"(/tasks/(\d+)/done)", app::Permission::EditPlan, [](RequestContext& ctx) {
    if (!app::complete_follow_up_task(ctx.ws, ctx.actor(), ctx.id_match(1), ctx.now())) {
      render_error(ctx, 404, "見つかりません", "指定された課題はないか、すでに完了しています。");
      return;
    }
    ctx.redirect("/?notice=saved#tasks");
  });
}

}  // namespace medbcp::web
