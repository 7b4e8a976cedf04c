#include "web/incident_notices.h"

#include "app/notices.h"
#include "core/text.h"
#include "web/form.h"
#include "web/incident_sections.h"
#include "web/layout.h"

namespace medbcp::web {
namespace {

using app::Permission;

// Every kind's code, for the routes (the association's matrix expands them).
constexpr const char* kKinds = "(ppc-prompt|ppc-final|person|public|door|web|phone|police|insurer)";

std::string notice_url(core::IncidentId id, core::NoticeKind kind) {
  return incident_url(id) + "/notices/" + core::code(kind);
}

std::vector<FieldSpec> item_fields(const std::map<std::string, std::string, std::less<>>& answers,
                                   FormState& state) {
  std::vector<FieldSpec> specs;
  for (const auto& item : core::report_items()) {
    specs.push_back({std::string(item.key), std::string(item.label), FieldKind::TextArea, false,
                     std::string(item.hint)});
    if (auto it = answers.find(item.key); it != answers.end())
      state.set(std::string(item.key), it->second);
  }
  return specs;
}

}  // namespace

void notices_section(RequestContext& ctx, Html& h, const app::IncidentView& v) {
  const core::IncidentId id = v.incident.id;
  h.open("section", {{"id", "notices"}, {"aria-labelledby", "notices-title"}});
  h.el("h2", {{"id", "notices-title"}}, "届出・お知らせ");
  const auto statuses = app::notice_statuses(v, ctx.now());
  int due = 0;
  int issued = 0;
  for (const auto& s : statuses) {
    due += s.due && !s.issued ? 1 : 0;
    issued += s.issued ? 1 : 0;
  }
  // Folded: the first response comes first on this page; the count says
  // what is still to send.
  h.open("details", {{"class", "form-fold"}, {"id", "notices-list"}});
  h.el("summary", {{"class", "button button--secondary"}},
       "届出・お知らせを見る（要 " + std::to_string(due) + " 件・済 " + std::to_string(issued) +
           " 件）");
  // A list, not a table: each notice reads on a phone as a block of its own.
  h.open("ul", {{"class", "notice-list"}});
  for (const auto& s : statuses) {
    h.open("li", {{"class", "notice-item"}});
    h.open("p", {{"class", "notice-item__head"}});
    if (s.issued) {
      h.el("span", {{"class", "tag tag--ok"}}, "済");
    } else if (s.due) {
      h.el("span", {{"class", "tag tag--warn"}}, "要");
    } else {
      h.el("span", {{"class", "tag"}}, "必要に応じて");
    }
    h.text(" ");
    h.el("strong", core::label(s.kind));
    h.close("p");
    if (s.issued) {
      h.el("p", {{"class", "hint"}}, s.issued->at.tokyo_text() + " " + s.issued->action);
    }
    if (!s.missing.empty()) {
      std::vector<std::string> labels;
      for (const auto& m : s.missing) labels.push_back(m.label);
      h.el("p", {{"class", "hint"}},
           "未記入 " + std::to_string(labels.size()) + " 件: " + core::listed(labels, 3));
    }
    if (ctx.can(Permission::Export)) {
      const std::string base = notice_url(id, s.kind);
      const std::string draft = s.missing.empty() ? "" : "?draft=1";
      auto href = [&](const char* extension) {
        return std::string(base).append(extension).append(draft);
      };
      h.open("p", {{"class", "notice-item__actions"}});
      h.el("a", {{"href", href(".pdf")}}, "PDF");
      h.el("a", {{"href", href(".docx")}}, "Word");
      h.el("a", {{"href", href(".txt")}}, "テキスト");
      if (s.kind == core::NoticeKind::Web) h.el("a", {{"href", href(".html")}}, "HTML");
      if (!s.missing.empty()) h.el("span", {{"class", "hint"}}, "（下書き）");
      h.close("p");
      if (!s.issued && ctx.can(Permission::ManageIncident) &&
          v.incident.status == core::IncidentStatus::Open) {
        begin_form(h, ctx, base + "/issued", "form form--inline");
        submit_button(h, "提出・掲示したことを記録", "button button--small button--secondary");
        end_form(h);
      }
    }
    h.close("li");
  }
  h.close("ul");
  h.close("details");
  if (ctx.can(Permission::ManageIncident) && v.incident.status == core::IncidentStatus::Open) {
    h.open("details", {{"class", "form-fold"}, {"id", "report-items"}});
    h.el("summary", {{"class", "button button--secondary"}},
         "報告事項・費用を記入する（原因、本人の数、再開の見込み など）");
    FormState state;
    const auto specs = item_fields(core::report_answers(v.timeline), state);
    begin_form(h, ctx, incident_url(id) + "/report-items");
    for (const auto& spec : specs) field(h, spec, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "報告事項を記録");
    h.close("div");
    end_form(h);
    h.el("h3", {{"id", "cost-form"}}, "費用を記録する（保険の請求用）");
    FormState cost;
    cost.set("category", "vendor");
    FieldSpec category{"category", "種類", FieldKind::Select, true};
    for (auto c :
         {core::CostCategory::Vendor, core::CostCategory::Equipment, core::CostCategory::Overtime,
          core::CostCategory::LostRevenue, core::CostCategory::Other}) {
      category.options.push_back({core::code(c), core::label(c)});
    }
    begin_form(h, ctx, incident_url(id) + "/costs");
    field(h, category, cost);
    field(h, {"amount", "金額（円）", FieldKind::Number, true, "例：120000"}, cost);
    field(h, {"note", "内容", FieldKind::Text, false, "業者名、作業、時間 など"}, cost);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "費用を記録");
    h.close("div");
    end_form(h);
    h.close("details");
  }
  h.close("section");
}

