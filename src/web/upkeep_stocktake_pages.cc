#include "web/upkeep_stocktake_pages.h"

#include "app/audit.h"
#include "app/stocktake.h"
#include "app/stocktake_printouts.h"
#include "core/text.h"
#include "core/wareki.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/section_pages.h"
#include "web/upkeep_widgets.h"

namespace medbcp::web {
namespace {

const char* kRoundPattern = "/stocktake/([0-9a-f]{32})";

std::string round_url(const core::StocktakeRoundId& id) { return "/stocktake/" + id.value; }

std::string item_title(const core::StocktakeItem& it) {
  return it.asset_number.empty() ? it.name : it.asset_number + " " + it.name;
}

std::vector<Option> finding_options(bool with_unlisted) {
  std::vector<Option> out;
  for (core::Finding f : core::kFindings) {
    if (f == core::Finding::Unlisted && !with_unlisted) continue;
    out.push_back({core::code(f), core::label(f)});
  }
  return out;
}

std::vector<Option> status_options() {
  std::vector<Option> out{{"", "（変更なし）"}};
  for (core::DeviceStatus s : core::kDeviceStatuses) {
    // 廃棄 and 所在不明 are findings of their own.
    if (s == core::DeviceStatus::Retired || s == core::DeviceStatus::Missing) continue;
    out.push_back({core::code(s), core::label(s)});
  }
  return out;
}

std::vector<Option> kind_options() {
  std::vector<Option> out;
  for (core::DeviceKind k : core::kDeviceKinds) out.push_back({core::code(k), core::label(k)});
  return out;
}

std::string result_text(const core::StocktakeResult& r) {
  std::string text = core::label(r.finding);
  if (!r.new_location.empty()) text += "：設置場所 → " + r.new_location;
  if (r.new_status) text += std::string("：状態 → ") + core::label(*r.new_status);
  if (r.finding == core::Finding::Unlisted) {
    text += "：" + r.found_name + (r.found_location.empty() ? "" : "（" + r.found_location + "）");
  }
  return text;
}

// ------------------------------------------------------------------ list

void list_page(RequestContext& ctx, const core::Problems& problems, const FormState& state) {
  Page page;
  page.title = "棚卸し";
  page.nav = "stocktake";
  page.crumbs = {{"ダッシュボード", "/"}};
  if (!problems.empty()) page.status = 422;
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "情報機器台帳（別紙２）の機器を一台ずつ探し、所在と稼働状況を確かめます。"
       "結果は終了時に台帳へ反映され、変更はすべて記録に残ります。");
  auto rounds = app::list_stocktakes(ctx.ws, ctx.actor());
  const bool open_exists = !rounds.empty() && !rounds.front().round.closed();

  if (ctx.can(app::Permission::EditPlan) && !open_exists) {
    h.open("section", {{"class", "panel"}, {"aria-labelledby", "start-title"}});
    h.el("h2", {{"id", "start-title"}}, "棚卸しを始める");
    problem_summary(h, "棚卸しを開始できませんでした", problems);
    begin_form(h, ctx, "/stocktake");
    field(h, {"title", "名称", FieldKind::Text, false, "例：令和7年度 定期棚卸し（空欄なら日付）"},
          state);
    field(h, {"note", "備考", FieldKind::TextArea, false, "範囲、担当者など"}, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "棚卸しを開始");
    h.close("div");
    end_form(h);
    h.close("section");
  }

