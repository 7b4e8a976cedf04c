#include "web/incident_sections.h"

#include "core/incident_guidance.h"
#include "core/incident_steps.h"
#include "core/phone.h"
#include "web/data_table.h"
#include "web/incident_forms.h"
#include "web/incident_notices.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

using app::IncidentView;

std::string when(core::Instant t) { return t.tokyo_text(); }

const FormState& state_for(const RejectedForm* rejected, const std::string& form,
                           const FormState& fallback) {
  return rejected && rejected->form == form ? rejected->state : fallback;
}

void section(Html& h, const std::string& id, const std::string& title) {
  h.open("section", {{"class", "panel"}, {"id", id}, {"aria-labelledby", id + "-title"}});
  h.el("h2", {{"id", id + "-title"}}, title);
}

// The incident's forms fold under their buttons, one open at a time: the
// page is read in a hurry, the record first.
void open_fold(Html& h, const std::string& id, const std::string& label, bool open) {
  web::open_fold(h, {"incident-form", id, label, open});
}

bool refused(const RejectedForm* rejected, std::string_view form) {
  return rejected != nullptr && rejected->form == form;
}

// The page holds several forms that share field names (occurred_at,
// location …); each form's ids carry its name, so every label names its own
// input and the ids stay unique.
std::vector<FieldSpec> scoped(std::vector<FieldSpec> specs, std::string_view form) {
  for (auto& s : specs) s.id = "f-" + std::string(form) + "-" + s.key;
  return specs;
}

// A form of the page, with its summary of problems when it was rejected.
void form_with(RequestContext& ctx, Html& h, const std::string& action,
               const std::vector<FieldSpec>& unscoped, const FormState& state,
               const std::string& button) {
  const auto specs = scoped(unscoped, action.substr(action.rfind('/') + 1));
  error_summary(h, state, specs);
  begin_form(h, ctx, action);
  for (const auto& s : specs) field(h, s, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, button);
  h.close("div");
  end_form(h);
}

// The closing form: 教訓, then the 再発防止策 as rows of 内容・担当・期限
// (each row a group of its own; stacked on a phone).
void close_form(RequestContext& ctx, Html& h, const std::string& action, const FormState& state,
                const IncidentView& v) {
  const auto specs = scoped(close_fields(), "close");
  error_summary(h, state, specs);
  const auto undone = app::open_items_at_close(v);
  if (!undone.empty()) {
    // Listed before the form: closing ends the record, and these would be forgotten.
    h.open("div", {{"class", "callout callout--warning"}, {"id", "close-open-items"}});
    h.el("p", "まだ終わっていないことがあります。済ませてから終了してください。");
    h.open("ul");
    for (const auto& item : undone) h.el("li", item);
    h.close("ul");
    h.close("div");
  }
  begin_form(h, ctx, action);
  field(h, specs[0], state);
  h.open("fieldset", {{"class", "follow-ups"}});
  h.el("legend", "再発防止策（ダッシュボードの課題になります）");
  // Two rows in sight; the rest fold away until needed (open when filled).
  bool later_rows_used = false;
  for (int row = 2; row < kFollowUpRows; ++row) {
    for (const char* part : {"title", "owner", "due"}) {
      later_rows_used = later_rows_used || !state.value(follow_up_key(row, part)).empty();
    }
  }
  for (int row = 0; row < kFollowUpRows; ++row) {
    if (row == 2) {
      if (later_rows_used) {
        h.open("details", {{"open", ""}});
      } else {
        h.open("details");
      }
      h.el("summary", "再発防止策をさらに追加する");
    }
    h.open("fieldset", {{"class", "follow-up-row"}});
    h.el("legend", {{"class", "follow-up-row__number"}}, std::to_string(row + 1) + "件目");
    h.open("div", {{"class", "follow-up-row__fields"}});
    const std::size_t first = 1 + static_cast<std::size_t>(row) * 3;  // after 教訓
    for (std::size_t part = 0; part < 3; ++part) field(h, specs[first + part], state);
    h.close("div");
    h.close("fieldset");
  }
  if (kFollowUpRows > 2) h.close("details");
  h.close("fieldset");
  if (!undone.empty()) field(h, specs.back(), state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "インシデントを終了");
  h.close("div");
  end_form(h);
}

