#include "web/upkeep_backup_pages.h"

#include <map>

#include "app/clinic_backup_runs.h"
#include "app/database_backup_schedule.h"
#include "core/text.h"
#include "core/wareki.h"
#include "web/form.h"
#include "web/incident_forms.h"
#include "web/layout.h"
#include "web/section_pages.h"
#include "web/upkeep_widgets.h"

namespace medbcp::web {
namespace {

std::vector<Option> outcome_options() { return {{"ok", "成功"}, {"fail", "失敗"}}; }

// Problems of the last refused form, keyed by the plan it was for.
struct Refused {
  std::int64_t plan = 0;
  std::string form;  // "run" or "test"
  core::Problems problems;
  std::map<std::string, std::string> values;
};

std::string value_of(const Refused& r, std::int64_t plan, const std::string& form,
                     const std::string& key, const std::string& fallback = "") {
  if (r.plan != plan || r.form != form) return fallback;
  auto it = r.values.find(key);
  return it == r.values.end() ? fallback : it->second;
}

std::string when(const std::optional<core::Instant>& at) {
  return at ? at->tokyo_text() : "記録なし";
}

// The date and time as typed everywhere in the app (the incident pages too):
// text, 「2025-04-01 02:00」 or 「02:00」 for today, empty for now.
void at_input(Html& h, const std::string& id, const std::string& value) {
  compact_input(h, id, "at", "実施日時", "text", value, false,
                {{"class", "input--datetime"},
                 {"placeholder", "例：2025-04-01 02:00、02:00（空欄なら今）"},
                 {"autocomplete", "off"}});
}

void run_form(Html& h, RequestContext& ctx, const app::BackupPlanStatus& s, const Refused& r) {
  const std::int64_t id = s.plan.id.value;
  const std::string sfx = std::to_string(id);
  h.open("form", {{"method", "post"},
                  {"action", "/backups/" + sfx + "/runs"},
                  {"class", "form--inline upkeep-form"},
                  // Its heading and the plan's: one name per form on the page.
                  {"aria-labelledby", "run-title-" + sfx + " plan-" + sfx + "-title"}});
  h.el("h3", {{"class", "upkeep-form__title"}, {"id", "run-title-" + sfx}},
       "バックアップの実施を記録");
  csrf_field(h, ctx);
  compact_select(h, "run-result-" + sfx, "result", "結果", outcome_options(),
                 value_of(r, id, "run", "result", "ok"));
  at_input(h, "run-at-" + sfx, value_of(r, id, "run", "at"));
  compact_input(h, "run-note-" + sfx, "note", "備考", "text", value_of(r, id, "run", "note"));
  h.el("button", {{"type", "submit"}, {"class", "button button--small"}}, "実施を記録");
  h.close("form");
}

void test_form(Html& h, RequestContext& ctx, const app::BackupPlanStatus& s, const Refused& r) {
  const std::int64_t id = s.plan.id.value;
  const std::string sfx = std::to_string(id);
  h.open("form", {{"method", "post"},
                  {"action", "/backups/" + sfx + "/restore-tests"},
                  {"class", "form--inline upkeep-form"},
                  {"aria-labelledby", "test-title-" + sfx + " plan-" + sfx + "-title"}});
  h.el("h3", {{"class", "upkeep-form__title"}, {"id", "test-title-" + sfx}},
       "復旧テストの結果を記録");
  csrf_field(h, ctx);
  compact_select(h, "test-result-" + sfx, "result", "結果", outcome_options(),
                 value_of(r, id, "test", "result", "ok"));
  compact_input(h, "test-minutes-" + sfx, "minutes", "かかった時間（分）", "number",
                value_of(r, id, "test", "minutes"), true,
                {{"min", "0"}, {"max", "10080"}, {"inputmode", "numeric"}});
  at_input(h, "test-at-" + sfx, value_of(r, id, "test", "at"));
  compact_input(h, "test-note-" + sfx, "note", "備考（手順、問題点）", "text",
                value_of(r, id, "test", "note"));
  h.el("button", {{"type", "submit"}, {"class", "button button--small button--secondary"}},
       "復旧テストを記録");
  h.close("form");
}

void plan_panel(Html& h, RequestContext& ctx, const app::BackupPlanStatus& s, const Refused& r,
                const core::Date& today) {
  const std::string anchor = "plan-" + std::to_string(s.plan.id.value);
  h.open("section", {{"class", "panel"}, {"id", anchor}, {"aria-labelledby", anchor + "-title"}});
  h.el("h2", {{"id", anchor + "-title"}}, s.title);
  std::string due = "—";
  if (s.next_due) {
    due = core::format_wareki(*s.next_due);
    if (today > *s.next_due) due += "（期限切れ）";
  } else if (s.plan.frequency_days > 0) {
    due = "成功の記録がありません";
  }
  facts(h, {{"記録番号", std::to_string(s.plan.id.value)},
            {"作成方法", s.plan.method.empty() ? "—" : s.plan.method},
            {"保管", s.plan.offline ? "オフライン（切り離して保管）"
                                    : "オンラインのみ（ランサムウェアに注意）"},
            {"最後に成功したバックアップ", when(s.history.last_ok_run)},
            {"次の期限", due},
            {"最後に成功した復旧テスト", when(s.history.last_ok_restore_test)}});
  if (s.history.last_run && s.history.last_run->outcome == core::Outcome::Failed) {
    h.el("p", {{"class", "status"}, {"role", "status"}},
         "直近のバックアップ（" + s.history.last_run->at.tokyo_text() + "）は失敗しています。");
  }
  if (r.plan == s.plan.id.value) problem_summary(h, "記録できませんでした", r.problems);
  if (ctx.can(app::Permission::EditPlan)) {
    // Nine plans with two open forms each made a phone's page of 12,000 px.
    const std::int64_t id = s.plan.id.value;
    open_fold(h, {"backup-form", "", "バックアップの実施を記録する",
                  r.plan == id && r.form == "run", true});
    run_form(h, ctx, s, r);
    h.close("details");
    open_fold(h, {"backup-form", "", "復旧テストの結果を記録する", r.plan == id && r.form == "test",
                  true});
    test_form(h, ctx, s, r);
    h.close("details");
  }
  if (!s.recent_runs.empty() || !s.recent_tests.empty()) {
    h.open("details", {{"class", "recent"}});
    h.el("summary", "最近の記録");
    h.open("table", {{"class", "data"}});
    h.open("thead").open("tr");
    for (const char* col : {"種類", "日時", "結果", "時間", "備考", "記録者"}) {
      h.el("th", {{"scope", "col"}}, col);
    }
    h.close("tr").close("thead").open("tbody");
    for (const auto& run : s.recent_runs) {
      h.open("tr");
      h.el("td", "バックアップ");
      h.el("td", run.at.tokyo_text());
      h.el("td", core::label(run.outcome));
      h.el("td", "—");
      h.open("td");
      text_or_dash(h, run.note);
      h.close("td");
      h.el("td", run.recorded_by);
      h.close("tr");
    }
    for (const auto& t : s.recent_tests) {
      h.open("tr");
      h.el("td", "復旧テスト");
      h.el("td", t.at.tokyo_text());
      h.el("td", core::label(t.outcome));
      h.el("td", std::to_string(t.minutes) + " 分");
      h.open("td");
      text_or_dash(h, t.note);
      h.close("td");
      h.el("td", t.recorded_by);
      h.close("tr");
    }
    h.close("tbody").close("table");
    h.close("details");
  }
  h.close("section");
}

// medbcp's own database: its daily backup (medbcp-backup.timer) and the
// copy taken off the machine, which a person records here.
void own_backups_section(Html& h, RequestContext& ctx, const Refused& refused) {
  const auto own = app::own_backup_standing(ctx.ws, ctx.actor());
  if (!own.applies) return;
  h.open("section", {{"class", "panel"}, {"id", "own-backups"}, {"aria-labelledby", "own-title"}});
  h.el("h2", {{"id", "own-title"}}, "medbcp 自身のバックアップ");
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "最新のバックアップ").el("dd", when(own.newest));
  h.el("dt", "機械の外への複製")
      .el("dd", own.last_copy ? own.last_copy->tokyo_text() + "（" + own.last_copied_to + "）"
                              : std::string("記録なし"));
  h.close("dl");
  h.el("p", {{"class", "hint"}},
       "この計画と対応記録を収めたデータベースは、毎日自動でバックアップされます（管理者が設定）。"
       "この機械が暗号化されても残るように、USBディスクなど機械の外へ複製し、ここに記録してください"
       "。");
  if (ctx.can(app::Permission::ManageUsers) && own.count > 0) {
    const bool mine = refused.form == "own";
    h.open("form", {{"method", "post"},
                    {"action", "/backups/own/copied"},
                    {"class", "form--inline upkeep-form"},
                    {"aria-labelledby", "own-copy-title"}});
    h.el("h3", {{"class", "upkeep-form__title"}, {"id", "own-copy-title"}},
         "機械の外へ複製したことを記録");
    csrf_field(h, ctx);
    if (mine) problem_summary(h, "記録できませんでした", refused.problems);
    compact_input(h, "own-to", "to", "複製した先", "text",
                  mine ? refused.values.at("to") : std::string(), true,
                  {{"placeholder", "例：USBディスク（金庫）"}});
    compact_input(h, "own-at", "at", "複製した日時", "text",
                  mine ? refused.values.at("at") : std::string(), false,
                  {{"class", "input--datetime"},
                   {"placeholder", "例：2025-04-01 18:00（空欄なら今）"},
                   {"autocomplete", "off"}});
    h.el("button", {{"type", "submit"}, {"class", "button button--small"}}, "複製を記録");
    h.close("form");
  }
  h.close("section");
}

void backups_page(RequestContext& ctx, const Refused& refused) {
  Page page;
  page.title = "バックアップの記録";
  page.nav = "backups";
  page.crumbs = {{"ダッシュボード", "/"}};
  if (!refused.problems.empty()) page.status = 422;
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "バックアップ体制の各行について、バックアップの実施と復旧テスト（実際に復元できるかの確認）"
       "を記録します。頻度どおりに成功していない行、12か月以内に復旧テストが成功していない行は"
       "ダッシュボードに表示されます。");
  h.el("p", {{"class", "hint"}},
       "バックアップ処理（夜間の自動バックアップなど）から自動で記録することもできます。設定は"
       "管理者かシステム事業者が行います（取扱説明の「バックアップの自動記録」、各行の記録番号を"
       "使います）。");
  auto plans = app::backup_overview(ctx.ws, ctx.actor());
  if (plans.empty()) {
    h.open("p", {{"class", "empty"}})
        .text("バックアップ体制が登録されていません。")
        .el("a", {{"href", "/plan/backups"}}, "バックアップ体制を登録する")
        .close("p");
  }
  const core::Date today = ctx.now().tokyo_date();
  for (const auto& s : plans) plan_panel(h, ctx, s, refused, today);
  own_backups_section(h, ctx, refused);
  render_page(ctx, page);
}

