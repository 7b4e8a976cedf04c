#include "web/drill_pages.h"

#include "app/drill_output.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "core/plan_section.h"
#include "core/text.h"
#include "core/wareki.h"
#include "web/data_table.h"
#include "web/form.h"
#include "web/incident_forms.h"
#include "web/incident_sections.h"
#include "web/layout.h"
#include "web/record_form.h"

namespace medbcp::web {
namespace {

using app::Permission;

constexpr int kFindingRows = 5;

std::string drill_url(core::IncidentId id) { return "/drills/" + std::to_string(id.value); }

// Scenarios come from the binary and, on a server started with
// --scenarios DIR, from that folder (the router's configuration).
app::ScenarioCatalog catalog_of(RequestContext& ctx) {
  return app::load_scenarios(ctx.router().config().scenarios_dir);
}

std::vector<FieldSpec> start_fields(const app::ScenarioCatalog& catalog, bool incident_open) {
  std::vector<FieldSpec> f = {
      {"scenario", "シナリオ", FieldKind::Select, true},
      {"mode", "訓練の形", FieldKind::Select, true},
      {"participants", "参加者（1行に1人、「名前:役割」）", FieldKind::TextArea, false,
       "例：山田 花子:発見者（受付）"},
  };
  for (const auto& s : catalog.scenarios) f[0].options.push_back({s.code, s.title});
  f[1].options = {{"live", "実動訓練（画面で記録しながら）"},
                  {"tabletop", "机上訓練（紙で行い、後から入力）"}};
  if (incident_open) {
    f.push_back({"despite_open_incident", "実際のインシデントの対応中だが、訓練を始める",
                 FieldKind::Checkbox, false, "実際の対応が先です"});
  }
  return f;
}

std::vector<core::DrillParticipant> read_participants(const std::string& text) {
  std::vector<core::DrillParticipant> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    std::string line = core::trim(text.substr(start, end - start));
    start = end == std::string::npos ? text.size() + 1 : end + 1;
    if (line.empty()) continue;
    core::DrillParticipant p = core::parse_participant(line);
    out.push_back(std::move(p));
  }
  return out;
}

void training_table(Html& h, const std::vector<app::StaffTraining>& record, int current_edition) {
  h.el("h2", {{"id", "training-title"}}, "職員ごとの訓練参加と計画の確認");
  if (record.empty()) {
    h.el("p", {{"class", "empty"}}, "連絡体制図（別紙１）に職員がいません。");
    return;
  }
  // Three columns: readable at 390 px.
  open_data_table(h, "職員ごとの訓練参加", {"氏名（役割）", "訓練", "計画の確認"});
  for (const auto& t : record) {
    h.open("tr");
    h.open("td").text(t.name).el("span", {{"class", "hint cell-note"}}, t.role).close("td");
    if (t.drills.empty()) {
      h.open("td").el("span", {{"class", "tag tag--warn"}}, "未参加").close("td");
    } else {
      h.open("td")
          .text(std::to_string(t.drills.size()) + " 回")
          .el("span", {{"class", "hint cell-note"}},
              "最後 " + core::format_wareki(t.drills.back().second))
          .close("td");
    }
    std::string ack = "未確認";
    if (t.acknowledged_edition) {
      ack = "第" + std::to_string(*t.acknowledged_edition) + "版";
      if (*t.acknowledged_edition < current_edition)
        ack += "（最新は第" + std::to_string(current_edition) + "版）";
    }
    h.el("td", ack);
    h.close("tr");
  }
  close_data_table(h);
}

void drills_page(RequestContext& ctx, const FormState& state, int status = 200) {
  const auto catalog = catalog_of(ctx);
  const bool incident_open = !app::open_incidents(ctx.ws, ctx.actor()).empty();
  Page page;
  page.title = "訓練";
  page.nav = "drills";
  page.status = status;
  page.crumbs.push_back({"ダッシュボード", "/"});
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "シナリオに沿って、発見・報告から診療の判断までを職員と練習します。訓練は実際の"
       "インシデントと同じ画面で記録し、「訓練」と表示され、件数には数えません。外部へは何も"
       "送りません。");
  if (ctx.can(Permission::ManageIncident)) {
    h.el("h2", {{"id", "start-title"}}, "訓練を始める");
    const auto specs = start_fields(catalog, incident_open);
    if (incident_open) {
      h.el("p", {{"class", "callout callout--warning"}},
           "対応中の実際のインシデントがあります。実際の対応が先です。");
    }
    error_summary(h, state, specs);
    begin_form(h, ctx, "/drills");
    for (const auto& s : specs) field(h, s, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "訓練を始める");
    h.close("div");
    end_form(h);
  }

