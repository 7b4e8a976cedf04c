#include "web/incident_pages.h"

#include <set>

#include "app/drills.h"
#include "app/incident_evidence.h"
#include "app/incident_export.h"
#include "app/incident_revision.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "core/incident_payload.h"
#include "core/sha256.h"
#include "web/dashboard_incidents.h"
#include "web/data_table.h"
#include "web/drill_pages.h"
#include "web/incident_forms.h"
#include "web/incident_notices.h"
#include "web/incident_sections.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

using app::Permission;

core::Plan plan_of(RequestContext& ctx) {
  return app::has_plan(ctx.ws) ? app::load_plan(ctx.ws) : core::Plan{};
}

// --- list and start -------------------------------------------------------------

void list_page(RequestContext& ctx) {
  Page page;
  page.title = "インシデント";
  page.nav = "incidents";
  page.crumbs.push_back({"ダッシュボード", "/"});
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "不審な画面、脅迫文、見覚えのないログインなどに気づいたら、すぐに記録して医療情報システム"
       "安全管理責任者へ報告します（第３章 １（１））。");
  if (ctx.can(Permission::ReportIncident)) {
    h.open("p")
        .el("a", {{"href", "/incidents/new"}, {"class", "button"}}, "インシデントを報告する")
        .close("p");
  }
  auto incidents = app::list_incidents(ctx.ws, ctx.actor());
  if (incidents.empty()) {
    h.el("p", {{"class", "empty"}}, "インシデントの記録はありません。");
  } else {
    open_data_table(h, "インシデント一覧", {"No.", "状態", "発見日時", "件名", "想定する事象"});
    for (const auto& i : incidents) {
      h.open("tr");
      h.el("td", std::to_string(i.id.value));
      h.open("td")
          .el("span",
              {{"class", i.status == core::IncidentStatus::Open ? "tag tag--warn" : "tag tag--ok"}},
              core::label(i.status))
          .close("td");
      h.el("td", i.discovery.discovered_at.tokyo_text());
      h.open("td").el("a", {{"href", incident_url(i.id)}}, i.title).close("td");
      h.el("td", core::label(i.threat));
      h.close("tr");
    }
    close_data_table(h);
  }
  render_page(ctx, page);
}

void start_page(RequestContext& ctx, const FormState& state, int status = 200) {
  const core::Plan plan = plan_of(ctx);
  Page page;
  page.title = "インシデントを報告する";
  page.nav = "incidents";
  page.crumbs = {{"ダッシュボード", "/"}, {"インシデント", "/incidents"}};
  page.status = status;
  Html& h = page.body;
  h.el(
      "p", {{"class", "lead"}},
      "分かる範囲で構いません。端末の初期化や再起動はせず、まず記録して責任者に報告してください。");
  auto specs = start_fields(plan);
  const auto open = app::open_incidents(ctx.ws, ctx.actor());
  if (!open.empty()) {
    // The same screen seen by two people is one incident: offer its record first.
    h.open("div", {{"class", "callout callout--warning"}, {"id", "open-incidents"}});
    h.el("h2", "対応中のインシデントがあります");
    h.el("p", "同じ出来事なら、新しく報告せずにその記録に追記してください。");
    h.open("ul", {{"class", "choice-list"}});
    for (const auto& i : open) {
      h.open("li")
          .el("a", {{"href", incident_url(i.id) + "#timeline"}, {"class", "button"}},
              "No." + std::to_string(i.id.value) + "「" + i.title + "」に追記する")
          .el("p", {{"class", "hint"}}, "発見 " + i.discovery.discovered_at.tokyo_text())
          .close("li");
    }
    h.close("ul");
    h.close("div");
    specs.push_back({"separate_event", "別の出来事として新しく報告する", FieldKind::Checkbox, false,
                     "対応中のインシデントとは別の出来事のときに選びます"});
  }
  error_summary(h, state, specs);
  begin_form(h, ctx, "/incidents");
  h.open("fieldset").el("legend", "発見・報告（第３章 １（１））");
  for (const auto& s : specs) {
    if (s.key.rfind("system-", 0) == 0 || s.key.rfind("device-", 0) == 0 ||
        s.key == "personal_data_leak" || s.key == "aware_at" || s.key == "separate_event") {
      continue;
    }
    field(h, s, state);
  }
  h.close("fieldset");
  if (!plan.systems.empty()) {
    h.open("fieldset").el("legend", "影響を受けたシステム");
    for (const auto& s : specs) {
      if (s.key.rfind("system-", 0) == 0) field(h, s, state);
    }
    h.close("fieldset");
  }
  if (!plan.devices.empty()) {
    h.open("details").el("summary", "影響を受けた機器（情報機器台帳から選ぶ）");
    for (const auto& s : specs) {
      if (s.key.rfind("device-", 0) == 0) field(h, s, state);
    }
    h.close("details");
  }
  h.open("fieldset").el("legend", "個人情報");
  for (const auto& s : specs) {
    if (s.key == "personal_data_leak" || s.key == "aware_at") field(h, s, state);
  }
  h.close("fieldset");
  for (const auto& s : specs) {
    if (s.key == "separate_event") field(h, s, state);
  }
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "記録して報告する");
  h.close("div");
  end_form(h);
  render_page(ctx, page);
}