  h.open("section", {{"aria-labelledby", "rounds-title"}});
  h.el("h2", {{"id", "rounds-title"}}, "これまでの棚卸し");
  if (rounds.empty()) {
    h.el("p", {{"class", "empty"}}, "まだ棚卸しの記録はありません。");
  } else {
    h.open("div", {{"class", "table-wrap"}});
    h.open("table", {{"class", "data"}});
    h.open("thead").open("tr");
    for (const char* col : {"名称", "開始", "状態", "記録済み", "差異"}) {
      h.el("th", {{"scope", "col"}}, col);
    }
    h.close("tr").close("thead").open("tbody");
    for (const auto& s : rounds) {
      h.open("tr");
      h.open("td").el("a", {{"href", round_url(s.round.id)}}, s.round.title).close("td");
      h.el("td", s.round.started_at.tokyo_text() + "（" + s.round.started_by + "）");
      h.open("td");
      if (s.round.closed()) {
        h.el("span", {{"class", "tag tag--ok"}}, "終了");
        h.text(" " + s.round.closed_at->tokyo_text());
      } else {
        h.el("span", {{"class", "tag tag--warn"}}, "実施中");
      }
      h.close("td");
      h.el("td", std::to_string(s.checked) + " / " + std::to_string(s.total) + " 台");
      h.el("td", std::to_string(s.differences) + " 件");
      h.close("tr");
    }
    h.close("tbody").close("table").close("div");
  }
  h.close("section");
  render_page(ctx, page);
}

void start_round(RequestContext& ctx) {
  auto started = app::start_stocktake(ctx.ws, ctx.actor(), ctx.param("title"), ctx.param("note"));
  if (!started.round) {
    FormState state;
    state.set("title", ctx.param("title"));
    state.set("note", ctx.param("note"));
    list_page(ctx, started.problems, state);
    return;
  }
  ctx.redirect(round_url(started.round->id) + "?notice=added");
}

// ------------------------------------------------------------------ round

void print_links(Html& h, const app::StocktakeView& v) {
  const std::string base = round_url(v.round.id);
  h.open("ul", {{"class", "downloads"}});
  h.open("li")
      .el("a", {{"href", base + "/sheet.pdf"}}, "チェックシート（PDF）")
      .text("　")
      .el("a", {{"href", base + "/sheet.html"}}, "（HTML）")
      .close("li");
  h.open("li")
      .el("a", {{"href", base + "/report.pdf"}}, "差異報告（PDF）")
      .text("　")
      .el("a", {{"href", base + "/report.html"}}, "（HTML）")
      .close("li");
  h.close("ul");
}

const core::StocktakeResult* effective_for(const app::StocktakeView& v,
                                           const core::StocktakeItem& it) {
  for (const auto& line : v.report.differences) {
    if (line.result && line.result->device && *line.result->device == it.device) {
      return &*line.result;
    }
  }
  return nullptr;
}

bool confirmed(const app::StocktakeView& v, const core::StocktakeItem& it) {
  for (const auto& line : v.report.unchecked) {
    if (line.item.device == it.device) return false;
  }
  return effective_for(v, it) == nullptr;
}

// The common case is one click (確認済); anything else opens a small form.
void record_cell(Html& h, RequestContext& ctx, const app::StocktakeView& v,
                 const core::StocktakeItem& it) {
  const std::string suffix = std::to_string(it.device.value);
  const std::string title = item_title(it);
  const std::string action = round_url(v.round.id) + "/results";
  action_button(h, ctx, action, "確認済", "button button--small",
                {{"device", suffix}, {"finding", "confirmed"}}, title + " を確認済にする");
  h.open("details", {{"class", "record-details"}});
  h.el("summary", "差異を記録");
  h.open("form", {{"method", "post"},
                  {"action", action},
                  {"class", "form--inline"},
                  {"aria-label", title + " の結果"}});
  csrf_field(h, ctx);
  h.empty("input", {{"type", "hidden"}, {"name", "device"}, {"value", suffix}});
  std::vector<Option> findings;
  for (const auto& o : finding_options(false)) {
    if (o.value != core::code(core::Finding::Confirmed)) findings.push_back(o);
  }
  compact_select(h, "finding-" + suffix, "finding", "結果", findings);
  compact_input(h, "location-" + suffix, "new_location", "新しい設置場所");
  compact_select(h, "status-" + suffix, "new_status", "新しい状態", status_options());
  compact_input(h, "note-" + suffix, "note", "備考");
  h.el("button", {{"type", "submit"}, {"class", "button button--small button--secondary"}}, "記録");
  h.close("form");
  h.close("details");
}

void items_table(Html& h, RequestContext& ctx, const app::StocktakeView& v, bool editable) {
  h.open("section", {{"aria-labelledby", "items-title"}});
  h.el("h2", {{"id", "items-title"}},
       "対象機器（記録済み " + std::to_string(v.report.checked) + " / " +
           std::to_string(v.report.total) + " 台）");
  h.open("div", {{"class", "table-wrap"}});
  h.open("table", {{"class", "data"}});
  h.open("thead").open("tr");
  for (const char* col :
       {"No.", "管理番号", "機器名", "設置場所（台帳）", "状態（台帳）", "結果"}) {
    h.el("th", {{"scope", "col"}}, col);
  }
  if (editable) h.el("th", {{"scope", "col"}}, "記録");
  h.close("tr").close("thead").open("tbody");
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    const auto& it = v.items[i];
    h.open("tr", {{"id", "item-" + std::to_string(it.device.value)}});
    h.el("td", std::to_string(i + 1));
    h.open("td");
    text_or_dash(h, it.asset_number);
    h.close("td");
    h.el("td", it.name);
    h.open("td");
    text_or_dash(h, it.location);
    h.close("td");
    h.el("td", core::label(it.status));
    h.open("td", {{"class", "result"}});
    if (const auto* r = effective_for(v, it)) {
      h.el("span", {{"class", "tag tag--warn"}}, core::label(r->finding));
      h.text(" " + result_text(*r).substr(std::string(core::label(r->finding)).size()));
    } else if (confirmed(v, it)) {
      h.el("span", {{"class", "tag tag--ok"}}, core::label(core::Finding::Confirmed));
    } else {
      h.el("span", {{"class", "muted"}}, "未確認");
    }
    h.close("td");
    if (editable) {
      h.open("td");
      record_cell(h, ctx, v, it);
      h.close("td");
    }
    h.close("tr");
  }
  h.close("tbody").close("table").close("div");
  h.close("section");
}