  h.el("h2", {{"id", "list-title"}}, "これまでの訓練");
  const auto drills = app::list_drills(ctx.ws, ctx.actor());
  if (drills.empty()) {
    h.el("p", {{"class", "empty"}}, "訓練の記録はありません。");
  } else {
    open_data_table(h, "訓練の一覧", {"No.", "状態", "訓練", "参加"});
    for (const auto& d : drills) {
      const bool open = d.incident.status == core::IncidentStatus::Open;
      h.open("tr");
      h.el("td", std::to_string(d.incident.id.value));
      h.open("td")
          .el("span", {{"class", open ? "tag tag--warn" : "tag tag--ok"}}, open ? "実施中" : "終了")
          .close("td");
      h.open("td")
          .el("a", {{"href", incident_url(d.incident.id)}}, d.record.scenario_title)
          .el("span", {{"class", "hint cell-note"}},
              d.incident.discovery.discovered_at.tokyo_text() + "・" + core::label(d.record.mode))
          .close("td");
      h.el("td", std::to_string(d.participants) + " 人");
      h.close("tr");
    }
    close_data_table(h);
  }

  h.el("h2", {{"id", "scenarios-title"}}, "シナリオと机上訓練キット");
  h.el("p", {{"class", "hint"}},
       "机上訓練キットは、説明・付与情報のカード（1枚に1つ）・観察シートの PDF です。"
       "パソコンなしで訓練し、後から記録を入力します。");
  h.open("ul", {{"class", "choice-list"}});
  for (const auto& s : catalog.scenarios) {
    h.open("li");
    h.el("strong", s.title);
    h.el("p", {{"class", "hint"}},
         std::string(core::label(s.threat)) + "・付与情報 " + std::to_string(s.injects.size()) +
             " 件・役割 " + std::to_string(s.roles.size()));
    h.el("a", {{"href", "/drills/kit/" + s.code + ".pdf"}}, "机上訓練キット（PDF）");
    h.close("li");
  }
  h.close("ul");
  for (const auto& p : catalog.problems)
    h.el("p", {{"class", "callout callout--warning"}}, p.message);

  const auto version = app::current_version(ctx.ws);
  training_table(h, app::training_record(ctx.ws, ctx.actor()), version ? version->edition : 0);
  render_page(ctx, page);
}

void start(RequestContext& ctx) {
  const auto catalog = catalog_of(ctx);
  const bool incident_open = !app::open_incidents(ctx.ws, ctx.actor()).empty();
  const auto specs = start_fields(catalog, incident_open);
  FormState state = read_form(ctx, specs);
  app::StartDrillRequest r;
  r.scenario_code = state.value("scenario");
  r.mode = core::drill_mode_from_code(state.value("mode")).value_or(core::DrillMode::Live);
  r.participants = read_participants(state.value("participants"));
  r.despite_open_incident = !state.value("despite_open_incident").empty();
  if (state.has_errors()) {
    drills_page(ctx, state, 422);
    return;
  }
  const auto started = app::start_drill(ctx.ws, ctx.actor(), catalog, r, ctx.now());
  if (!started.problems.empty()) {
    state.add_problems(started.problems, [](const core::Problem& p) {
      return p.field == "open_incident" ? std::string("despite_open_incident") : p.field;
    });
    drills_page(ctx, state, 422);
    return;
  }
  ctx.redirect(incident_url(started.id) + "?notice=added#drill");
}

// --- the panel on the drill's page ---------------------------------------------

std::vector<FieldSpec> end_fields(const app::DrillView& v) {
  std::vector<FieldSpec> f = {
      {"summary", "振り返り（空欄なら計測結果の要約）", FieldKind::TextArea}};
  for (int row = 0; row < kFindingRows; ++row) {
    const std::string n = std::to_string(row);
    FieldSpec section{"finding-" + n + "-section", "計画の章", FieldKind::Select};
    section.options.push_back({"", "（なし）"});
    for (const auto& info : core::plan_sections())
      section.options.push_back({std::string(info.code), std::string(info.title)});
    f.push_back({"finding-" + n + "-title", "所見・課題", FieldKind::Text});
    f.push_back({"finding-" + n + "-owner", "担当", FieldKind::Text});
    f.push_back({"finding-" + n + "-due", "期日", FieldKind::Date, false, "例：2027-01-31"});
    f.push_back(std::move(section));
  }
  for (const auto& u : v.measures.unreached) {
    if (u.target.type != core::ContactTarget::Type::External) continue;
    f.push_back({"check-" + std::to_string(u.target.id),
                 u.target.name + " の連絡先を確認する課題を残す", FieldKind::Checkbox});
  }
  return f;
}