void start(RequestContext& ctx) {
  const core::Plan plan = plan_of(ctx);
  const auto specs = start_fields(plan);
  FormState state = read_form(ctx, specs);
  app::StartIncidentRequest r;
  r.title = state.value("title");
  r.threat = core::threat_kind_from_code(state.value("threat")).value_or(core::ThreatKind::Other);
  r.discovery.discoverer = state.value("discoverer");
  r.discovery.how_found = state.value("how_found");
  r.discovery.situation = state.value("situation");
  r.discovery.actions_taken = state.value("actions_taken");
  r.discovery.discovered_at = read_time(state, "discovered_at", ctx.now()).value_or(ctx.now());
  r.aware_at = read_time(state, "aware_at", ctx.now());
  for (const auto& s : plan.systems) {
    if (!state.value(system_key(s.id)).empty()) r.systems.push_back(s.id);
  }
  for (const auto& d : plan.devices) {
    if (!state.value(device_key(d.id)).empty()) r.devices.push_back(d.id);
  }
  r.personal_data_leak = !state.value("personal_data_leak").empty();
  r.separate_from_open = !ctx.param("separate_event").empty();
  state.set("separate_event", r.separate_from_open ? "1" : "");
  if (state.has_errors()) {
    start_page(ctx, state, 422);
    return;
  }
  auto started = app::start_incident(ctx.ws, ctx.actor(), r, ctx.now());
  if (!started.problems.empty()) {
    state.add_problems(started.problems, incident_problem_key);
    start_page(ctx, state, 422);
    return;
  }
  ctx.redirect(incident_url(started.id) + "?notice=added");
}

// --- the incident's page ----------------------------------------------------------

void incident_page(RequestContext& ctx, core::IncidentId id,
                   const RejectedForm* rejected = nullptr) {
  Page page;
  page.wide = true;
  if (rejected) page.status = 422;
  if (app::is_drill(ctx.ws, id)) {
    // A drill runs on this page like the real day, under its own panel.
    const app::DrillView drill = app::load_drill_view(ctx.ws, ctx.actor(), id, ctx.now());
    page.title = "No." + std::to_string(id.value) + " " + drill.incident.incident.title;
    page.nav = "drills";
    page.crumbs = {{"ダッシュボード", "/"}, {"訓練", "/drills"}};
    drill_panel(ctx, page.body, drill);
    incident_page_body(ctx, page.body, drill.incident, rejected);
    render_page(ctx, page);
    return;
  }
  const app::IncidentView view = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now());
  page.title = "No." + std::to_string(id.value) + " " + view.incident.title;
  page.nav = "incidents";
  page.crumbs = {{"ダッシュボード", "/"}, {"インシデント", "/incidents"}};
  incident_page_body(ctx, page.body, view, rejected);
  render_page(ctx, page);
}