Refused read_refused(RequestContext& ctx, const std::string& form,
                     std::initializer_list<const char*> keys) {
  Refused r;
  r.plan = ctx.id_match(1);
  r.form = form;
  for (const char* k : keys) r.values[k] = ctx.param(k);
  return r;
}

// Read as every typed time of the app is (web/incident_forms.h).
std::optional<core::Instant> read_at(RequestContext& ctx, core::Problems& problems) {
  FormState state;
  state.set("at", core::trim(ctx.param("at")));
  if (state.value("at").empty()) return std::nullopt;
  // The form of a browser's date-time picker, as pages before this one sent.
  if (state.value("at").find('T') != std::string::npos) {
    if (auto at = app::parse_run_time(state.value("at"))) return at;
  }
  auto at = read_time(state, "at", ctx.now());
  for (const auto& [key, message] : state.all()) problems.push_back({"at", 0, message});
  return at;
}

void record_run(RequestContext& ctx) {
  Refused r = read_refused(ctx, "run", {"result", "at", "note"});
  auto outcome = core::outcome_from_code(ctx.param("result")).value_or(core::Outcome::Ok);
  auto at = read_at(ctx, r.problems);
  if (r.problems.empty()) {
    auto recorded = app::record_backup_run(ctx.ws, ctx.actor(), core::BackupPlanId(r.plan), outcome,
                                           at, ctx.param("note"));
    if (recorded.run) {
      ctx.redirect("/backups?notice=saved#plan-" + std::to_string(r.plan));
      return;
    }
    r.problems = recorded.problems;
  }
  backups_page(ctx, r);
}