void measures_table(Html& h, const app::DrillView& v) {
  open_data_table(h, "計測結果", {"項目", "今回", "前回"});
  auto row = [&](const core::DrillMeasure& m) {
    h.open("tr");
    h.el("td", m.label);
    h.el("td", m.seconds ? core::format_drill_time(m.seconds) : std::string("—"));
    const core::DrillMeasure* before =
        v.previous ? core::find_measure(*v.previous, m.key) : nullptr;
    h.el("td", before ? core::format_drill_time(before->seconds) : std::string("—"));
    h.close("tr");
  };
  for (const auto& m : v.measures.contacts) row(m);
  for (const auto& m : v.measures.steps) row(m);
  row(v.measures.care_decision);
  close_data_table(h);
}

void small_post(Html& h, RequestContext& ctx, const std::string& action, const std::string& label,
                const std::string& css = "button") {
  begin_form(h, ctx, action, "form form--inline");
  submit_button(h, label, css);
  end_form(h);
}

void end_form_block(RequestContext& ctx, Html& h, const app::DrillView& v, const FormState& state) {
  const auto specs = end_fields(v);
  error_summary(h, state, specs);
  begin_form(h, ctx, drill_url(v.incident.incident.id) + "/end");
  field(h, specs[0], state);
  h.open("fieldset", {{"class", "follow-ups"}});
  h.el("legend", "所見（課題としてダッシュボードに残ります）");
  for (int row = 0; row < kFindingRows; ++row) {
    h.open("fieldset", {{"class", "follow-up-row"}});
    h.el("legend", {{"class", "follow-up-row__number"}}, std::to_string(row + 1) + "件目");
    h.open("div", {{"class", "follow-up-row__fields"}});
    for (std::size_t part = 0; part < 4; ++part)
      field(h, specs[1 + static_cast<std::size_t>(row) * 4 + part], state);
    h.close("div");
    h.close("fieldset");
  }
  h.close("fieldset");
  for (std::size_t i = 1 + kFindingRows * 4; i < specs.size(); ++i) field(h, specs[i], state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "訓練を終える");
  h.close("div");
  end_form(h);
}