// After a use case: back to the page (at the section), or the page again
// with the form's problems.
void finish(RequestContext& ctx, core::IncidentId id, const app::AppendResult& result,
            RejectedForm rejected, const std::string& anchor) {
  if (result.problems.empty() && !rejected.state.has_errors()) {
    ctx.redirect(incident_url(id) + "?notice=added#" + anchor);
    return;
  }
  rejected.state.add_problems(result.problems, incident_problem_key);
  incident_page(ctx, id, &rejected);
}

void post_log(RequestContext& ctx, core::IncidentId id) {
  RejectedForm f{"log", read_form(ctx, log_fields())};
  app::LogRequest r;
  r.kind = core::entry_kind_from_code(f.state.value("kind")).value_or(core::EntryKind::Fact);
  r.text = f.state.value("text");
  r.occurred_at = read_time(f.state, "occurred_at", ctx.now());
  app::AppendResult result;
  if (!f.state.has_errors()) result = app::log_entry(ctx.ws, ctx.actor(), id, r, ctx.now());
  finish(ctx, id, result, std::move(f), "timeline");
}

void post_step(RequestContext& ctx, core::IncidentId id) {
  const auto state = core::step_state_from_code(ctx.param("state")).value_or(core::StepState::Done);
  const std::string note = ctx.param("note");
  core::StepMark mark{ctx.param("step"), state, state == core::StepState::NotApplicable ? note : "",
                      ""};
  RejectedForm f{"step", {}};
  auto result =
      app::mark_step(ctx.ws, ctx.actor(), id, mark,
                     state == core::StepState::NotApplicable ? "" : note, std::nullopt, ctx.now());
  if (!result.problems.empty()) {
    // The step forms are one line each; their message goes at the top of the page.
    for (const auto& p : result.problems) f.state.error("", p.message);
    f.form = "log";
    incident_page(ctx, id, &f);
    return;
  }
  ctx.redirect(incident_url(id) + "?notice=added#step-" + mark.step);
}

void post_contact(RequestContext& ctx, core::IncidentId id) {
  const app::IncidentView view = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now());
  RejectedForm f{"contact",
                 read_form(ctx, contact_fields(view.plan, view.incident.personal_data_leak))};
  core::ContactCall call;
  const std::string choice = f.state.value("contact");
  if (choice == "officer") {
    call.target.type = core::ContactTarget::Type::Officer;
  } else if (choice.size() > 1 && (choice[0] == 'e' || choice[0] == 'i') && choice != "other") {
    call.target.type = choice[0] == 'e' ? core::ContactTarget::Type::External
                                        : core::ContactTarget::Type::Internal;
    try {
      call.target.id = std::stoll(choice.substr(1));
    } catch (const std::exception&) {
      f.state.error("contact", "連絡先を選んでください。");
    }
  } else {
    call.target.name = f.state.value("name");
  }
  call.reached = !f.state.value("reached").empty();
  call.channel = f.state.value("channel");
  call.said = f.state.value("said");
  call.follow_up = f.state.value("follow_up");
  call.called_by = f.state.value("called_by");
  auto at = read_time(f.state, "occurred_at", ctx.now());
  app::AppendResult result;
  if (!f.state.has_errors())
    result = app::record_contact(ctx.ws, ctx.actor(), id, call, at, ctx.now());
  finish(ctx, id, result, std::move(f), "contacts");
}

