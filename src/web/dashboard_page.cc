#include "web/dashboard_page.h"

#include <algorithm>
#include <map>

#include "app/checklist_service.h"
#include "app/kit.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "app/reminders.h"
#include "core/reminder_groups.h"
#include "core/wareki.h"
#include "web/dashboard_incidents.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/plan_links.h"
#include "web/readiness_chart.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

void no_plan(RequestContext& ctx, Page& page) {
  Html& h = page.body;
  h.open("div", {{"class", "panel narrow"}});
  h.el("p", {{"class", "lead"}},
       "計画はまだ作成されていません。「小規模医療機関向けＢＣＰのひな形」の内容で計画を作成し、"
       "〇〇の部分を順に埋めていきます。");
  if (ctx.can(app::Permission::EditPlan)) {
    FormState state;
    std::vector<FieldSpec> specs{{"facility", "医療機関名", FieldKind::Text, true,
                                  "例：しずおか内科クリニック", "organization"}};
    begin_form(h, ctx, "/plan/create");
    field(h, specs[0], state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "ひな形から計画を作成");
    h.close("div");
    end_form(h);
  } else {
    h.el("p", "担当者または管理者が計画を作成するまでお待ちください。");
  }
  h.close("div");
}

void summary_cards(Html& h, const core::Plan& plan, std::size_t gaps, std::size_t overdue,
                   const std::optional<app::Version>& version) {
  h.open("div", {{"class", "cards"}});
  auto card = [&](const std::string& label, const std::string& value, const std::string& note,
                  const std::string& css, const std::string& href) {
    h.open("a", {{"class", "card " + css}, {"href", href}});
    h.el("span", {{"class", "card__label"}}, label);
    h.el("span", {{"class", "card__value"}}, value);
    if (!note.empty()) h.el("span", {{"class", "card__note"}}, note);
    h.close("a");
  };
  card("未記入・不足", std::to_string(gaps) + "件",
       gaps == 0 ? "計画は埋まっています" : "下の一覧から埋めてください",
       gaps == 0 ? "card--ok" : "card--bad", "#gaps");
  card("要対応の点検", std::to_string(overdue) + "件",
       overdue == 0 ? "期限切れはありません" : "期限切れ・要確認",
       overdue == 0 ? "card--ok" : "card--warn", "#reminders");
  card("施行日",
       plan.facility.effective_date ? core::format_wareki(*plan.facility.effective_date) : "未設定",
       "", plan.facility.effective_date ? "" : "card--bad", "/plan/facility#f-effective_date");
  card("発行済みの版", version ? "第" + std::to_string(version->edition) + "版" : "未発行",
       version ? version->published_on.iso() : "版と周知から発行します", "", "/versions");
  h.close("div");
}

void acknowledgement(RequestContext& ctx, Html& h, const std::optional<app::Version>& version) {
  if (!version || !ctx.actor().user.valid()) return;
  auto at = app::acknowledged_at(ctx.ws, ctx.actor().user, version->id);
  if (at) return;
  h.open("section", {{"class", "callout"}, {"aria-labelledby", "ack-title"}});
  h.el("h2", {{"id", "ack-title"}},
       "第" + std::to_string(version->edition) + "版の内容を確認してください");
  h.el("p",
       "計画の新しい版が発行されました。内容を読み、確認したことを記録してください（全職員への周知"
       "）。");
  h.open("div", {{"class", "form-actions"}});
  h.el("a", {{"href", "/plan"}, {"class", "button button--secondary"}}, "計画を読む");
  action_button(h, ctx, "/versions/" + std::to_string(version->id) + "/acknowledge",
                "読んで確認しました", "button");
  h.close("div");
  h.close("section");
}