void panel(RequestContext& ctx, Html& h, const app::DrillView& v, const FormState* end_state) {
  const core::IncidentId id = v.incident.incident.id;
  const bool open = v.incident.incident.status == core::IncidentStatus::Open;
  const bool facilitator = ctx.can(Permission::ManageIncident);
  h.open("section",
         {{"class", "drill-panel"}, {"id", "drill"}, {"aria-labelledby", "drill-title"}});
  h.el("h2", {{"id", "drill-title"}}, "訓練の進行");
  h.el("p", {{"class", "callout drill-banner"}},
       "これは訓練です。実際のインシデントとしては数えません。期限は訓練用の目安で、外部へは"
       "何も送りません。連絡は、相手と番号が計画のとおりかを確かめるつもりで記録します。");
  std::string state = open ? (v.progress.paused() ? "一時停止中" : "実施中") : "終了";
  h.el("p", {{"class", "drill-status"}},
       std::string(core::label(v.record.mode)) + "・" + state + "・経過 " +
           core::format_drill_time(v.measures.duration_seconds) + "（一時停止を除く）");
  if (!v.progress.participants.empty()) {
    std::string people;
    for (const auto& p : v.progress.participants)
      people +=
          (people.empty() ? "" : "、") + p.name + (p.role.empty() ? "" : "（" + p.role + "）");
    h.el("p", "参加者: " + people);
  }
  h.open("details", {{"class", "form-fold"}});
  h.el("summary", {{"class", "button button--secondary"}}, "説明（シナリオ）を読む");
  for (const auto& p : v.scenario.briefing) h.el("p", p);
  h.close("details");

  h.el("h3", "付与情報");
  h.open("ol", {{"class", "drill-injects"}});
  for (std::size_t i = 0; i < v.scenario.injects.size(); ++i) {
    const int index = static_cast<int>(i);
    const auto& inject = v.scenario.injects[i];
    const bool revealed = v.progress.is_revealed(index);
    const bool due = std::find(v.due.begin(), v.due.end(), index) != v.due.end();
    h.open("li", {{"class", revealed ? "drill-inject drill-inject--shown"
                                     : (due ? "drill-inject drill-inject--due" : "drill-inject")}});
    h.el("span", {{"class", "drill-inject__minute"}}, std::to_string(inject.minute) + "分後");
    if (revealed) {
      h.text(" " + inject.text);
    } else {
      h.el("span", {{"class", due ? "tag tag--warn" : "tag"}}, due ? "出す時間です" : "まだ");
    }
    h.close("li");
  }
  h.close("ol");
  if (open && facilitator) {
    h.open("div", {{"class", "form-actions drill-controls"}});
    if (!v.progress.paused() && static_cast<int>(v.progress.revealed.size()) <
                                    static_cast<int>(v.scenario.injects.size())) {
      small_post(h, ctx, drill_url(id) + "/inject", "次の付与情報を出す");
    }
    if (v.progress.paused()) {
      small_post(h, ctx, drill_url(id) + "/resume", "再開する");
    } else {
      small_post(h, ctx, drill_url(id) + "/pause", "一時停止する", "button button--secondary");
    }
    h.close("div");
  }

  // Long (every contact and step): folded while the drill runs, open after.
  if (open) {
    h.open("details", {{"class", "form-fold"}, {"id", "drill-measures"}});
  } else {
    h.open("details", {{"class", "form-fold"}, {"id", "drill-measures"}, {"open", ""}});
  }
  h.el("summary", {{"class", "button button--secondary"}},
       "計測（開始からの時間" + std::string(v.previous ? "、前回の訓練と比べて" : "") + "）");
  measures_table(h, v);
  if (!open && !v.measures.missed_steps.empty()) {
    h.el("p", {{"class", "hint"}},
         "実施されなかった手順: " + core::listed(v.measures.missed_steps, 8));
  }
  h.close("details");
  if (!v.measures.unreached.empty()) {
    h.open("div", {{"class", "callout callout--warning"}});
    h.el("p", "連絡がつかなかった先があります。番号が正しいか確かめてください:");
    h.open("ul");
    for (const auto& u : v.measures.unreached)
      h.el("li", u.target.name + "（" + u.channel + "、" + std::to_string(u.attempts) + " 回）");
    h.close("ul");
    h.close("div");
  }
  h.open("p");
  h.el("a", {{"href", drill_url(id) + "/report.pdf"}}, "訓練実施報告書（PDF）");
  h.text("　");
  h.el("a", {{"href", drill_url(id) + "/report.docx"}}, "（DOCX）");
  h.close("p");
  if (open && facilitator) {
    const bool refused = end_state != nullptr;
    if (refused) {
      h.open("details", {{"class", "form-fold"}, {"id", "drill-end"}, {"open", ""}});
    } else {
      h.open("details", {{"class", "form-fold"}, {"id", "drill-end"}});
    }
    h.el("summary", {{"class", "button button--secondary"}}, "訓練を終える（所見を課題にする）");
    const FormState empty;
    end_form_block(ctx, h, v, refused ? *end_state : empty);
    h.close("details");
  }
  h.close("section");
}

Handler for_drill(std::function<void(RequestContext&, core::IncidentId)> body) {
  return [body = std::move(body)](RequestContext& ctx) {
    const core::IncidentId id(ctx.id_match(1));
    try {
      if (!app::is_drill(ctx.ws, id)) throw app::NoSuchIncident(id);
      body(ctx, id);
    } catch (const app::NoSuchIncident&) {
      render_error(ctx, 404, "見つかりません", "指定された訓練はありません。");
    }
  };
}

void back_to_drill(RequestContext& ctx, core::IncidentId id, const app::AppendResult& r) {
  if (!r.problems.empty()) {
    std::string message;
    for (const auto& p : r.problems) message += p.message;
    render_error(ctx, 422, "記録できませんでした", message);
    return;
  }
  ctx.redirect(incident_url(id) + "?notice=added#drill");
}