void post_decision(RequestContext& ctx, core::IncidentId id) {
  const app::IncidentView view = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now());
  RejectedForm f{"decision", read_form(ctx, decision_fields(view))};
  core::Decision d;
  d.kind = core::decision_kind_from_code(f.state.value("kind")).value_or(core::DecisionKind::Care);
  if (!f.state.value("system").empty() && d.kind != core::DecisionKind::Care &&
      d.kind != core::DecisionKind::ReportGrounds) {
    try {
      d.system = core::SystemId(std::stoll(f.state.value("system")));
    } catch (const std::exception&) {
      f.state.error("system", "システムを選んでください。");
    }
  }
  if (f.state.value("possible") == "yes") d.possible = true;
  if (f.state.value("possible") == "no") d.possible = false;
  d.vendor = f.state.value("vendor");
  d.backup_generation = f.state.value("backup_generation");
  d.care = core::care_status_from_code(f.state.value("care")).value_or(core::CareStatus::Continued);
  d.care_mode = f.state.value("care_mode");
  if (d.kind == core::DecisionKind::ReportGrounds) {
    if (f.state.value("wrongful").empty()) {
      f.state.error("wrongful", "不正の目的によるおそれが「あり」か「なし」かを選んでください。");
    }
    d.wrongful_purpose = f.state.value("wrongful") == "yes";
  }
  d.reason = f.state.value("reason");
  auto at = read_time(f.state, "occurred_at", ctx.now());
  app::AppendResult result;
  if (!f.state.has_errors())
    result = app::record_decision(ctx.ws, ctx.actor(), id, d, at, ctx.now());
  finish(ctx, id, result, std::move(f), "decisions");
}

std::string multipart_value(const httplib::Request& req, const std::string& name) {
  if (req.has_file(name)) return req.get_file_value(name).content;
  return req.get_param_value(name.c_str());
}

void post_evidence(RequestContext& ctx, core::IncidentId id) {
  const core::Plan plan = plan_of(ctx);
  RejectedForm f{"evidence", {}};
  for (const auto& spec : evidence_fields(plan))
    f.state.set(spec.key, multipart_value(ctx.request, spec.key));
  core::EvidenceItem item;
  item.item = f.state.value("item");
  item.location = f.state.value("location");
  item.holder = f.state.value("holder");
  if (!f.state.value("device").empty()) {
    try {
      item.device = core::DeviceId(std::stoll(f.state.value("device")));
    } catch (const std::exception&) {
      f.state.error("device", "機器を選んでください。");
    }
  }
  auto at = read_time(f.state, "occurred_at", ctx.now());
  app::AppendResult result;
  if (!f.state.has_errors()) {
    if (ctx.request.has_file("file") && !ctx.request.get_file_value("file").filename.empty()) {
      // The upload is already in memory (the body limit bounds it); medbcp
      // keeps its name, size and hash, not the file.
      const auto& file = ctx.request.get_file_value("file");
      item.file_name = file.filename;
      item.file_size = file.content.size();
      item.sha256 = core::sha256_hex(file.content);
    }
    result = app::add_evidence(ctx.ws, ctx.actor(), id, item, std::nullopt, at, ctx.now());
  }
  finish(ctx, id, result, std::move(f), "evidence");
}

void post_custody(RequestContext& ctx, core::IncidentId id) {
  const app::IncidentView view = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now());
  RejectedForm f{"custody", read_form(ctx, custody_fields(view))};
  core::CustodyTransfer t{f.state.value("evidence_id"), f.state.value("from"), f.state.value("to"),
                          f.state.value("location")};
  if (t.from.empty()) {
    if (const auto* e = view.state.find_evidence(t.evidence_id)) t.from = e->current_holder();
  }
  auto at = read_time(f.state, "occurred_at", ctx.now());
  app::AppendResult result;
  if (!f.state.has_errors())
    result = app::hand_over_evidence(ctx.ws, ctx.actor(), id, t, at, ctx.now());
  finish(ctx, id, result, std::move(f), "evidence");
}