void record_test(RequestContext& ctx) {
  Refused r = read_refused(ctx, "test", {"result", "minutes", "at", "note"});
  auto outcome = core::outcome_from_code(ctx.param("result")).value_or(core::Outcome::Ok);
  auto at = read_at(ctx, r.problems);
  const std::string minutes_text = core::trim(ctx.param("minutes"));
  int minutes = -1;
  if (!minutes_text.empty() && minutes_text.size() < 7 &&
      minutes_text.find_first_not_of("0123456789") == std::string::npos) {
    minutes = std::stoi(minutes_text);
  } else {
    r.problems.push_back({"minutes", 0, "復旧にかかった時間を分で入力してください（例：45）。"});
  }
  if (r.problems.empty()) {
    auto recorded = app::record_restore_test(ctx.ws, ctx.actor(), core::BackupPlanId(r.plan),
                                             outcome, minutes, at, ctx.param("note"));
    if (recorded.test) {
      ctx.redirect("/backups?notice=saved#plan-" + std::to_string(r.plan));
      return;
    }
    r.problems = recorded.problems;
  }
  backups_page(ctx, r);
}

void record_own_copy(RequestContext& ctx) {
  Refused r;
  r.form = "own";
  r.values = {{"to", ctx.param("to")}, {"at", ctx.param("at")}};
  const auto at = read_at(ctx, r.problems);
  if (r.problems.empty()) {
    auto recorded = app::record_backups_copied_off(ctx.ws, ctx.actor(), ctx.param("to"),
                                                   at.value_or(ctx.now()), ctx.now());
    if (recorded.problems.empty()) {
      ctx.redirect("/backups?notice=saved#own-backups");
      return;
    }
    r.problems = recorded.problems;
  }
  backups_page(ctx, r);
}

}  // namespace

void register_backup_routes(Router& router) {
  using app::Permission;
  router.add_nav({"backups", "バックアップ", "/backups", Permission::ReadPlan, 34, "日頃の備え"});
  router.get("/backups", Permission::ReadPlan, [](RequestContext& ctx) { backups_page(ctx, {}); });
  router.post("/backups/([0-9]+)/runs", Permission::EditPlan, record_run);
  router.post("/backups/([0-9]+)/restore-tests", Permission::EditPlan, record_test);
  router.post("/backups/own/copied", Permission::ManageUsers, record_own_copy);
}

}  // namespace medbcp::web
