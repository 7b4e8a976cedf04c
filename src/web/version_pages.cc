#include "web/version_pages.h"

#include "app/plan_service.h"
#include "app/publish.h"
#include "web/change_list.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/plan_links.h"
#include "web/record_form.h"
#include "web/section_pages.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

std::vector<FieldSpec> publish_fields() {
  return {{"published_on", "版の日付", FieldKind::Date, true, kDateHint},
          {"note", "改訂内容", FieldKind::TextArea, false,
           "この版で何を変えたか。例：連絡体制図の担当者を更新、バックアップ体制に外付けHDDを追加"},
          {"accept_gaps", "不備が残ったまま発行する", FieldKind::Checkbox, false,
           "職員はこの内容で確認します。不備は次の版で直してください。"}};
}

// The plan's gaps, listed above the form with links to fix them: staff are
// asked to confirm what is published, gaps and all.
void open_gaps_warning(Html& h, const core::Plan& plan, const std::vector<core::Gap>& gaps) {
  h.open("div", {{"class", "callout callout--warning"}, {"id", "publish-gaps"}});
  h.el("p", "計画に不備が " + std::to_string(gaps.size()) +
                " 件あります。直してから発行することをおすすめします。");
  h.open("ul");
  for (std::size_t i = 0; i < gaps.size() && i < 5; ++i) {
    h.open("li")
        .el("a", {{"href", gap_link(plan, gaps[i])}}, gaps[i].where)
        .text("：" + gaps[i].message)
        .close("li");
  }
  if (gaps.size() > 5) {
    h.open("li")
        .el("a", {{"href", "/plan"}}, "ほか " + std::to_string(gaps.size() - 5) + " 件")
        .close("li");
  }
  h.close("ul");
  h.close("div");
}

std::string edition_text(int edition) { return "第" + std::to_string(edition) + "版"; }

void publish_form(RequestContext& ctx, Html& h, const FormState& state) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "publish-title"}});
  h.el("h2", {{"id", "publish-title"}}, "新しい版を発行");
  h.el("p", {{"class", "hint"}},
       "いまの計画の内容をそのまま新しい版として保存し、全職員に確認を求めます。");
  auto specs = publish_fields();
  const core::Plan plan = app::load_plan(ctx.ws);
  const auto gaps = core::readiness_gaps(plan);
  if (gaps.empty()) specs.pop_back();  // nothing to accept
  error_summary(h, state, specs);
  if (!gaps.empty()) open_gaps_warning(h, plan, gaps);
  begin_form(h, ctx, "/versions");
  for (const auto& s : specs) field(h, s, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "この内容で発行する");
  h.close("div");
  end_form(h);
  h.close("section");
}

void my_confirmation(RequestContext& ctx, Html& h, const app::Version& v,
                     const std::string& return_to) {
  if (!ctx.actor().user.valid()) return;
  auto at = app::acknowledged_at(ctx.ws, ctx.actor().user, v.id);
  if (at) {
    h.el("p", {{"class", "status status--ok"}},
         "あなたは " + at->tokyo_text() + " に" + edition_text(v.edition) + "を確認しました。");
    return;
  }
  h.open("div", {{"class", "callout"}});
  h.el("p", edition_text(v.edition) +
                "をまだ確認していません。計画を読んだら、確認を記録してください。");
  action_button(h, ctx, "/versions/" + std::to_string(v.id) + "/acknowledge", "読んで確認しました",
                "button", {{"return", return_to}});
  h.close("div");
}