// Open or closed, and whether the record is whole: one line above all else.
void status_line(Html& h, const IncidentView& v) {
  const core::Incident& i = v.incident;
  const std::string url = incident_url(i.id);
  h.open("p", {{"class", "toolbar"}});
  h.el("span",
       {{"class", i.status == core::IncidentStatus::Open ? "tag tag--warn" : "tag tag--ok"}},
       core::label(i.status));
  h.text(" ");
  if (v.chain.ok()) {
    h.el("a", {{"class", "tag tag--ok"}, {"href", url + "/verify"}},
         "時系列 " + std::to_string(v.chain.entries) + " 件・改ざんなし");
  } else {
    h.el("a", {{"class", "tag tag--bad"}, {"href", url + "/verify"}},
         "時系列に改ざんの疑い（" + std::to_string(v.chain.breaks.size()) + " 件）");
  }
  h.close("p");
}

// What was reported and what it touched, then the files to take away.
void summary(RequestContext& ctx, Html& h, const IncidentView& v, bool writable,
             const RejectedForm* rejected) {
  const core::Incident& i = v.incident;
  const std::string url = incident_url(i.id);
  auto fact = [&](const char* label, const std::string& value) {
    h.el("dt", label);
    h.open("dd");
    cell_text(h, value);
    h.close("dd");
  };
  // What everyone needs at a glance; the whole report folds below it.
  h.open("dl", {{"class", "facts facts--headline"}});
  fact("想定する事象", core::label(i.threat));
  fact("発見日時", when(i.discovery.discovered_at));
  fact("個人情報漏えいのおそれ", i.personal_data_leak ? "あり" : "なし");
  h.close("dl");
  h.open("details", {{"class", "facts-fold"}});
  h.el("summary", "発見・報告の内容（発見者・経緯・影響範囲）");
  h.open("dl", {{"class", "facts"}});
  fact("発見者", i.discovery.discoverer);
  fact("発見の経緯", i.discovery.how_found);
  fact("発生状況", i.discovery.situation);
  fact("処置内容", i.discovery.actions_taken);
  fact("当院が知った日時", when(i.aware_at));
  std::string systems;
  for (const auto& s : i.systems) systems += (systems.empty() ? "" : "、") + s.name;
  fact("影響を受けたシステム", systems);
  std::string devices;
  for (const auto& d : i.devices) {
    devices += (devices.empty() ? "" : "、") + d.name + "（" + d.asset_number + "）";
  }
  fact("影響を受けた機器", devices);
  fact("記録開始", when(i.opened_at) + " " + i.opened_by);
  h.close("dl");
  h.close("details");
  // What the deadlines hang on changes as more is known: a correction on
  // the timeline, never an edit (app/incident_revision.h).
  if (writable && ctx.can(app::Permission::ManageIncident)) {
    open_fold(h, "revision-form", "開始時の報告を訂正する（漏えいのおそれ・認知日時・影響範囲）",
              refused(rejected, "revision"));
    form_with(ctx, h, url + "/facts", revision_fields(v),
              state_for(rejected, "revision", revision_state(v)), "訂正を記録");
    h.close("details");
  }

  if (!i.devices.empty() && i.status == core::IncidentStatus::Open) {
    h.open("div", {{"class", "callout"}, {"role", "note"}});
    h.el("strong", "影響を受けた機器: ");
    h.text(devices);
    h.el("p", std::string(core::kDoNotInitialiseReminder));
    h.close("div");
  }

  if (ctx.can(app::Permission::Export)) {
    h.open("ul", {{"class", "downloads downloads--inline"}});
    for (auto [href, label] :
         {std::pair{"/report.pdf", "報告書（PDF）"}, std::pair{"/report.docx", "報告書（Word）"},
          std::pair{"/timeline.csv", "時系列（CSV・Excel用）"},
          std::pair{"/timeline.json", "時系列（JSON・検証用）"}}) {
      h.open("li").el("a", {{"href", url + href}}, label).close("li");
    }
    h.close("ul");
  }
}