namespace {

void download(RequestContext& ctx, core::IncidentId id) {
  const auto kind = *core::notice_kind_from_code(ctx.match(2));
  const auto format = *app::notice_format_from_code(ctx.match(3));
  const auto file =
      app::make_notice(ctx.ws, ctx.actor(), id, kind, format, ctx.param("draft") == "1", ctx.now());
  if (!file.problems.empty()) {
    std::string message = std::string(core::label(kind)) + "に必要なことがまだ記録されていません。";
    for (const auto& p : file.problems) message += p.message;
    render_error(ctx, 422, "まだ作れません", message);
    return;
  }
  ctx.response.set_header("Content-Disposition", "attachment; filename=\"" + file.name + "\"");
  ctx.send(200, file.bytes, file.mime_type.c_str());
}

// After a use case: back to the list, or the refusal's message.
void back(RequestContext& ctx, core::IncidentId id, const app::AppendResult& r) {
  if (!r.problems.empty()) {
    render_error(ctx, 422, "記録できませんでした", r.problems.front().message);
    return;
  }
  ctx.redirect(incident_url(id) + "?notice=added#notices");
}

void post_cost(RequestContext& ctx, core::IncidentId id) {
  core::CostItem item;
  item.category =
      core::cost_category_from_code(ctx.param("category")).value_or(core::CostCategory::Other);
  // 「120,000」「１２００００」 as typed; anything else is no amount (refused).
  const std::string amount = core::trim(core::nfkc(ctx.param("amount")));
  std::int64_t yen = 0;
  bool digits = !amount.empty() && amount.size() <= 15;
  for (char c : amount) {
    if (c == ',') continue;
    if (c < '0' || c > '9') {
      digits = false;
    } else {
      yen = yen * 10 + (c - '0');
    }
  }
  item.amount = digits ? yen : 0;
  item.note = ctx.param("note");
  back(ctx, id, app::record_cost(ctx.ws, ctx.actor(), id, item, ctx.now()));
}

void post_report_items(RequestContext& ctx, core::IncidentId id) {
  const auto answers =
      core::report_answers(app::load_incident_view(ctx.ws, ctx.actor(), id, ctx.now()).timeline);
  app::AppendResult last;
  for (const auto& item : core::report_items()) {
    const std::string value = core::trim(ctx.param(std::string(item.key)));
    auto before = answers.find(item.key);
    if (value.empty() || (before != answers.end() && before->second == value)) continue;
    last =
        app::answer_report_item(ctx.ws, ctx.actor(), id, std::string(item.key), value, ctx.now());
    if (!last.problems.empty()) break;
  }
  back(ctx, id, last);
}

}  // namespace

void register_notice_routes(Router& router) {
  router.get(std::string(R"(/incidents/(\d+)/notices/)") + kKinds + R"(\.(pdf|docx|html|txt))",
             Permission::Export, for_incident(download));
  router.post(std::string(R"(/incidents/(\d+)/notices/)") + kKinds + "/issued",
              Permission::ManageIncident,
              for_incident([](RequestContext& ctx, core::IncidentId id) {
                const auto kind = *core::notice_kind_from_code(ctx.match(2));
                back(ctx, id,
                     app::record_notice_issued(ctx.ws, ctx.actor(), id, kind, "提出・掲示した",
                                               std::nullopt, ctx.now()));
              }));
  router.post(R"(/incidents/(\d+)/costs)", Permission::ManageIncident, for_incident(post_cost));
  router.post(R"(/incidents/(\d+)/report-items)", Permission::ManageIncident,
              for_incident(post_report_items));
}

}  // namespace medbcp::web