void post_end(RequestContext& ctx, core::IncidentId id) {
  const auto v = app::load_drill_view(ctx.ws, ctx.actor(), id, ctx.now());
  const auto specs = end_fields(v);
  FormState state = read_form(ctx, specs);
  app::EndDrillRequest r;
  r.summary = state.value("summary");
  for (int row = 0; row < kFindingRows; ++row) {
    const std::string n = "finding-" + std::to_string(row) + "-";
    core::FollowUp f;
    f.title = core::trim(state.value(n + "title"));
    f.owner = core::trim(state.value(n + "owner"));
    f.plan_section = state.value(n + "section");
    const std::string due = core::trim(state.value(n + "due"));
    if (!due.empty()) {
      f.due = parse_typed_date(due);
      if (!f.due)
        state.error(n + "due",
                    std::to_string(row + 1) + "件目の期日が読めません（例 2027-01-31）。");
    }
    if (f.title.empty()) {
      if (!f.owner.empty() || !due.empty() || !f.plan_section.empty()) {
        state.error(n + "title", std::to_string(row + 1) + "件目の所見の内容を入力してください。");
      }
      continue;
    }
    if (f.owner.empty()) f.owner = v.incident.plan.officer.name;
    if (!f.due) f.due = ctx.now().tokyo_date().plus_days(30);
    r.findings.push_back(std::move(f));
  }
  for (const auto& u : v.measures.unreached) {
    if (u.target.type == core::ContactTarget::Type::External &&
        !state.value("check-" + std::to_string(u.target.id)).empty()) {
      r.check_contacts.emplace_back(u.target.id);
    }
  }
  if (!state.has_errors()) {
    const auto ended = app::end_drill(ctx.ws, ctx.actor(), id, r, ctx.now());
    if (ended.problems.empty()) {
      ctx.redirect(incident_url(id) + "?notice=added#drill");
      return;
    }
    state.add_problems(ended.problems, [](const core::Problem& p) {
      return p.field == "follow_ups"
                 ? "finding-" + std::to_string(std::max(p.row - 1, 0)) + "-title"
                 : std::string();
    });
  }
  Page page;
  page.title = "【訓練】" + v.scenario.title;
  page.nav = "drills";
  page.status = 422;
  page.crumbs = {{"ダッシュボード", "/"}, {"訓練", "/drills"}};
  panel(ctx, page.body, v, &state);
  render_page(ctx, page);
}

void download(RequestContext& ctx, core::IncidentId id, const std::string& what) {
  const auto file = app::export_drill_report(
      ctx.ws, ctx.actor(), id,
      what == "report.docx" ? app::DrillReportFormat::Docx : app::DrillReportFormat::Pdf,
      ctx.now());
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + file.name + "\"");
  ctx.send(200, file.bytes, file.mime_type.c_str());
}

void kit(RequestContext& ctx) {
  const auto catalog = catalog_of(ctx);
  const auto* scenario = catalog.find(ctx.match(1));
  if (scenario == nullptr) {
    render_error(ctx, 404, "見つかりません", "指定された訓練シナリオはありません。");
    return;
  }
  const auto file = app::tabletop_kit(ctx.ws, ctx.actor(), *scenario);
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + file.name + "\"");
  ctx.send(200, file.bytes, file.mime_type.c_str());
}

}  // namespace

void drill_panel(RequestContext& ctx, Html& h, const app::DrillView& drill) {
  panel(ctx, h, drill, nullptr);
}

void register_drill_routes(Router& router) {
  router.add_nav({"drills", "訓練", "/drills", Permission::ReadPlan, 36, "日頃の備え"});
  router.get("/drills", Permission::ReadPlan, [](RequestContext& ctx) {
    FormState state;
    state.set("mode", "live");
    drills_page(ctx, state);
  });
  router.post("/drills", Permission::ManageIncident, start);
  router.get(R"(/drills/kit/([a-z0-9-]+)\.pdf)", Permission::ReadPlan, kit);
  router.get(R"(/drills/(\d+))", Permission::ReadPlan,
             for_drill([](RequestContext& ctx, core::IncidentId id) {
               ctx.redirect(incident_url(id) + "#drill");
             }));
  router.post(R"(/drills/(\d+)/inject)", Permission::ManageIncident,
              for_drill([](RequestContext& ctx, core::IncidentId id) {
                back_to_drill(ctx, id,
                              app::reveal_inject(ctx.ws, ctx.actor(), id, std::nullopt, ctx.now()));
              }));
  router.post(R"(/drills/(\d+)/pause)", Permission::ManageIncident,
              for_drill([](RequestContext& ctx, core::IncidentId id) {
                back_to_drill(ctx, id, app::pause_drill(ctx.ws, ctx.actor(), id, ctx.now()));
              }));
  router.post(R"(/drills/(\d+)/resume)", Permission::ManageIncident,
              for_drill([](RequestContext& ctx, core::IncidentId id) {
                back_to_drill(ctx, id, app::resume_drill(ctx.ws, ctx.actor(), id, ctx.now()));
              }));
  router.post(R"(/drills/(\d+)/end)", Permission::ManageIncident, for_drill(post_end));
  router.get(
      R"(/drills/(\d+)/(report\.pdf|report\.docx))", Permission::Export,
      for_drill([](RequestContext& ctx, core::IncidentId id) { download(ctx, id, ctx.match(2)); }));
}

}  // namespace medbcp::web