void deadlines(Html& h, const IncidentView& v) {
  if (v.deadlines.empty()) return;
  section(
      h, "deadlines",
      v.incident.drill ? "報告・連絡の期限（訓練: 実際の期限ではありません）" : "報告・連絡の期限");
  // On a phone each deadline is a block: what, its state and time, then why.
  open_data_table(h, "期限の一覧", {"報告・連絡", "期限の考え方", "期限", "状況"},
                  "data--deadlines");
  for (const auto& d : v.deadlines) {
    h.open("tr");
    h.el("td", {{"class", "dl-title"}}, d.title);
    h.el("td", {{"class", "dl-rule"}}, d.rule);
    std::string due = d.state == core::DeadlineState::Prompt ? "速やかに" : when(d.due);
    if (d.hard_limit) due += "（遅くとも " + when(*d.hard_limit) + "）";
    if (d.kind == core::DeadlineKind::Police || d.kind == core::DeadlineKind::Mhlw)
      due = "速やかに";
    h.el("td", {{"class", "dl-due"}}, due);
    h.open("td", {{"class", "dl-state"}});
    const char* css = "tag";
    switch (d.state) {
      case core::DeadlineState::Done:
        css = "tag tag--ok";
        break;
      case core::DeadlineState::Overdue:
        css = "tag tag--bad";
        break;
      case core::DeadlineState::Warning:
      case core::DeadlineState::Prompt:
        css = "tag tag--warn";
        break;
      case core::DeadlineState::Upcoming:
        break;
    }
    h.el("span", {{"class", css}}, core::label(d.state));
    h.text(" ");
    if (d.done_at) {
      h.text(when(*d.done_at));
    } else if (d.state == core::DeadlineState::Prompt) {
      h.text(core::format_prompt_elapsed(d.seconds_left));
    } else {
      h.text(core::format_time_left(d.seconds_left));
    }
    h.close("td");
    h.close("tr");
  }
  close_data_table(h);
  h.close("section");
}

// A number to call on the day, shown whole: on a phone a tap dials it, so
// it is a button-sized target with what it is for ("日中", "時間外") on it.
void phone_link(Html& h, const std::string& phone, const std::string& when = "") {
  const std::string uri = core::tel_uri(phone);
  if (uri.empty()) {
    h.text((when.empty() ? "" : when + " ") + phone);
    return;
  }
  h.open("a", {{"href", uri}, {"class", "tel"}});
  if (!when.empty()) h.el("span", {{"class", "tel__when"}}, when);
  h.text(core::unbreakable_phone(phone));
  h.close("a");
}

// The page is long on the day; one line of links to each part of it.
void contents(Html& h, const IncidentView& v, bool manages) {
  const bool open = v.incident.status == core::IncidentStatus::Open;
  h.open("nav", {{"class", "page-contents"}, {"aria-label", "このページの項目"}});
  h.open("ul");
  auto item = [&](const char* id, const char* label) {
    h.open("li").el("a", {{"href", std::string("#") + id}}, label).close("li");
  };
  if (!v.deadlines.empty()) item("deadlines", "期限");
  item("notices", "届出・お知らせ");
  if (open) item("to-reach", "すぐに連絡する先");
  item("steps", "対応手順");
  item("decisions", "判断");
  item("contacts", "連絡の記録");
  item("evidence", "証拠保全");
  item("timeline", "時系列");
  if (!open || manages) item("closing", open ? "終了" : "教訓と再発防止策");
  h.close("ul");
  h.close("nav");
}

