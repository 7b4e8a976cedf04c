#include "web/upkeep_check_pages.h"

#include "app/plan_service.h"
#include "app/publish.h"
#include "app/reminders.h"
#include "core/reminder_groups.h"
#include "core/text.h"
#include "core/wareki.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/mail_pages.h"
#include "web/plan_links.h"
#include "web/section_pages.h"
#include "web/upkeep_widgets.h"

namespace medbcp::web {
namespace {

struct SettingField {
  const char* key;
  const char* label;
  int core::ReminderSettings::*member;
};

const SettingField kSettings[] = {
    {"stocktake_cycle_days", "棚卸しの周期（日）", &core::ReminderSettings::stocktake_cycle_days},
    {"restore_test_months", "復旧テストの周期（月）", &core::ReminderSettings::restore_test_months},
    {"contact_verify_months", "連絡先確認の周期（月）",
     &core::ReminderSettings::contact_verify_months},
    {"plan_review_months", "計画見直しの周期（月）", &core::ReminderSettings::plan_review_months},
    {"due_soon_days", "期限前に知らせる日数", &core::ReminderSettings::due_soon_days},
    {"support_end_warning_days", "サポート終了の何日前から知らせるか",
     &core::ReminderSettings::support_end_warning_days},
};

// Where a reminder is dealt with: backups on the backup page, stock-take on
// its page, the rest where the plan is edited.
std::string reminder_link(const core::Plan& plan, const core::Reminder& r) {
  switch (r.kind) {
    case core::ReminderKind::BackupOverdue:
    case core::ReminderKind::BackupFailed:
    case core::ReminderKind::RestoreTestOverdue:
      return "/backups";
    case core::ReminderKind::OwnBackupOld:
    case core::ReminderKind::OwnBackupNotCopied:
      return "/backups#own-backups";
    case core::ReminderKind::StocktakeOverdue:
      return "/stocktake";
    case core::ReminderKind::ContactUnverified:
      return "#contacts-title";
    case core::ReminderKind::DrillOverdue:
    case core::ReminderKind::StaffNotTrained:
      return "/drills";
    case core::ReminderKind::PlanNotReviewed:
      return "#review-title";
    default:  // the checklist's items and the plan's own fields name where they are fixed
      return field_link(plan, r.field);
  }
}

void reminder_item(Html& h, const core::Plan& plan, const core::Reminder& r) {
  const bool overdue = r.urgency == core::Urgency::Overdue;
  h.open("li", {{"class", overdue ? "reminder reminder--overdue" : "reminder"}});
  h.el("span", {{"class", overdue ? "tag tag--bad" : "tag tag--warn"}}, core::label(r.urgency));
  h.el("a", {{"href", reminder_link(plan, r)}},
       std::string(core::label(r.kind)) + "：" + r.subject);
  h.el("span", {{"class", "reminder-message"}}, r.message);
  h.close("li");
}

// For those who keep the plan: every reminder, in groups of one kind of
// work, the most urgent group first (core/reminder_groups.h).
void reminders_section(Html& h, const core::Plan& plan, const std::vector<core::Reminder>& list) {
  h.open("section", {{"aria-labelledby", "reminders-title"}});
  h.el("h2", {{"id", "reminders-title"}},
       "期限切れ・期限間近（" + std::to_string(list.size()) + "件）");
  if (list.empty()) {
    h.el("p", {{"class", "status status--ok"}}, "期限切れ・期限間近の点検はありません。");
  }
  for (const auto& group : core::group_reminders(list)) {
    h.open("div", {{"class", "reminder-group"}});
    h.open("h3", {{"class", "reminder-group__title"}});
    h.text(group.title + "（" + std::to_string(group.items.size()) + "件");
    if (group.overdue > 0) h.text("、うち要対応 " + std::to_string(group.overdue) + "件");
    h.text("）");
    h.close("h3");
    h.open("ul", {{"class", "reminder-list"}});
    for (const auto& r : group.items) reminder_item(h, plan, r);
    h.close("ul");
    h.close("div");
  }
  h.close("section");
}

// For 職員 (and 閲覧): what is theirs to do — read the current plan, and
// tell the 責任者 about the devices they look after; the rest is named only
// as a count, since the people who keep the plan deal with it.
void own_checks_section(Html& h, RequestContext& ctx, const core::Plan& plan,
                        const std::vector<core::Reminder>& list) {
  h.open("section", {{"aria-labelledby", "own-title"}});
  h.el("h2", {{"id", "own-title"}}, "あなたがすること");
  h.open("ul", {{"class", "reminder-list"}});
  int own = 0;
  if (const auto version = app::current_version(ctx.ws); version && ctx.actor().user.valid()) {
    if (!app::acknowledged_at(ctx.ws, ctx.actor().user, version->id)) {
      ++own;
      h.open("li", {{"class", "reminder reminder--overdue"}});
      h.el("span", {{"class", "tag tag--bad"}}, "要対応");
      h.el("a", {{"href", "/versions"}},
           "計画の最新版（第" + std::to_string(version->edition) + "版）を読んで確認する");
      h.el("span", {{"class", "reminder-message"}},
           "読んだら「確認した」を押してください。いざという時に何をするかが書いてあります。");
      h.close("li");
    }
  }
  int others = 0;
  int others_overdue = 0;
  for (const auto& r : list) {
    if (core::is_devices_manager(r, plan, ctx.actor().name)) {
      ++own;
      core::Reminder mine = r;
      mine.message += "（あなたが管理者の機器です。" +
                      (plan.officer.name.empty() ? std::string("責任者")
                                                 : "責任者の " + plan.officer.name + " さん") +
                      "に伝えてください）";
      reminder_item(h, plan, mine);
    } else {
      ++others;
      others_overdue += r.urgency == core::Urgency::Overdue ? 1 : 0;
    }
  }
  h.close("ul");
  if (own == 0) h.el("p", {{"class", "status status--ok"}}, "あなたがする点検はありません。");
  if (others > 0) {
    h.el("p", {{"class", "hint"}},
         "そのほかの点検（" + std::to_string(others) + "件、うち要対応 " +
             std::to_string(others_overdue) + "件）は、管理者・担当者が行います。");
  }
  h.close("section");
}

void contacts_section(Html& h, RequestContext& ctx, const core::Plan& plan, const core::Date& today,
                      int months) {
  h.open("section", {{"aria-labelledby", "contacts-title"}});
  h.el("h2", {{"id", "contacts-title"}}, "外部連絡先の確認（別紙１）");
  h.el("p", {{"class", "hint"}},
       "電話番号・担当者が今も正しいかを確かめたら「確認した」を押します（" +
           std::to_string(months) + "か月ごと）。");
  if (plan.external_contacts.empty()) {
    h.el("p", {{"class", "empty"}}, "外部連絡先が登録されていません。");
    h.close("section");
    return;
  }
  h.open("div", {{"class", "table-wrap"}});
  h.open("table", {{"class", "data"}});
  h.open("thead").open("tr");
  for (const char* col : {"区分", "組織名", "電話", "最終確認日"})
    h.el("th", {{"scope", "col"}}, col);
  if (ctx.can(app::Permission::EditPlan)) h.el("th", {{"scope", "col"}}, "確認");
  h.close("tr").close("thead").open("tbody");
  for (const auto& c : plan.external_contacts) {
    h.open("tr", {{"id", "contact-" + std::to_string(c.id.value)}});
    h.el("td", core::label(c.category));
    h.el("td", c.organization);
    h.open("td");
    text_or_dash(h, c.phone);
    h.close("td");
    h.open("td");
    if (c.last_verified) {
      const bool late = today > core::add_months(*c.last_verified, months);
      h.text(core::format_wareki(*c.last_verified));
      if (late) h.el("span", {{"class", "tag tag--bad"}}, "要確認");
    } else {
      h.el("span", {{"class", "tag tag--bad"}}, "未確認");
    }
    h.close("td");
    if (ctx.can(app::Permission::EditPlan)) {
      h.open("td");
      action_button(h, ctx, "/checks/contacts/" + std::to_string(c.id.value), "確認した",
                    "button button--small", {}, c.organization + " を確認した");
      h.close("td");
    }
    h.close("tr");
  }
  h.close("tbody").close("table").close("div");
  h.close("section");
}

void review_section(Html& h, RequestContext& ctx, const core::Plan& plan, const FormState& state) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "review-title"}});
  h.el("h2", {{"id", "review-title"}}, "計画の見直し");
  h.el("p", "最終見直し日：" + (plan.facility.last_reviewed
                                    ? core::format_wareki(*plan.facility.last_reviewed)
                                    : std::string("記録なし")));
  if (ctx.can(app::Permission::EditPlan)) {
    std::vector<FieldSpec> specs{
        {"reviewed_on", "見直した日", FieldKind::Date, false, "空欄なら今日"},
        {"note", "見直しの内容", FieldKind::TextArea, false,
         "例：連絡先と機器台帳を確認、変更なし"}};
    begin_form(h, ctx, "/checks/review");
    for (const auto& s : specs) field(h, s, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "見直したことを記録");
    h.close("div");
    end_form(h);
  }
  h.close("section");
}