void gap_list(Html& h, const core::Plan& plan, const std::vector<core::Gap>& gaps) {
  h.open("section", {{"id", "gaps"}, {"aria-labelledby", "gaps-title"}});
  h.el("h2", {{"id", "gaps-title"}}, "未記入・不足（" + std::to_string(gaps.size()) + "件）");
  if (gaps.empty()) {
    h.el("p", {{"class", "status status--ok"}}, "計画に未記入・不足はありません。");
    h.close("section");
    return;
  }
  std::map<int, std::vector<const core::Gap*>> by_section;
  for (const auto& g : gaps) by_section[static_cast<int>(g.section)].push_back(&g);
  for (const auto& [section, list] : by_section) {
    h.open("details", {{"class", "gaps"}, Attr::flag("open", true)});
    h.el("summary", std::string(core::label(static_cast<core::Section>(section))) + "（" +
                        std::to_string(list.size()) + "件）");
    h.open("ul", {{"class", "gap-list"}});
    for (const auto* g : list) {
      h.open("li");
      h.open("a", {{"href", gap_link(plan, *g)}});
      h.el("span", {{"class", "gap-where"}}, g->where);
      h.close("a");
      h.el("span", {{"class", "gap-message"}}, g->message);
      h.close("li");
    }
    h.close("ul");
    h.close("details");
  }
  h.close("section");
}

// BCP確認表 items the plan does not cover: gaps too, shown only when any.
void bcp_gap_list(Html& h, const core::Plan& plan, const std::vector<core::Reminder>& list) {
  if (list.empty()) return;
  h.open("section", {{"id", "bcp-gaps"}, {"aria-labelledby", "bcp-gaps-title"}});
  h.el("h2", {{"id", "bcp-gaps-title"}},
       "BCP確認表で計画にない項目（" + std::to_string(list.size()) + "件）");
  h.open("ul", {{"class", "gap-list"}});
  for (const auto& r : list) {
    h.open("li");
    h.el("a", {{"href", field_link(plan, r.field)}}, r.subject);
    h.el("span", {{"class", "gap-message"}}, r.message);
    h.close("li");
  }
  h.close("ul");
  h.close("section");
}

// `others`: the reminders left out because they are not the reader's to do.
void reminder_list(Html& h, const core::Plan& plan, const std::vector<core::Reminder>& list,
                   std::size_t others) {
  h.open("section", {{"id", "reminders"}, {"aria-labelledby", "reminders-title"}});
  h.el("h2", {{"id", "reminders-title"}}, "平時の点検（期限切れ・期限間近）");
  if (others > 0) {
    h.el("p", {{"class", "hint"}},
         "管理者・担当者が行う点検が " + std::to_string(others) +
             " 件あります。あなたがすることだけをここに示します。");
  }
  if (list.empty()) {
    h.el("p", {{"class", "status status--ok"}},
         others > 0 ? "あなたがする点検はありません。" : "期限切れ・期限間近の点検はありません。");
    h.close("section");
    return;
  }
  // The first few in full; the rest behind one click, so the dashboard
  // stays a summary even when much is overdue.
  constexpr std::size_t kShown = 6;
  auto items = [&](std::size_t from, std::size_t to) {
    h.open("ul", {{"class", "reminder-list"}});
    for (std::size_t i = from; i < to; ++i) {
      const auto& r = list[i];
      bool overdue = r.urgency == core::Urgency::Overdue;
      h.open("li", {{"class", overdue ? "reminder reminder--overdue" : "reminder"}});
      h.el("span", {{"class", overdue ? "tag tag--bad" : "tag tag--warn"}}, core::label(r.urgency));
      h.open("a", {{"href", field_link(plan, r.field)}});
      h.text(std::string(core::label(r.kind)) + "：" + r.subject);
      h.close("a");
      h.el("span", {{"class", "reminder-message"}},
           r.message + (r.due ? "（期限 " + r.due->iso() + "）" : ""));
      h.close("li");
    }
    h.close("ul");
  };
  items(0, std::min(kShown, list.size()));
  if (list.size() > kShown) {
    h.open("details", {{"class", "more"}});
    h.el("summary", "ほか " + std::to_string(list.size() - kShown) + "件を表示");
    items(kShown, list.size());
    h.close("details");
  }
  h.close("section");
}