void to_reach(Html& h, const IncidentView& v) {
  section(h, "to-reach", "すぐに連絡する先");
  h.open("p", {{"class", "to-reach__officer"}});
  h.text("医療情報システム安全管理責任者 " + v.plan.officer.name + "（" + v.plan.officer.title +
         "）");
  h.open("span", {{"class", "tel-row"}});
  if (!v.plan.officer.phone_day.empty()) phone_link(h, v.plan.officer.phone_day, "日中");
  if (!v.plan.officer.phone_night.empty()) phone_link(h, v.plan.officer.phone_night, "夜間・休日");
  h.close("span");
  h.close("p");
  if (v.still_to_reach.empty()) {
    h.el("p", {{"class", "status status--ok"}}, "初報で必須の連絡先には、すべて連絡がつきました。");
  } else {
    h.el("p", "別紙１で初報に必須とされ、まだ連絡がついていない先（" +
                  std::to_string(v.still_to_reach.size()) + " 件）:");
    h.open("ul", {{"class", "reminder-list"}});
    for (const auto& c : v.still_to_reach) {
      h.open("li", {{"class", "reminder reminder--overdue"}});
      h.el("span", {{"class", "tag tag--bad"}}, "未連絡");
      h.text(" " + c.organization + "（" + core::label(c.category) + "）");
      h.open("span", {{"class", "tel-row"}});
      if (!c.phone.empty()) phone_link(h, c.phone);
      if (!c.phone_after_hours.empty()) phone_link(h, c.phone_after_hours, "時間外");
      h.close("span");
      if (!c.what_to_tell.empty())
        h.el("span", {{"class", "reminder-message"}}, "伝える内容: " + c.what_to_tell);
      h.close("li");
    }
    h.close("ul");
  }
  h.close("section");
}

// A step's two buttons (実施済・対象外) with the note that goes with them.
void step_form(RequestContext& ctx, Html& h, const std::string& url,
               const core::ResponseStep& step) {
  begin_form(h, ctx, url + "/steps", "step-form");
  h.empty("input", {{"type", "hidden"}, {"name", "step"}, {"value", std::string(step.id)}});
  const std::string input_id = "step-note-" + std::string(step.id);
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", input_id}, {"class", "step-form__label"}}, "備考・対象外の理由");
  h.empty("input", {{"type", "text"},
                    {"id", input_id},
                    {"name", "note"},
                    {"placeholder", "備考・対象外の理由（任意）"}});
  h.close("div");
  h.open("div", {{"class", "step-form__buttons"}});
  h.el("button", {{"type", "submit"}, {"name", "state"}, {"value", "done"}, {"class", "button"}},
       "実施済");
  h.el("button",
       {{"type", "submit"},
        {"name", "state"},
        {"value", "not_applicable"},
        {"class", "button button--secondary"}},
       "対象外");
  h.close("div");
  end_form(h);
}