void version_list(RequestContext& ctx, const FormState& state) {
  std::vector<app::Version> versions = app::list_versions(ctx.ws);
  Page page;
  page.title = "版と周知";
  page.nav = "versions";
  page.crumbs.push_back({"ダッシュボード", "/"});
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "本ＢＣＰは現状を反映した原本を整備し、全職員に開示周知します（総則５）。"
       "発行した版ごとに、職員一人ひとりの確認を記録します。");
  if (!versions.empty()) my_confirmation(ctx, h, versions.front(), "/versions");
  if (ctx.can(app::Permission::Publish)) publish_form(ctx, h, state);

  h.open("section", {{"aria-labelledby", "versions-title"}});
  h.el("h2", {{"id", "versions-title"}}, "発行済みの版");
  if (versions.empty()) {
    h.el("p", {{"class", "empty"}}, "まだ発行された版はありません。");
  } else {
    h.open("div", {{"class", "table-wrap"},
                   {"role", "region"},
                   {"aria-label", "発行済みの版の表"},
                   {"tabindex", "0"}});
    h.open("table", {{"class", "data"}});
    h.open("thead").open("tr");
    for (const char* col : {"版", "日付", "発行した人", "改訂内容"})
      h.el("th", {{"scope", "col"}}, col);
    h.close("tr").close("thead");
    h.open("tbody");
    for (const auto& v : versions) {
      h.open("tr");
      h.open("td")
          .el("a", {{"href", "/versions/" + std::to_string(v.id)}}, edition_text(v.edition))
          .close("td");
      h.el("td", v.published_on.iso());
      h.el("td", v.published_by_name);
      h.open("td");
      cell_text(h, v.note);
      h.close("td");
      h.close("tr");
    }
    h.close("tbody");
    h.close("table");
    h.close("div");
  }
  h.close("section");

  if (versions.size() >= 2) {
    h.open("section", {{"aria-labelledby", "compare-title"}});
    h.el("h2", {{"id", "compare-title"}}, "版の比較");
    h.open("form", {{"method", "get"}, {"action", "/versions/diff"}, {"class", "filter-form"}});
    auto select = [&](const char* name, const char* label, std::int64_t selected) {
      h.open("div", {{"class", "field"}});
      h.el("label", {{"for", std::string("f-") + name}}, label);
      h.open("select", {{"id", std::string("f-") + name}, {"name", name}});
      for (const auto& v : versions) {
        h.el("option", {{"value", std::to_string(v.id)}, Attr::flag("selected", v.id == selected)},
             edition_text(v.edition) + "（" + v.published_on.iso() + "）");
      }
      h.close("select");
      h.close("div");
    };
    select("from", "比較元", versions[1].id);
    select("to", "比較先", versions[0].id);
    submit_button(h, "違いを表示", "button button--secondary");
    h.close("form");
    h.close("section");
  }
  render_page(ctx, page);
}

void version_detail(RequestContext& ctx) {
  auto version = app::find_version(ctx.ws, ctx.id_match(1));
  if (!version) {
    render_error(ctx, 404, "見つかりません", "指定された版はありません。");
    return;
  }
  std::vector<app::Version> versions = app::list_versions(ctx.ws);
  const app::Version* previous = nullptr;
  for (const auto& v : versions) {
    if (v.edition < version->edition && (previous == nullptr || v.edition > previous->edition)) {
      previous = &v;
    }
  }
  const bool is_current = !versions.empty() && versions.front().id == version->id;
  Page page;
  page.title = edition_text(version->edition);
  page.nav = "versions";
  page.crumbs = {{"ダッシュボード", "/"}, {"版と周知", "/versions"}};
  Html& h = page.body;
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "版の日付");
  h.el("dd", version->published_on.iso());
  h.el("dt", "発行");
  h.el("dd", version->published_by_name + "（" + version->published_at.tokyo_text() + "）");
  h.el("dt", "改訂内容");
  h.el("dd", version->note.empty() ? "—" : version->note);
  h.close("dl");
  if (is_current) {
    my_confirmation(ctx, h, *version, "/versions/" + std::to_string(version->id));
  }

  if (ctx.can(app::Permission::Publish)) {
    auto status = app::reading_status(ctx.ws, ctx.actor(), version->id);
    h.open("section", {{"aria-labelledby", "readers-title"}});
    h.el("h2", {{"id", "readers-title"}}, "職員の確認状況");
    h.open("div", {{"class", "table-wrap"},
                   {"role", "region"},
                   {"aria-label", "職員の確認状況の表"},
                   {"tabindex", "0"}});
    h.open("table", {{"class", "data"}});
    h.open("thead").open("tr");
    for (const char* col : {"職員", "役割", "確認"}) h.el("th", {{"scope", "col"}}, col);
    h.close("tr").close("thead");
    h.open("tbody");
    for (const auto& s : status) {
      h.open("tr");
      h.el("td", s.user.name);
      h.el("td", app::label(s.user.role));
      if (s.acknowledged_at) {
        h.el("td", s.acknowledged_at->tokyo_text());
      } else {
        h.open("td").el("span", {{"class", "tag tag--bad"}}, "未確認").close("td");
      }
      h.close("tr");
    }
    h.close("tbody");
    h.close("table");
    h.close("div");
    h.close("section");
  }

  h.open("section", {{"aria-labelledby", "diff-title"}});
  if (previous != nullptr) {
    h.el("h2", {{"id", "diff-title"}}, edition_text(previous->edition) + "からの変更");
    core::Plan plan = app::has_plan(ctx.ws) ? app::load_plan(ctx.ws) : core::Plan{};
    auto changes = app::diff_versions(ctx.ws, ctx.actor(), previous->id, version->id);
    change_list(h, plan, changes.value_or(std::vector<app::RecordChange>{}));
  } else {
    h.el("h2", {{"id", "diff-title"}}, "変更");
    h.el("p", {{"class", "empty"}}, "最初の版です。");
  }
  h.close("section");
  render_page(ctx, page);
}