void unlisted_form(Html& h, RequestContext& ctx, const app::StocktakeView& v,
                   const FormState& state) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "unlisted-title"}});
  h.el("h2", {{"id", "unlisted-title"}}, "台帳にない機器を記録");
  h.el("p", {{"class", "hint"}},
       "台帳に載っていない機器を見つけたときに記録します。終了時に台帳へ追加されます。");
  begin_form(h, ctx, round_url(v.round.id) + "/results");
  h.empty("input", {{"type", "hidden"}, {"name", "finding"}, {"value", "unlisted"}});
  FieldSpec kind{"found_kind", "種別", FieldKind::Select};
  kind.options = kind_options();
  for (const auto& spec :
       {FieldSpec{"found_name", "機器名", FieldKind::Text, true, "例：持ち込みの無線ルータ"}, kind,
        FieldSpec{"found_asset_number", "管理番号（あれば）"},
        FieldSpec{"found_location", "発見場所"}, FieldSpec{"note", "備考"}}) {
    field(h, spec, state);
  }
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "台帳にない機器を記録", "button button--secondary");
  h.close("div");
  end_form(h);
  h.close("section");
}

void results_list(Html& h, RequestContext& ctx, const app::StocktakeView& v, bool editable) {
  h.open("section", {{"aria-labelledby", "results-title"}});
  h.el("h2", {{"id", "results-title"}}, "記録の一覧（" + std::to_string(v.results.size()) + "件）");
  if (v.results.empty()) {
    h.el("p", {{"class", "empty"}}, "まだ記録はありません。");
    h.close("section");
    return;
  }
  h.el("p", {{"class", "hint"}}, "同じ機器を二度記録したときは、新しい記録が有効です。");
  h.open("div", {{"class", "table-wrap"}});
  h.open("table", {{"class", "data"}});
  h.open("thead").open("tr");
  for (const char* col : {"記録日時", "機器", "結果", "備考", "記録者"}) {
    h.el("th", {{"scope", "col"}}, col);
  }
  if (editable) h.el("th", {{"scope", "col"}}, "取消");
  h.close("tr").close("thead").open("tbody");
  for (auto it = v.results.rbegin(); it != v.results.rend(); ++it) {
    const auto& r = *it;
    std::string device = "（台帳外）";
    for (const auto& item : v.items) {
      if (r.device && item.device == *r.device) device = item_title(item);
    }
    h.open("tr");
    h.el("td", r.recorded_at.tokyo_text());
    h.el("td", device);
    h.el("td", result_text(r));
    h.open("td");
    text_or_dash(h, r.note);
    h.close("td");
    h.el("td", r.recorded_by);
    if (editable) {
      h.open("td");
      action_button(h, ctx, round_url(v.round.id) + "/results/" + r.id.value + "/delete", "取消",
                    "button button--small button--quiet", {}, "取消（" + device + " の記録）");
      h.close("td");
    }
    h.close("tr");
  }
  h.close("tbody").close("table").close("div");
  h.close("section");
}

void close_form(Html& h, RequestContext& ctx, const app::StocktakeView& v) {
  h.open("section", {{"class", "panel"}, {"aria-labelledby", "close-title"}});
  h.el("h2", {{"id", "close-title"}}, "棚卸しを終了");
  h.el("p",
       "終了すると結果を情報機器台帳に反映します（設置場所・状態・最終棚卸日、台帳にない機器の"
       "追加）。終了後は記録できません。");
  begin_form(h, ctx, round_url(v.round.id) + "/close");
  if (!v.report.unchecked.empty()) {
    h.el("p", {{"class", "callout"}},
         "未確認の機器が " + std::to_string(v.report.unchecked.size()) +
             " 台あります。未確認の機器は台帳を変更しません。");
    FormState none;
    field(h, {"allow_unchecked", "未確認の機器を残したまま終了する", FieldKind::Checkbox}, none);
  }
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "棚卸しを終了して台帳に反映");
  h.close("div");
  end_form(h);
  h.close("section");
}