// The chapter-3 steps as a list a phone reads line by line: what to do
// while it is to be done; who did it and when once it is (the guidance
// then folds away).
void steps(RequestContext& ctx, Html& h, const IncidentView& v, bool writable) {
  section(h, "steps", "対応手順（第３章 発生時の対応）");
  const std::string url = incident_url(v.incident.id);
  h.open("ol", {{"class", "step-list"}});
  for (const auto* step : core::response_steps_for(v.incident)) {
    const auto* mark = v.state.step(step->id);
    const core::StepState state = mark ? mark->value.state : core::StepState::Pending;
    const bool pending = state == core::StepState::Pending;
    h.open("li", {{"id", "step-" + std::string(step->id)},
                  {"class", pending ? "step step--pending" : "step step--marked"}});
    h.open("div", {{"class", "step__text"}});
    h.open("div", {{"class", "step__head"}});
    h.el("strong", {{"class", "step__title"}},
         std::string(step->phase) + std::string(step->number) + " " + std::string(step->title));
    h.el("span",
         {{"class", state == core::StepState::Done            ? "tag tag--ok"
                    : state == core::StepState::NotApplicable ? "tag"
                                                              : "tag tag--warn"}},
         core::label(state));
    h.close("div");
    if (mark) {
      h.el("p", {{"class", "step__who"}}, mark->author + " " + when(mark->occurred_at));
      if (state == core::StepState::NotApplicable) h.el("p", "理由: " + mark->value.reason);
      if (!mark->value.note.empty()) h.el("p", mark->value.note);
    }
    if (pending) {
      h.el("p", {{"class", "step__guidance"}}, std::string(step->guidance));
    } else {
      h.open("details", {{"class", "step__more"}});
      h.el("summary", "手順の説明");
      h.el("p", {{"class", "step__guidance"}}, std::string(step->guidance));
      h.close("details");
    }
    h.close("div");
    if (writable && step->id != core::kStepReport) {
      if (pending) {
        step_form(ctx, h, url, *step);
      } else {
        h.open("details", {{"class", "step__more"}});
        h.el("summary", "記録し直す");
        step_form(ctx, h, url, *step);
        h.close("details");
      }
    }
    h.close("li");
  }
  h.close("ol");
  h.close("section");
}

// The first step still to do, at the top of the page: a person who opens
// it in a hurry sees what to do now before anything else.
void next_step(Html& h, const IncidentView& v) {
  for (const auto* step : core::response_steps_for(v.incident)) {
    if (step->id == core::kStepReport) continue;  // done by reporting
    const auto* mark = v.state.step(step->id);
    if (mark && mark->value.state != core::StepState::Pending) continue;
    h.open("section",
           {{"class", "panel panel--next"}, {"id", "next"}, {"aria-labelledby", "next-title"}});
    h.el("h2", {{"id", "next-title"}}, "次にすること");
    h.open("p", {{"class", "next__step"}});
    h.el("a", {{"href", "#step-" + std::string(step->id)}},
         std::string(step->phase) + std::string(step->number) + " " + std::string(step->title));
    h.close("p");
    h.el("p", {{"class", "step__guidance"}}, std::string(step->guidance));
    h.close("section");
    return;
  }
}

void decisions(RequestContext& ctx, Html& h, const IncidentView& v, bool writable,
               const RejectedForm* rejected) {
  section(h, "decisions", "業務継続の判断（復旧可否・診療形態）");
  const auto guidance = core::system_guidance(v.incident, v.plan);
  if (!guidance.empty()) {
    h.el("h3", "影響を受けたシステムの代替手段と復旧方法（計画より）");
    open_data_table(h, "代替手段と復旧方法",
                    {"システム", "代替手段", "バックアップからの復旧方法"});
    for (const auto& g : guidance) {
      h.open("tr");
      h.open("td").text(g.system.name);
      if (!g.vendor.empty()) h.el("p", {{"class", "hint"}}, "事業者: " + g.vendor);
      h.close("td");
      h.open("td");
      if (g.fallbacks.empty()) cell_text(h, "");
      for (const auto* f : g.fallbacks) h.el("p", f->business + "：" + f->fallback);
      h.close("td");
      h.open("td");
      if (g.backups.empty()) cell_text(h, "");
      for (const auto* b : g.backups) {
        h.el("p", b->restore_method + (b->offline ? "（オフライン保管）" : ""));
      }
      h.close("td");
      h.close("tr");
    }
    close_data_table(h);
  }
  if (!v.state.decisions.empty()) {
    open_data_table(h, "判断の記録", {"日時", "判断", "判断者", "理由"});
    for (const auto& d : v.state.decisions) {
      h.open("tr");
      h.el("td", when(d.occurred_at));
      h.el("td", core::describe(d.value).substr(0, core::describe(d.value).find("。理由: ")) +
                     (d.withdrawn ? "（取消）" : ""));
      h.el("td", d.author);
      h.el("td", d.value.reason);
      h.close("tr");
    }
    close_data_table(h);
  }
  if (writable && ctx.can(app::Permission::ManageIncident)) {
    FormState fresh;
    fresh.set("care", "reduced");
    if (v.incident.systems.size() == 1)
      fresh.set("system", std::to_string(v.incident.systems[0].id.value));
    open_fold(h, "decision-form", "判断を記録する", refused(rejected, "decision"));
    form_with(ctx, h, incident_url(v.incident.id) + "/decisions", decision_fields(v),
              state_for(rejected, "decision", fresh), "判断を記録");
    h.close("details");
  }
  h.close("section");
}