void version_diff(RequestContext& ctx) {
  auto from_id = parse_typed_count(ctx.param("from"), 2'000'000'000).value_or(0);
  auto to_id = parse_typed_count(ctx.param("to"), 2'000'000'000).value_or(0);
  auto from = app::find_version(ctx.ws, from_id);
  auto to = app::find_version(ctx.ws, to_id);
  auto changes = app::diff_versions(ctx.ws, ctx.actor(), from_id, to_id);
  if (!from || !to || !changes) {
    render_error(ctx, 404, "見つかりません", "比較する版を選び直してください。");
    return;
  }
  core::Plan plan = app::has_plan(ctx.ws) ? app::load_plan(ctx.ws) : core::Plan{};
  Page page;
  page.title = edition_text(from->edition) + "と" + edition_text(to->edition) + "の違い";
  page.nav = "versions";
  page.crumbs = {{"ダッシュボード", "/"}, {"版と周知", "/versions"}};
  change_list(page.body, plan, *changes);
  render_page(ctx, page);
}

}  // namespace

void register_version_routes(Router& router) {
  using app::Permission;
  router.add_nav({"versions", "版と周知", "/versions", Permission::ReadPlan, 24, "計画"});
  router.get("/versions", Permission::ReadPlan, [](RequestContext& ctx) {
    FormState state;
    state.set("published_on", ctx.now().tokyo_date().iso());
    version_list(ctx, state);
  });
  router.post("/versions", Permission::Publish, [](RequestContext& ctx) {
    FormState state = read_form(ctx, publish_fields());
    auto date = parse_typed_date(state.value("published_on"));
    if (!date) {
      state.error("published_on",
                  core::trim(state.value("published_on")).empty()
                      ? "「版の日付」を入力してください。"
                      : "日付は「2024-04-01」または「令和6年4月1日」の形で入力してください。");
    } else {
      app::PublishResult result =
          app::publish_version(ctx.ws, ctx.actor(), *date, state.value("note"), ctx.now(),
                               !state.value("accept_gaps").empty() ? app::OpenGaps::PublishAnyway
                                                                   : app::OpenGaps::Refuse);
      if (result.problems.empty()) {
        ctx.redirect("/versions/" + std::to_string(result.version->id) + "?notice=published");
        return;
      }
      state.add_problems(result.problems, [](const core::Problem& p) { return p.field; });
    }
    version_list(ctx, state);
  });
  router.get(R"(/versions/(\d+))", Permission::ReadPlan, version_detail);
  router.get("/versions/diff", Permission::ReadPlan, version_diff);
  router.post(R"(/versions/(\d+)/acknowledge)", Permission::ReadPlan, [](RequestContext& ctx) {
    core::Problems problems =
        app::acknowledge_version(ctx.ws, ctx.actor(), ctx.id_match(1), ctx.now());
    if (!problems.empty()) {
      render_error(ctx, 422, "確認を記録できませんでした", problems.front().message);
      return;
    }
    std::string back = local_path_or(ctx.param("return"), "/");
    ctx.redirect(back + (back.find('?') == std::string::npos ? "?" : "&") + "notice=acknowledged");
  });
}

}  // namespace medbcp::web