void changes_table(Html& h, const app::StocktakeView& v) {
  h.open("section", {{"aria-labelledby", "changes-title"}});
  h.el("h2", {{"id", "changes-title"}}, "台帳への反映（" + v.round.closed_by + "）");
  if (v.changes.empty()) {
    h.el("p", {{"class", "empty"}}, "台帳の変更はありませんでした。");
    h.close("section");
    return;
  }
  h.open("div", {{"class", "table-wrap"}});
  h.open("table", {{"class", "data"}});
  h.open("thead").open("tr");
  for (const char* col : {"機器", "項目", "変更前", "変更後"}) h.el("th", {{"scope", "col"}}, col);
  h.close("tr").close("thead").open("tbody");
  for (const auto& c : v.changes) {
    h.open("tr");
    h.el("td", c.device_label);
    h.el("td", core::ledger_field_label(c.field));
    h.open("td");
    text_or_dash(h, c.before);
    h.close("td");
    h.open("td");
    text_or_dash(h, c.after);
    h.close("td");
    h.close("tr");
  }
  h.close("tbody").close("table").close("div");
  h.close("section");
}

void round_page(RequestContext& ctx, const core::StocktakeRoundId& id,
                const core::Problems& problems, const FormState& unlisted_state) {
  auto view = app::stocktake_view(ctx.ws, ctx.actor(), id);
  if (!view) {
    render_error(ctx, 404, "見つかりません", "指定された棚卸しはありません。");
    return;
  }
  const app::StocktakeView& v = *view;
  const bool editable = !v.round.closed() && ctx.can(app::Permission::EditPlan);
  Page page;
  page.title = "棚卸し：" + v.round.title;
  page.nav = "stocktake";
  page.crumbs = {{"ダッシュボード", "/"}, {"棚卸し", "/stocktake"}};
  page.wide = true;
  if (!problems.empty()) page.status = 422;
  Html& h = page.body;
  problem_summary(h, "記録できませんでした", problems);
  std::vector<std::pair<std::string, std::string>> rows{
      {"状態", v.round.closed() ? "終了" : "実施中"},
      {"開始", v.round.started_at.tokyo_text() + "（" + v.round.started_by + "）"}};
  if (v.round.closed()) {
    rows.push_back({"終了", v.round.closed_at->tokyo_text() + "（" + v.round.closed_by + "）"});
  }
  rows.push_back({"対象", std::to_string(v.report.total) + " 台"});
  rows.push_back({"記録済み", std::to_string(v.report.checked) + " 台（台帳どおり " +
                                  std::to_string(v.report.confirmed) + " 台）"});
  rows.push_back({"台帳との差異", std::to_string(v.report.differences.size()) + " 件"});
  rows.push_back({"未確認", std::to_string(v.report.unchecked.size()) + " 台"});
  if (!v.round.note.empty()) rows.push_back({"備考", v.round.note});
  facts(h, rows);
  print_links(h, v);
  items_table(h, ctx, v, editable);
  if (editable) unlisted_form(h, ctx, v, unlisted_state);
  results_list(h, ctx, v, editable);
  if (editable) close_form(h, ctx, v);
  if (v.round.closed()) changes_table(h, v);
  render_page(ctx, page);
}

core::StocktakeRoundId round_id(const RequestContext& ctx) {
  return core::StocktakeRoundId{ctx.match(1)};
}