void contacts(RequestContext& ctx, Html& h, const IncidentView& v, bool writable,
              const RejectedForm* rejected) {
  section(h, "contacts", "連絡の記録（別紙１）");
  if (v.state.contacts.empty()) {
    h.el("p", {{"class", "empty"}}, "まだ連絡の記録はありません。");
  } else {
    open_data_table(h, "連絡の記録", {"日時", "連絡先", "連絡した人", "結果", "伝えた内容・今後"});
    for (const auto& c : v.state.contacts) {
      h.open("tr");
      h.el("td", when(c.occurred_at));
      h.el("td", c.value.target.name);
      h.el("td", c.value.called_by);
      h.open("td");
      h.el("span", {{"class", c.value.reached ? "tag tag--ok" : "tag tag--warn"}},
           c.value.reached ? "連絡済" : "不通");
      if (c.withdrawn) h.text("（取消）");
      h.close("td");
      h.open("td");
      cell_text(h, c.value.said);
      if (!c.value.follow_up.empty()) h.el("p", "今後: " + c.value.follow_up);
      h.close("td");
      h.close("tr");
    }
    close_data_table(h);
  }
  if (writable) {
    FormState fresh;
    fresh.set("reached", "1");
    open_fold(h, "contact-form", "連絡を記録する", refused(rejected, "contact"));
    form_with(ctx, h, incident_url(v.incident.id) + "/contacts",
              contact_fields(v.plan, v.incident.personal_data_leak),
              state_for(rejected, "contact", fresh), "連絡を記録");
    h.close("details");
  }
  h.close("section");
}

void evidence(RequestContext& ctx, Html& h, const IncidentView& v, bool writable,
              const RejectedForm* rejected) {
  section(h, "evidence", "証拠保全");
  h.el("p", {{"class", "hint"}}, std::string(core::kDoNotInitialiseReminder));
  if (v.state.evidence.empty()) {
    h.el("p", {{"class", "empty"}}, "まだ登録された証拠はありません。");
  } else {
    open_data_table(
        h, "証拠の登録簿",
        {"保全したもの", "元の機器", "保管場所・保管者（現在）", "ファイル・SHA-256", "受け渡し"});
    for (const auto& e : v.state.evidence) {
      const auto& item = e.item.value;
      h.open("tr");
      h.el("td", item.item + (e.item.withdrawn ? "（取消）" : ""));
      h.open("td");
      cell_text(h, item.device_name);
      h.close("td");
      h.el("td", e.current_location() + " / " + e.current_holder());
      h.open("td");
      if (item.sha256.empty()) {
        cell_text(h, "");
      } else {
        h.text(item.file_name + "（" + std::to_string(item.file_size) + " バイト）");
        h.el("p", {{"class", "hint"}}, item.sha256);
      }
      h.close("td");
      h.open("td");
      if (e.custody.empty()) cell_text(h, "");
      for (const auto& c : e.custody) {
        h.el("p", when(c.occurred_at) + " " + c.value.from + " → " + c.value.to);
      }
      h.close("td");
      h.close("tr");
    }
    close_data_table(h);
  }
  if (!writable) {
    h.close("section");
    return;
  }
  const std::string url = incident_url(v.incident.id);
  open_fold(h, "evidence-form", "証拠を登録する", refused(rejected, "evidence"));
  const auto specs = scoped(evidence_fields(v.plan), "evidence");
  const FormState empty;
  const FormState& state = state_for(rejected, "evidence", empty);
  error_summary(h, state, specs);
  begin_upload_form(h, ctx, url + "/evidence");
  for (const auto& s : specs) field(h, s, state);
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", "f-file"}}, "ファイル（任意。SHA-256 を計算して記録します）");
  h.el("p", {{"class", "hint"}, {"id", "f-file-hint"}},
       "ファイル自体は保存せず、名前・大きさ・SHA-256 だけを記録します。大きなファイル"
       "（ディスクイメージなど）は、管理者がサーバの端末から登録します。");
  h.empty(
      "input",
      {{"type", "file"}, {"id", "f-file"}, {"name", "file"}, {"aria-describedby", "f-file-hint"}});
  h.close("div");
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "証拠を登録");
  h.close("div");
  h.close("form");
  h.close("details");

  if (!v.state.evidence.empty()) {
    open_fold(h, "custody-form", "受け渡しを記録する", refused(rejected, "custody"));
    form_with(ctx, h, url + "/custody", custody_fields(v), state_for(rejected, "custody", empty),
              "受け渡しを記録");
    h.close("details");
  }
  h.close("section");
}