void settings_section(Html& h, RequestContext& ctx, const core::ReminderSettings& settings,
                      const FormState* refused) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "settings-title"}});
  h.el("h2", {{"id", "settings-title"}}, "点検の周期");
  FormState state;
  for (const auto& f : kSettings) state.set(f.key, std::to_string(settings.*f.member));
  if (refused != nullptr) state = *refused;
  std::vector<FieldSpec> specs;
  for (const auto& f : kSettings) {
    FieldSpec spec{f.key, f.label, FieldKind::Number, true};
    spec.read_only = !ctx.can(app::Permission::EditPlan);
    specs.push_back(spec);
  }
  error_summary(h, state, specs);
  begin_form(h, ctx, "/checks/settings");
  for (const auto& s : specs) field(h, s, state);
  if (ctx.can(app::Permission::EditPlan)) {
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "周期を保存", "button button--secondary");
    h.close("div");
  }
  end_form(h);
  h.close("section");
}

void checks_page(RequestContext& ctx, const FormState* review_state,
                 const FormState* settings_state) {
  core::Plan plan = app::load_plan(ctx.ws);
  const core::Date today = ctx.now().tokyo_date();
  auto settings = app::reminder_settings(ctx.ws, ctx.actor());
  Page page;
  page.title = "平時の点検";
  page.nav = "checks";
  page.crumbs = {{"ダッシュボード", "/"}};
  if ((review_state && review_state->has_errors()) ||
      (settings_state && settings_state->has_errors())) {
    page.status = 422;
  }
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "計画を「使える状態」に保つための定期的な点検です。期限を過ぎたものはダッシュボードにも"
       "表示されます。");
  const auto reminders = app::current_reminders(ctx.ws, ctx.actor(), today);
  if (!ctx.can(app::Permission::EditPlan)) {
    own_checks_section(h, ctx, plan, reminders);
    render_page(ctx, page);
    return;
  }
  reminders_section(h, plan, reminders);
  mail_problems_section(h, ctx);
  contacts_section(h, ctx, plan, today, settings.contact_verify_months);
  review_section(h, ctx, plan, review_state ? *review_state : FormState{});
  settings_section(h, ctx, settings, settings_state);
  render_page(ctx, page);
}