void post_correction(RequestContext& ctx, core::IncidentId id) {
  const app::IncidentView view = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now());
  RejectedForm f{"correction", read_form(ctx, correction_fields(view))};
  auto result = app::correct_entry(ctx.ws, ctx.actor(), id, f.state.value("entry"),
                                   {!f.state.value("withdraw").empty(), std::nullopt},
                                   f.state.value("text"), ctx.now());
  finish(ctx, id, result, std::move(f), "timeline");
}

void post_revision(RequestContext& ctx, core::IncidentId id) {
  const app::IncidentView view = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now());
  RejectedForm f{"revision", read_form(ctx, revision_fields(view))};
  app::FactsRevision r;
  r.personal_data_leak = !f.state.value("personal_data_leak").empty();
  r.aware_at = read_time(f.state, "aware_at", ctx.now());
  r.systems.emplace();
  r.devices.emplace();
  for (const auto& s : view.plan.systems) {
    if (!f.state.value(system_key(s.id)).empty()) r.systems->push_back(s.id);
  }
  for (const auto& s : view.incident.systems) {
    if (view.plan.find_system(s.id) == nullptr && !f.state.value(system_key(s.id)).empty())
      r.systems->push_back(s.id);
  }
  std::set<std::int64_t> devices;
  for (const auto& d : view.plan.devices) devices.insert(d.id.value);
  for (const auto& d : view.incident.devices) devices.insert(d.id.value);
  for (const auto d : devices) {
    if (!f.state.value(device_key(core::DeviceId(d))).empty()) r.devices->emplace_back(d);
  }
  r.reason = f.state.value("reason");
  app::AppendResult result;
  if (!f.state.has_errors())
    result = app::revise_incident_facts(ctx.ws, ctx.actor(), id, r, ctx.now());
  finish(ctx, id, result, std::move(f), "timeline");
}

void post_close(RequestContext& ctx, core::IncidentId id) {
  RejectedForm f{"close", read_form(ctx, close_fields())};
  core::Closure closure{f.state.value("lessons"), read_follow_ups(f.state)};
  app::AppendResult result;
  if (!f.state.has_errors())
    result =
        app::close_incident(ctx.ws, ctx.actor(), id, closure, ctx.now(),
                            f.state.value("close_anyway").empty() ? app::OpenItems::Refuse
                                                                  : app::OpenItems::CloseAnyway);
  finish(ctx, id, result, std::move(f), "closing");
}

void post_reopen(RequestContext& ctx, core::IncidentId id) {
  RejectedForm f{"reopen", read_form(ctx, reopen_fields())};
  auto result = app::reopen_incident(ctx.ws, ctx.actor(), id, f.state.value("reason"), ctx.now());
  finish(ctx, id, result, std::move(f), "steps");
}

// --- verification and downloads -----------------------------------------------------

void verify_page(RequestContext& ctx, core::IncidentId id) {
  std::vector<std::string> witnessed;
  if (const std::string expect = ctx.param("expect"); !expect.empty()) witnessed.push_back(expect);
  const auto incident = app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now()).incident;
  const core::ChainReport report = app::verify_incident(ctx.ws, ctx.actor(), id, witnessed);
  Page page;
  page.title = "No." + std::to_string(id.value) + " 時系列の検証";
  page.nav = "incidents";
  page.crumbs = {
      {"ダッシュボード", "/"}, {"インシデント", "/incidents"}, {incident.title, incident_url(id)}};
  Html& h = page.body;
  if (report.ok()) {
    h.el("p", {{"class", "status status--ok"}, {"role", "status"}},
         "時系列 " + std::to_string(report.entries) +
             " 件のハッシュの連鎖を検証しました。改ざん・削除・並べ替え・挿入は見つかりませんでした"
             "。");
  } else {
    h.el("p", {{"class", "status status--error"}, {"role", "alert"}},
         "時系列に不整合が " + std::to_string(report.breaks.size()) +
             " 件あります。記録後にアプリケーションの外で変更された可能性があります。");
    open_data_table(h, "不整合", {"No.", "種類", "記録の識別子", "内容"});
    for (const auto& b : report.breaks) {
      h.open("tr");
      h.el("td", std::to_string(b.seq));
      h.open("td").el("span", {{"class", "tag tag--bad"}}, core::label(b.kind)).close("td");
      h.open("td");
      cell_text(h, b.entry_id);
      h.close("td");
      h.el("td", b.message);
      h.close("tr");
    }
    close_data_table(h);
  }
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "最終ハッシュ（SHA-256）");
  h.el("dd", report.head_hash);
  h.close("dl");
  h.open("form",
         {{"method", "get"}, {"action", incident_url(id) + "/verify"}, {"class", "filter-form"}});
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", "f-expect"}}, "報告書などに控えたハッシュ");
  h.empty(
      "input",
      {{"type", "text"}, {"id", "f-expect"}, {"name", "expect"}, {"value", ctx.param("expect")}});
  h.close("div");
  submit_button(h, "このハッシュが含まれているか確かめる", "button button--secondary");
  h.close("form");
  render_page(ctx, page);
}