void timeline(RequestContext& ctx, Html& h, const IncidentView& v, bool writable,
              const RejectedForm* rejected) {
  section(h, "timeline", "時系列（" + std::to_string(v.timeline.size()) + " 件）");
  h.el("p", {{"class", "hint"}},
       "記録は追記だけで、書き換えも削除もできません。誤りは「訂正」で新しい記録として残します。"
       "各記録はハッシュでつながっており、あとからの改ざんを検出できます。");
  const FormState empty;
  // A table on a desk; on a phone each entry reads as a block (CSS): its
  // number, time and kind on one line, then what happened, then who wrote it.
  open_data_table(h, "時系列", {"No.", "起きた日時", "記録日時", "種類", "記録者", "内容"},
                  "data--timeline");
  for (auto it = v.timeline.rbegin(); it != v.timeline.rend(); ++it) {
    const auto& e = *it;
    h.open("tr", {{"id", "entry-" + std::to_string(e.seq)}});
    h.el("td", {{"class", "tl-no"}}, std::to_string(e.seq));
    h.el("td", {{"class", "tl-at nowrap"}}, when(e.occurred_at));
    h.el("td", {{"class", "tl-recorded nowrap"}}, when(e.recorded_at));
    h.el("td", {{"class", "tl-kind nowrap"}}, core::label(e.kind));
    h.el("td", {{"class", "tl-author"}}, e.author);
    h.open("td", {{"class", "tl-text"}});
    h.text(e.text);
    if (!e.corrects.empty()) {
      for (const auto& other : v.timeline) {
        if (other.id == e.corrects) {
          h.el("p", {{"class", "hint"}}, "No." + std::to_string(other.seq) + " を訂正");
        }
      }
    }
    if (v.state.corrections.contains(e.id))
      h.el("p", {{"class", "hint"}}, "この記録には訂正があります");
    if (e.recorded_offline) h.el("p", {{"class", "hint"}}, "オフラインで記録");
    h.close("td");
    h.close("tr");
  }
  close_data_table(h);
  // Below the record it adds to: what was written is read before writing.
  if (writable) {
    FormState fresh;
    fresh.set("kind", "fact");
    open_fold(h, "log-form", "時系列に記録する", refused(rejected, "log"));
    form_with(ctx, h, incident_url(v.incident.id) + "/log", log_fields(),
              state_for(rejected, "log", fresh), "時系列に記録");
    h.close("details");
  }
  if (writable && v.timeline.size() > 1) {
    open_fold(h, "correction-form", "記録を訂正する", refused(rejected, "correction"));
    form_with(ctx, h, incident_url(v.incident.id) + "/corrections", correction_fields(v),
              state_for(rejected, "correction", empty), "訂正を記録");
    h.close("details");
  }
  h.close("section");
}