void unread_list(RequestContext& ctx, Html& h, const std::optional<app::Version>& version) {
  if (!version || !ctx.can(app::Permission::Publish)) return;
  auto status = app::reading_status(ctx.ws, ctx.actor(), version->id);
  std::vector<const app::ReadingStatus*> unread;
  for (const auto& s : status) {
    if (!s.acknowledged_at) unread.push_back(&s);
  }
  h.open("section", {{"id", "unread"}, {"aria-labelledby", "unread-title"}});
  h.el("h2", {{"id", "unread-title"}},
       "第" + std::to_string(version->edition) + "版を未確認の職員（" +
           std::to_string(unread.size()) + "/" + std::to_string(status.size()) + "人）");
  if (unread.empty()) {
    h.el("p", {{"class", "status status--ok"}}, "全員が確認しました。");
  } else {
    h.open("ul", {{"class", "people"}});
    for (const auto* s : unread) {
      h.open("li");
      h.text(s->user.name);
      h.el("span", {{"class", "badge"}}, app::label(s->user.role));
      h.close("li");
    }
    h.close("ul");
    h.open("p")
        .el("a", {{"href", "/versions/" + std::to_string(version->id)}}, "確認状況の詳細")
        .close("p");
  }
  h.close("section");
}

// The stick and the binder (offline and paper kits): current, or made
// before the plan last changed.
void kit_panel(RequestContext& ctx, Html& h) {
  const app::KitFreshness f = app::kit_freshness(ctx.ws);
  h.open("section", {{"id", "kits"}, {"aria-labelledby", "kits-title"}});
  h.el("h2", {{"id", "kits-title"}}, "ネットワーク停止時の備え（キット）");
  h.open("ul", {{"class", "reminder-list"}});
  for (const auto& w : f.warnings) {
    h.open("li", {{"class", "reminder reminder--overdue"}});
    h.el("span", {{"class", "tag tag--bad"}}, "要対応");
    h.el("span", {{"class", "reminder-message"}}, w);
    h.close("li");
  }
  for (const std::string* line : {&f.offline_summary, &f.printed_summary}) {
    h.open("li", {{"class", "reminder"}}).el("span", {{"class", "reminder-message"}}, *line);
    h.close("li");
  }
  h.close("ul");
  if (ctx.can(app::Permission::Export)) {
    h.open("p").el("a", {{"href", "/kit"}}, "キットを作る・印刷を記録する").close("p");
  }
  h.close("section");
}

// The dashboard as last built for one person, kept by this thread while
// nothing is committed to the database and the day has not turned: it is
// the page everyone opens first and most often, and everything on it
// follows from the stored data, the date, and who is looking (role,
// confirmations, the CSRF token of the forms in it).
struct BuiltDashboard {
  std::string key;
  std::string title;
  Html body;
};

std::string dashboard_key(RequestContext& ctx) {
  const app::ChangeStamp stamp = ctx.ws.change_stamp();
  const app::Actor& actor = ctx.actor();
  return std::to_string(ctx.ws.generation()) + "/" + std::to_string(stamp.others) + "/" +
         std::to_string(stamp.own) + "/" + ctx.now().tokyo_date().iso() + "/" +
         std::to_string(actor.user.value) + "/" + app::code(actor.role) + "/" + actor.name + "/" +
         ctx.csrf_token();
}