void download(RequestContext& ctx, core::IncidentId id, const std::string& what) {
  using app::IncidentFile;
  const IncidentFile file = what == "report.pdf"     ? IncidentFile::ReportPdf
                            : what == "report.docx"  ? IncidentFile::ReportDocx
                            : what == "timeline.csv" ? IncidentFile::TimelineCsv
                                                     : IncidentFile::TimelineJson;
  app::ExportedFile out = app::export_incident_file(ctx.ws, ctx.actor(), id, file, ctx.now());
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + out.name + "\"");
  ctx.send(200, out.bytes, out.mime_type.c_str());
}

}  // namespace

void register_incident_routes(Router& router) {
  register_follow_up_routes(router);
  register_notice_routes(router);
  router.add_nav({"incidents", "インシデント", "/incidents", Permission::ReadPlan, 15});
  router.get("/incidents", Permission::ReadPlan, list_page);
  router.get("/incidents/new", Permission::ReportIncident, [](RequestContext& ctx) {
    FormState state;
    state.set("threat", "malware");
    start_page(ctx, state);
  });
  router.post("/incidents", Permission::ReportIncident, start);
  router.get(
      R"(/incidents/(\d+))", Permission::ReadPlan,
      for_incident([](RequestContext& ctx, core::IncidentId id) { incident_page(ctx, id); }));
  router.post(R"(/incidents/(\d+)/log)", Permission::ReportIncident, for_incident(post_log));
  router.post(R"(/incidents/(\d+)/steps)", Permission::ReportIncident, for_incident(post_step));
  router.post(R"(/incidents/(\d+)/contacts)", Permission::ReportIncident,
              for_incident(post_contact));
  router.post(R"(/incidents/(\d+)/decisions)", Permission::ManageIncident,
              for_incident(post_decision));
  router.post(R"(/incidents/(\d+)/evidence)", Permission::ReportIncident,
              for_incident(post_evidence));
  router.post(R"(/incidents/(\d+)/custody)", Permission::ReportIncident,
              for_incident(post_custody));
  router.post(R"(/incidents/(\d+)/corrections)", Permission::ReportIncident,
              for_incident(post_correction));
  router.post(R"(/incidents/(\d+)/facts)", Permission::ManageIncident, for_incident(post_revision));
  router.post(R"(/incidents/(\d+)/close)", Permission::ManageIncident, for_incident(post_close));
  router.post(R"(/incidents/(\d+)/reopen)", Permission::ManageIncident, for_incident(post_reopen));
  router.get(R"(/incidents/(\d+)/verify)", Permission::ReadPlan, for_incident(verify_page));
  router.get(R"(/incidents/(\d+)/(report\.pdf|report\.docx|timeline\.csv|timeline\.json))",
             Permission::Export, for_incident([](RequestContext& ctx, core::IncidentId id) {
               download(ctx, id, ctx.match(2));
             }));
}

}  // namespace medbcp::web