void closing(RequestContext& ctx, Html& h, const IncidentView& v, const RejectedForm* rejected) {
  const FormState empty;
  const std::string url = incident_url(v.incident.id);
  if (v.incident.status == core::IncidentStatus::Closed) {
    section(h, "closing", v.incident.drill ? "振り返りと課題" : "教訓と再発防止策");
    if (v.state.closure) h.el("p", v.state.closure->value.lessons);
    if (!v.follow_ups.empty()) {
      open_data_table(h, "再発防止策", {"内容", "担当", "期限", "状況"});
      for (const auto& f : v.follow_ups) {
        h.open("tr");
        h.el("td", f.title);
        h.el("td", f.owner);
        h.el("td", f.due ? f.due->iso() : "");
        h.el("td", f.done ? "完了" : "未完了");
        h.close("tr");
      }
      close_data_table(h);
    }
    if (ctx.can(app::Permission::ManageIncident)) {
      open_fold(h, "reopen-form", "インシデントを再開する", refused(rejected, "reopen"));
      form_with(ctx, h, url + "/reopen", reopen_fields(), state_for(rejected, "reopen", empty),
                "インシデントを再開");
      h.close("details");
    }
    h.close("section");
    return;
  }
  if (!ctx.can(app::Permission::ManageIncident)) return;
  if (v.incident.drill) return;  // a drill ends in its panel, with findings (web/drill_pages.cc)
  section(h, "closing", "インシデントを終了する");
  h.el("p", {{"class", "hint"}},
       "終了すると、再開しない限り時系列に記録できなくなります。再発防止策はダッシュボードの課題"
       "として残ります。");
  open_fold(h, "close-form", "終了の手続きをする", refused(rejected, "close"));
  close_form(ctx, h, url + "/close", state_for(rejected, "close", empty), v);
  h.close("details");
  h.close("section");
}

}  // namespace

std::string incident_url(core::IncidentId id) { return "/incidents/" + std::to_string(id.value); }

Handler for_incident(std::function<void(RequestContext&, core::IncidentId)> body) {
  return [body = std::move(body)](RequestContext& ctx) {
    try {
      body(ctx, core::IncidentId(ctx.id_match(1)));
    } catch (const app::NoSuchIncident&) {
      render_error(ctx, 404, "見つかりません", "指定されたインシデントはありません。");
    }
  };
}

void incident_page_body(RequestContext& ctx, Html& h, const IncidentView& v,
                        const RejectedForm* rejected) {
  const bool writable =
      v.incident.status == core::IncidentStatus::Open && ctx.can(app::Permission::ReportIncident);
  // The forms that append are gone once the incident is closed (by someone
  // else, meanwhile); what was refused still says why, at the top.
  if (rejected && !writable && rejected->form != "reopen") error_summary(h, rejected->state, {});
  status_line(h, v);
  // First what to do now and whom to call; then what happened and what is
  // due; then the record.
  if (v.incident.status == core::IncidentStatus::Open) {
    if (writable) next_step(h, v);
    to_reach(h, v);
  }
  summary(ctx, h, v, writable, rejected);
  deadlines(h, v);
  notices_section(ctx, h, v);
  contents(h, v, ctx.can(app::Permission::ManageIncident));
  steps(ctx, h, v, writable);
  decisions(ctx, h, v, writable, rejected);
  contacts(ctx, h, v, writable, rejected);
  evidence(ctx, h, v, writable, rejected);
  timeline(ctx, h, v, writable, rejected);
  closing(ctx, h, v, rejected);
}

}  // namespace medbcp::web