void record_result(RequestContext& ctx) {
  const auto id = round_id(ctx);
  core::StocktakeResult draft;
  auto finding = core::finding_from_code(ctx.param("finding"));
  FormState unlisted;
  for (const char* key :
       {"found_name", "found_kind", "found_asset_number", "found_location", "note"}) {
    unlisted.set(key, ctx.param(key));
  }
  if (!finding) {
    round_page(ctx, id, {{"finding", 0, "結果を選んでください。"}}, unlisted);
    return;
  }
  draft.finding = *finding;
  draft.note = ctx.param("note");
  if (*finding == core::Finding::Unlisted) {
    draft.found_name = ctx.param("found_name");
    draft.found_kind =
        core::device_kind_from_code(ctx.param("found_kind")).value_or(core::DeviceKind::Other);
    draft.found_asset_number = ctx.param("found_asset_number");
    draft.found_location = ctx.param("found_location");
  } else {
    const std::string device = ctx.param("device");
    if (!device.empty() && device.find_first_not_of("0123456789") == std::string::npos &&
        device.size() < 18) {
      draft.device = core::DeviceId(std::stoll(device));
    }
    draft.new_location = ctx.param("new_location");
    draft.new_status = core::device_status_from_code(ctx.param("new_status"));
  }
  auto recorded = app::record_stocktake_result(ctx.ws, ctx.actor(), id, draft);
  if (!recorded.result) {
    if (*finding != core::Finding::Unlisted) unlisted = FormState{};
    for (const auto& p : recorded.problems) {
      if (*finding == core::Finding::Unlisted && p.field == "found_name") {
        unlisted.error("found_name", p.message);
      }
    }
    round_page(ctx, id, recorded.problems, unlisted);
    return;
  }
  std::string anchor =
      draft.device ? "#item-" + std::to_string(draft.device->value) : "#unlisted-title";
  ctx.redirect(round_url(id) + "?notice=saved" + anchor);
}

void delete_result(RequestContext& ctx) {
  const auto id = round_id(ctx);
  auto problems =
      app::delete_stocktake_result(ctx.ws, ctx.actor(), core::StocktakeResultId{ctx.match(2)});
  if (!problems.empty()) {
    round_page(ctx, id, problems, {});
    return;
  }
  ctx.redirect(round_url(id) + "?notice=deleted#results-title");
}

void close_round(RequestContext& ctx) {
  const auto id = round_id(ctx);
  auto closed =
      app::close_stocktake(ctx.ws, ctx.actor(), id, !ctx.param("allow_unchecked").empty());
  if (!closed.problems.empty()) {
    round_page(ctx, id, closed.problems, {});
    return;
  }
  ctx.redirect(round_url(id) + "?notice=saved#changes-title");
}

void printout(RequestContext& ctx, bool sheet, app::PrintFormat format) {
  auto file = app::stocktake_printout(
      ctx.ws, ctx.actor(), round_id(ctx),
      sheet ? app::StocktakePrintout::Sheet : app::StocktakePrintout::Report, format);
  if (!file) {
    render_error(ctx, 404, "見つかりません", "指定された棚卸しはありません。");
    return;
  }
  ctx.response.set_header("Content-Disposition", "inline; filename=\"" + file->name + "\"");
  if (format == app::PrintFormat::Html) {
    // The printable HTML carries its own print CSS inline and no script:
    // allow exactly that, nothing else.
    ctx.response.headers.erase("Content-Security-Policy");
    ctx.response.set_header("Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                            "font-src data:; base-uri 'none'; form-action 'none'; "
                            "frame-ancestors 'none'");
  }
  ctx.send(200, std::move(file->bytes), file->content_type.c_str());
}

}  // namespace

void register_stocktake_routes(Router& router) {
  using app::Permission;
  router.add_nav({"stocktake", "棚卸し", "/stocktake", Permission::ReadPlan, 32, "日頃の備え"});
  router.get("/stocktake", Permission::ReadPlan,
             [](RequestContext& ctx) { list_page(ctx, {}, FormState{}); });
  router.post("/stocktake", Permission::EditPlan, start_round);
  const std::string round = kRoundPattern;
  router.get(round, Permission::ReadPlan,
             [](RequestContext& ctx) { round_page(ctx, round_id(ctx), {}, FormState{}); });
  router.post(round + "/results", Permission::EditPlan, record_result);
  router.post(round + "/results/([0-9a-f]{32})/delete", Permission::EditPlan, delete_result);
  router.post(round + "/close", Permission::EditPlan, close_round);
  router.get(round + "/sheet\\.pdf", Permission::ReadPlan,
             [](RequestContext& ctx) { printout(ctx, true, app::PrintFormat::Pdf); });
  router.get(round + "/sheet\\.html", Permission::ReadPlan,
             [](RequestContext& ctx) { printout(ctx, true, app::PrintFormat::Html); });
  router.get(round + "/report\\.pdf", Permission::ReadPlan,
             [](RequestContext& ctx) { printout(ctx, false, app::PrintFormat::Pdf); });
  router.get(round + "/report\\.html", Permission::ReadPlan,
             [](RequestContext& ctx) { printout(ctx, false, app::PrintFormat::Html); });
}

}  // namespace medbcp::web