std::optional<core::Date> read_date(const std::string& text, const core::Date& today) {
  const std::string t = core::trim(text);
  if (t.empty()) return today;
  if (auto d = core::Date::parse(t)) return d;
  return core::parse_wareki(t);
}

void verify_contact(RequestContext& ctx) {
  const core::Date today = ctx.now().tokyo_date();
  auto problems = app::record_contact_verification(
      ctx.ws, ctx.actor(), core::ExternalContactId(ctx.id_match(1)), today, today, "");
  if (!problems.empty()) {
    render_error(ctx, 422, "記録できませんでした", problems.front().message);
    return;
  }
  ctx.redirect("/checks?notice=saved#contact-" + std::to_string(ctx.id_match(1)));
}

void review_plan(RequestContext& ctx) {
  const core::Date today = ctx.now().tokyo_date();
  FormState state;
  state.set("reviewed_on", ctx.param("reviewed_on"));
  state.set("note", ctx.param("note"));
  auto on = read_date(ctx.param("reviewed_on"), today);
  if (!on) {
    state.error("reviewed_on", "日付を読めません（例：2025-04-01 または 令和7年4月1日）。");
  } else {
    auto problems = app::record_plan_review(ctx.ws, ctx.actor(), *on, today, ctx.param("note"));
    for (const auto& p : problems) state.error("reviewed_on", p.message);
  }
  if (state.has_errors()) {
    checks_page(ctx, &state, nullptr);
    return;
  }
  ctx.redirect("/checks?notice=saved#review-title");
}

void save_settings(RequestContext& ctx) {
  core::ReminderSettings settings;
  FormState state;
  for (const auto& f : kSettings) {
    const std::string text = core::trim(ctx.param(f.key));
    state.set(f.key, text);
    if (text.empty() || text.size() > 6 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      state.error(f.key, std::string(f.label) + "を数字で入力してください。");
      continue;
    }
    settings.*f.member = std::stoi(text);
  }
  if (!state.has_errors()) {
    auto problems = app::update_reminder_settings(ctx.ws, ctx.actor(), settings);
    state.add_problems(problems, [](const core::Problem& p) { return p.field; });
  }
  if (state.has_errors()) {
    checks_page(ctx, nullptr, &state);
    return;
  }
  ctx.redirect("/checks?notice=saved#settings-title");
}

}  // namespace

void register_check_routes(Router& router) {
  using app::Permission;
  router.add_nav({"checks", "点検", "/checks", Permission::ReadPlan, 30, "日頃の備え"});
  router.get("/checks", Permission::ReadPlan,
             [](RequestContext& ctx) { checks_page(ctx, nullptr, nullptr); });
  router.post("/checks/contacts/([0-9]+)", Permission::EditPlan, verify_contact);
  router.post("/checks/review", Permission::EditPlan, review_plan);
  router.post("/checks/settings", Permission::EditPlan, save_settings);
}

}  // namespace medbcp::web