void build_dashboard(RequestContext& ctx, Page& page) {
  core::Plan plan = app::load_plan(ctx.ws);
  page.title = plan.facility.name.empty() ? "ダッシュボード" : plan.facility.name;
  std::vector<core::Gap> gaps = core::readiness_gaps(plan);
  app::ChecklistAssessment checklist;
  std::vector<core::Reminder> reminders =
      app::current_reminders(ctx.ws, ctx.actor(), ctx.now().tokyo_date(), &checklist);
  // A 職員 (or 閲覧) is shown what is theirs, as on the 点検 page: the devices
  // that name them as 管理者; the rest is the plan keepers' and is counted.
  std::size_t others = 0;
  if (!ctx.can(app::Permission::EditPlan)) {
    std::vector<core::Reminder> own;
    for (auto& r : reminders) {
      if (core::is_devices_manager(r, plan, ctx.actor().name)) {
        own.push_back(std::move(r));
      } else {
        ++others;
      }
    }
    reminders = std::move(own);
  }
  std::size_t overdue = 0;
  for (const auto& r : reminders) overdue += r.urgency == core::Urgency::Overdue ? 1 : 0;
  std::optional<app::Version> version = app::current_version(ctx.ws);

  Html& h = page.body;
  report_incident_button(ctx, h);
  open_incidents_banner(ctx, h);
  acknowledgement(ctx, h, version);
  summary_cards(h, plan, gaps.size(), overdue, version);
  h.open("div", {{"class", "dashboard-grid"}});
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "chart-heading"}});
  h.el("h2", {{"id", "chart-heading"}}, "節ごとの充足率");
  readiness_chart(h, section_readiness(plan, gaps));
  h.el("p", {{"class", "hint"}},
       "各節の行（または確認項目）のうち、未記入・不足のないものの割合です。棒を選ぶとその節を開き"
       "ます。");
  h.close("section");
  h.open("div");
  unread_list(ctx, h, version);
  follow_up_tasks_panel(ctx, h);
  reminder_list(h, plan, reminders, others);
  kit_panel(ctx, h);
  h.close("div");
  h.close("div");
  gap_list(h, plan, gaps);
  bcp_gap_list(h, plan, app::bcp_gaps(checklist));
}

void dashboard(RequestContext& ctx) {
  Page page;
  page.title = "ダッシュボード";
  page.nav = "dashboard";
  constexpr std::size_t kKept = 8;  // people (sessions) served by one thread
  thread_local std::vector<BuiltDashboard> built;
  const std::string key = dashboard_key(ctx);
  auto hit = std::find_if(built.begin(), built.end(),
                          [&](const BuiltDashboard& b) { return b.key == key; });
  // A page kept for this key was built from a plan (and nothing changed since).
  if (hit == built.end() && !app::has_plan(ctx.ws)) {
    no_plan(ctx, page);
    render_page(ctx, page);
    return;
  }
  if (hit == built.end()) {
    build_dashboard(ctx, page);
    if (built.size() >= kKept) built.erase(built.begin());
    built.push_back({key, page.title, page.body});
  } else {
    page.title = hit->title;
    page.body = hit->body;
  }
  render_page(ctx, page);
}

}  // namespace

void register_dashboard_routes(Router& router) {
  router.add_nav({"dashboard", "ダッシュボード", "/", app::Permission::ReadPlan, 10});
  router.get("/", app::Permission::ReadPlan, dashboard);
  router.post("/plan/create", app::Permission::EditPlan, [](RequestContext& ctx) {
    std::string name = core::trim(ctx.param("facility"));
    if (name.empty()) {
      Page page;
      page.title = "ダッシュボード";
      page.status = 422;
      FormState state;
      state.error("facility", "「医療機関名」を入力してください。");
      std::vector<FieldSpec> specs{{"facility", "医療機関名", FieldKind::Text, true}};
      error_summary(page.body, state, specs);
      begin_form(page.body, ctx, "/plan/create");
      field(page.body, specs[0], state);
      submit_button(page.body, "ひな形から計画を作成");
      end_form(page.body);
      render_page(ctx, page);
      return;
    }
    if (!app::has_plan(ctx.ws)) app::init_plan(ctx.ws, ctx.actor(), name, false);
    ctx.redirect("/?notice=created");
  });
}

}  // namespace medbcp::web
