// The editing pages of the plan's sections, written once for every record
// type: a list of records (add, edit, reorder, delete — or retire, for the
// device ledger, which also gets search, filter, sort and paging) and a form
// for a single record (facility, security officer). A section is described
// by a ListSection / SingleSection value (see plan_sections.cc); these
// templates turn it into routes. Every save goes through app::update_plan,
// so it is validated, recorded in history and checked for EditPlan.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/plan_service.h"
#include "core/plan.h"
#include "core/readiness.h"
#include "web/form.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/record_form.h"
#include "web/router.h"
#include "web/url.h"

namespace medbcp::web {

// --- helpers shared by the templates (section_pages.cc) ---

// The form key a problem of `list`'s row `index` belongs to, or "" when it
// is about something else. Accepts "devices[3].name" and (row, "name").
std::string problem_key(const core::Problem& problem, std::string_view list,
                        std::optional<std::size_t> index);
void add_plan_crumbs(Page& page);
// The section's readiness gaps, each linking to where it is fixed.
void section_gaps(Html& h, const core::Plan& plan, std::string_view section_code);
// A small POST form with one button (move, retire, …).
void action_button(Html& h, RequestContext& ctx, const std::string& action,
                   const std::string& label, const std::string& css,
                   const std::vector<std::pair<std::string, std::string>>& hidden = {},
                   const std::string& aria_label = "");
// Renders a table cell's text; empty shows as a dash.
void cell_text(Html& h, const std::string& text);
// "前へ 1 2 3 次へ" for a list of `total` rows; `base` is the URL without page.
void pagination(Html& h, const std::string& base, int page, int pages);

template <class T>
using RecordId = decltype(T::id);

template <class T>
struct ListSection {
  std::string code;   // URL /plan/<code> and the history section
  std::string title;  // 「情報機器台帳（別紙２）」
  std::string noun;   // 「機器」
  std::string intro;  // what the section is for, in the template's words
  std::vector<T> core::Plan::*list = nullptr;
  std::vector<FieldDef<T>> fields;
  std::function<std::string(const T&)> name_of;
  bool retire = false;  // 使用終了 instead of delete (device ledger)
  bool ledger = false;  // search, filter, sort and paging
  int page_size = 25;
  // Clears references to a record about to be deleted (e.g. fallbacks' system).
  std::function<void(core::Plan&, RecordId<T>)> on_delete;
  // Pre-fills a new record (e.g. ?system=3 from a readiness gap link).
  std::function<void(const RequestContext&, const core::Plan&, T&)> defaults;
  // Extra content under the table (the contact chart tree, the ledger's
  // Excel links).
  std::function<void(const RequestContext&, const core::Plan&, Html&)> after_table;
  // Ledger: whether a record passes the search/filter of the request.
  std::function<bool(const RequestContext&, const T&)> filter;
  // Ledger: the filter form's extra controls.
  std::function<void(const RequestContext&, Html&)> filter_controls;
};

template <class T>
struct SingleSection {
  std::string code;
  std::string title;
  std::string intro;
  T core::Plan::*member = nullptr;
  std::vector<FieldDef<T>> fields;
  // Read-only lines shown above the form (e.g. 版数).
  std::function<void(const core::Plan&, Html&)> before_form;
};

namespace detail {

template <class T>
std::vector<FieldSpec> specs_for(const std::vector<FieldDef<T>>& fields, const core::Plan& plan,
                                 const T& record) {
  std::vector<FieldSpec> out;
  for (const auto& f : fields) {
    FieldSpec spec = f.spec;
    if (f.options) spec.options = f.options(plan, record);
    out.push_back(std::move(spec));
  }
  return out;
}

template <class T>
FormState state_of(const std::vector<FieldDef<T>>& fields, const T& record) {
  FormState state;
  for (const auto& f : fields) state.set(f.spec.key, f.get(record));
  return state;
}

// Reads the typed values into `record`; messages go to `state`.
template <class T>
void take_form(const std::vector<FieldDef<T>>& fields, const RequestContext& ctx, T& record,
               FormState& state) {
  for (const auto& f : fields) {
    if (f.spec.read_only) continue;
    std::string typed = f.spec.kind == FieldKind::Checkbox
                            ? (ctx.param(f.spec.key).empty() ? "" : "1")
                            : ctx.param(f.spec.key);
    state.set(f.spec.key, typed);
    if (f.spec.required && core::trim(typed).empty()) {
      state.error(f.spec.key, "「" + f.spec.label + "」を入力してください。");
      continue;
    }
    if (auto message = f.set(record, typed)) state.error(f.spec.key, *message);
  }
}

template <class T>
void form_fields(Html& h, const std::vector<FieldSpec>& specs, const FormState& state) {
  for (const auto& spec : specs) field(h, spec, state);
}

template <class T>
const T* find_record(const std::vector<T>& list, std::int64_t id) {
  for (const auto& r : list) {
    if (r.id.value == id) return &r;
  }
  return nullptr;
}

template <class T>
std::optional<std::size_t> index_of(const std::vector<T>& list, std::int64_t id) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id.value == id) return i;
  }
  return std::nullopt;
}

template <class T>
void render_record_form(RequestContext& ctx, const ListSection<T>& s, const core::Plan& plan,
                        const T& record, FormState& state, bool is_new) {
  Page page;
  add_plan_crumbs(page);
  page.crumbs.push_back({s.title, "/plan/" + s.code});
  page.nav = s.ledger ? "devices" : "plan";
  std::string name = is_new ? "" : s.name_of(record);
  page.title = is_new ? s.noun + "を追加" : s.noun + "の編集" + (name.empty() ? "" : "：" + name);
  if (state.has_errors()) page.status = 422;
  auto specs = specs_for(s.fields, plan, record);
  Html& h = page.body;
  error_summary(h, state, specs);
  std::string action = is_new ? "/plan/" + s.code + "/new"
                              : "/plan/" + s.code + "/" + std::to_string(record.id.value);
  begin_form(h, ctx, action, "form form--record");
  form_fields<T>(h, specs, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, is_new ? "追加する" : "保存する");
  h.el("a", {{"href", "/plan/" + s.code}, {"class", "button button--secondary"}}, "キャンセル");
  h.close("div");
  end_form(h);
  if (!is_new) {
    h.open("div", {{"class", "danger-zone"}});
    if (s.retire) {
      action_button(h, ctx, "/plan/" + s.code + "/" + std::to_string(record.id.value) + "/retire",
                    "使用終了（廃棄）にする", "button button--danger");
    } else {
      h.el("a",
           {{"href", "/plan/" + s.code + "/" + std::to_string(record.id.value) + "/delete"},
            {"class", "button button--danger"}},
           "この" + s.noun + "を削除");
    }
    h.close("div");
  }
  render_page(ctx, page);
}

template <class T>
void render_list(RequestContext& ctx, const ListSection<T>& s) {
  core::Plan plan = app::load_plan(ctx.ws);
  const auto& all = plan.*(s.list);
  const bool can_edit = ctx.can(app::Permission::EditPlan);
  Page page;
  add_plan_crumbs(page);
  page.title = s.title;
  page.nav = s.ledger ? "devices" : "plan";
  page.wide = s.ledger;
  Html& h = page.body;
  if (!s.intro.empty()) h.el("p", {{"class", "lead"}}, s.intro);
  section_gaps(h, plan, s.code);

  // Rows shown: all, or the ledger's filtered, sorted page.
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!s.filter || s.filter(ctx, all[i])) rows.push_back(i);
  }
  std::string sort = ctx.param("sort");
  bool desc = ctx.param("dir") == "desc";
  const FieldDef<T>* sort_field = nullptr;
  if (s.ledger) {
    for (const auto& f : s.fields) {
      if (f.column && f.spec.key == sort) sort_field = &f;
    }
    if (sort_field != nullptr) {
      std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        std::string x = sort_field->display(plan, all[a]);
        std::string y = sort_field->display(plan, all[b]);
        return desc ? y < x : x < y;
      });
    }
  }
  const int total = static_cast<int>(rows.size());
  int pages = 1, current = 1;
  if (s.ledger) {
    pages = std::max(1, (total + s.page_size - 1) / s.page_size);
    current = std::clamp(parse_typed_count(ctx.param("page"), 100000).value_or(1), 1, pages);
    std::size_t first = static_cast<std::size_t>((current - 1) * s.page_size);
    std::size_t last = std::min(rows.size(), first + static_cast<std::size_t>(s.page_size));
    rows = std::vector<std::size_t>(rows.begin() + static_cast<long>(first),
                                    rows.begin() + static_cast<long>(last));
  }

  h.open("div", {{"class", "toolbar"}});
  if (can_edit) {
    h.el("a", {{"href", "/plan/" + s.code + "/new"}, {"class", "button"}},
         "＋ " + s.noun + "を追加");
  }
  h.close("div");

  if (s.ledger) {
    h.open("form", {{"method", "get"},
                    {"action", "/plan/" + s.code},
                    {"class", "filter-form"},
                    {"role", "search"}});
    h.open("div", {{"class", "field"}});
    h.el("label", {{"for", "f-q"}}, "検索");
    h.empty("input", {{"type", "search"},
                      {"id", "f-q"},
                      {"name", "q"},
                      {"value", ctx.param("q")},
                      {"placeholder", "機器名・管理番号・設置場所・IPアドレスなど"}});
    h.close("div");
    if (s.filter_controls) s.filter_controls(ctx, h);
    if (!sort.empty()) {
      h.empty("input", {{"type", "hidden"}, {"name", "sort"}, {"value", sort}});
      h.empty("input", {{"type", "hidden"}, {"name", "dir"}, {"value", desc ? "desc" : "asc"}});
    }
    submit_button(h, "絞り込む", "button button--secondary");
    h.close("form");
    h.el("p", {{"class", "count"}, {"role", "status"}},
         std::to_string(total) + "件" +
             (total > s.page_size
                  ? "（" + std::to_string(current) + "/" + std::to_string(pages) + "ページ）"
                  : ""));
  }

  if (all.empty()) {
    h.el("p", {{"class", "empty"}}, "まだ登録されていません。");
  } else if (rows.empty()) {
    h.el("p", {{"class", "empty"}}, "条件に合う" + s.noun + "はありません。");
  } else {
    h.open(
        "div",
        {{"class", "table-wrap"}, {"role", "region"}, {"aria-label", s.title}, {"tabindex", "0"}});
    h.open("table", {{"class", "data"}});
    h.open("thead").open("tr");
    h.el("th", {{"scope", "col"}, {"class", "num"}}, "No.");
    for (const auto& f : s.fields) {
      if (!f.column) continue;
      if (!s.ledger) {
        h.el("th", {{"scope", "col"}}, f.spec.label);
        continue;
      }
      bool sorted = sort_field == &f;
      h.open("th",
             {{"scope", "col"},
              Attr::optional("aria-sort", sorted ? (desc ? "descending" : "ascending") : "")});
      std::string href = with_query("/plan/" + s.code, {{"q", ctx.param("q")},
                                                        {"status", ctx.param("status")},
                                                        {"kind", ctx.param("kind")},
                                                        {"sort", f.spec.key},
                                                        {"dir", sorted && !desc ? "desc" : "asc"}});
      h.el("a", {{"href", href}, {"class", "sort-link"}},
           f.spec.label + (sorted ? (desc ? " ▼" : " ▲") : ""));
      h.close("th");
    }
    if (can_edit) h.el("th", {{"scope", "col"}, {"class", "actions"}}, "操作");
    h.close("tr").close("thead");
    h.open("tbody");
    for (std::size_t pos = 0; pos < rows.size(); ++pos) {
      std::size_t i = rows[pos];
      const T& r = all[i];
      std::string url = "/plan/" + s.code + "/" + std::to_string(r.id.value);
      h.open("tr", {{"id", "row-" + std::to_string(r.id.value)}});
      h.el("td", {{"class", "num"}}, std::to_string(i + 1));
      bool first = true;
      for (const auto& f : s.fields) {
        if (!f.column) continue;
        h.open("td");
        std::string text = f.display(plan, r);
        if (first && can_edit) {
          h.el("a", {{"href", url}}, text.empty() ? "（名称未入力）" : text);
        } else {
          cell_text(h, text);
        }
        first = false;
        h.close("td");
      }
      if (can_edit) {
        h.open("td", {{"class", "actions"}});
        std::string name = s.name_of(r);
        if (!s.ledger) {
          if (i > 0) {
            action_button(h, ctx, url + "/move", "↑", "button button--icon", {{"dir", "up"}},
                          name + "を上へ移動");
          }
          if (i + 1 < all.size()) {
            action_button(h, ctx, url + "/move", "↓", "button button--icon", {{"dir", "down"}},
                          name + "を下へ移動");
          }
        }
        h.el("a",
             {{"href", url}, {"class", "button button--small"}, {"aria-label", name + "を編集"}},
             "編集");
        h.close("td");
      }
      h.close("tr");
    }
    h.close("tbody");
    h.close("table");
    h.close("div");
  }
  if (s.ledger && pages > 1) {
    pagination(
        h,
        with_query("/plan/" + s.code, {{"q", ctx.param("q")},
                                       {"status", ctx.param("status")},
                                       {"kind", ctx.param("kind")},
                                       {"sort", sort},
                                       {"dir", sort.empty() ? "" : (desc ? "desc" : "asc")}}),
        current, pages);
  }
  if (s.after_table) s.after_table(ctx, plan, h);
  render_page(ctx, page);
}

template <class T>
void save_record(RequestContext& ctx, const ListSection<T>& s, std::int64_t id) {
  core::Plan plan = app::load_plan(ctx.ws);
  auto& list = plan.*(s.list);
  const bool is_new = id == 0;
  T record{};
  std::size_t index = list.size();
  if (!is_new) {
    auto found = index_of(list, id);
    if (!found) {
      render_error(ctx, 404, "見つかりません", "この" + s.noun + "は削除されたか、存在しません。");
      return;
    }
    index = *found;
    record = list[index];
  }
  FormState state;
  take_form(s.fields, ctx, record, state);
  if (!state.has_errors()) {
    core::Problems problems = app::update_plan(ctx.ws, ctx.actor(), [&](core::Plan& p) {
      auto& target = p.*(s.list);
      if (is_new) {
        target.push_back(record);
      } else {
        for (auto& r : target) {
          if (r.id.value == id) r = record;
        }
      }
    });
    if (problems.empty()) {
      ctx.redirect("/plan/" + s.code + "?notice=" + (is_new ? "added" : "saved"));
      return;
    }
    state.add_problems(problems,
                       [&](const core::Problem& p) { return problem_key(p, s.code, index); });
  }
  render_record_form(ctx, s, plan, record, state, is_new);
}

}  // namespace detail

template <class T>
void register_retire_route(Router& router, std::shared_ptr<const ListSection<T>> section) {
  router.post("/plan/" + section->code + R"(/(\d+)/retire)", app::Permission::EditPlan,
              [section](RequestContext& ctx) {
                std::int64_t id = ctx.id_match(1);
                app::update_plan(ctx.ws, ctx.actor(), [&](core::Plan& p) {
                  for (auto& r : p.*(section->list)) {
                    if (r.id.value == id) r.status = core::DeviceStatus::Retired;
                  }
                });
                ctx.redirect("/plan/" + section->code + "?notice=retired");
              });
}

template <class T>
void register_list_section(Router& router, std::shared_ptr<const ListSection<T>> section) {
  using app::Permission;
  const std::string base = "/plan/" + section->code;
  router.get(base, Permission::ReadPlan,
             [section](RequestContext& ctx) { detail::render_list(ctx, *section); });

  router.get(base + "/new", Permission::EditPlan, [section](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    T record{};
    if (section->defaults) section->defaults(ctx, plan, record);
    FormState state = detail::state_of(section->fields, record);
    detail::render_record_form(ctx, *section, plan, record, state, true);
  });
  router.post(base + "/new", Permission::EditPlan,
              [section](RequestContext& ctx) { detail::save_record(ctx, *section, 0); });

  router.get(base + R"(/(\d+))", Permission::EditPlan, [section](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    const T* record = detail::find_record(plan.*(section->list), ctx.id_match(1));
    if (record == nullptr) {
      render_error(ctx, 404, "見つかりません",
                   "この" + section->noun + "は削除されたか、存在しません。");
      return;
    }
    FormState state = detail::state_of(section->fields, *record);
    detail::render_record_form(ctx, *section, plan, *record, state, false);
  });
  router.post(base + R"(/(\d+))", Permission::EditPlan, [section](RequestContext& ctx) {
    std::int64_t id = ctx.id_match(1);
    if (id == 0) {
      render_error(ctx, 404, "見つかりません", "指定された行がありません。");
      return;
    }
    detail::save_record(ctx, *section, id);
  });

  router.post(base + R"(/(\d+)/move)", Permission::EditPlan, [section](RequestContext& ctx) {
    std::int64_t id = ctx.id_match(1);
    bool up = ctx.param("dir") == "up";
    app::update_plan(ctx.ws, ctx.actor(), [&](core::Plan& p) {
      auto& list = p.*(section->list);
      auto i = detail::index_of(list, id);
      if (!i) return;
      if (up && *i > 0) std::swap(list[*i], list[*i - 1]);
      if (!up && *i + 1 < list.size()) std::swap(list[*i], list[*i + 1]);
    });
    ctx.redirect("/plan/" + section->code + "?notice=moved#row-" + std::to_string(id));
  });

  if constexpr (requires(T record) { record.status = core::DeviceStatus::Retired; }) {
    if (section->retire) {
      register_retire_route(router, section);
      return;
    }
  }

  router.get(base + R"(/(\d+)/delete)", Permission::EditPlan, [section](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    const T* record = detail::find_record(plan.*(section->list), ctx.id_match(1));
    if (record == nullptr) {
      render_error(ctx, 404, "見つかりません",
                   "この" + section->noun + "は削除されたか、存在しません。");
      return;
    }
    Page page;
    add_plan_crumbs(page);
    page.crumbs.push_back({section->title, "/plan/" + section->code});
    page.title = section->noun + "の削除";
    page.nav = "plan";
    Html& h = page.body;
    h.open("div", {{"class", "panel panel--warning"}});
    h.el("p", "「" + section->name_of(*record) + "」を削除します。よろしいですか？");
    h.el("p", {{"class", "hint"}}, "削除した内容は変更履歴に残ります。");
    begin_form(h, ctx,
               "/plan/" + section->code + "/" + std::to_string(record->id.value) + "/delete",
               "form form--inline");
    submit_button(h, "削除する", "button button--danger");
    h.el("a", {{"href", "/plan/" + section->code}, {"class", "button button--secondary"}},
         "キャンセル");
    end_form(h);
    h.close("div");
    render_page(ctx, page);
  });
  router.post(base + R"(/(\d+)/delete)", Permission::EditPlan, [section](RequestContext& ctx) {
    std::int64_t id = ctx.id_match(1);
    core::Problems problems = app::update_plan(ctx.ws, ctx.actor(), [&](core::Plan& p) {
      // References are cleared first, while the record is still there to read.
      if (section->on_delete) section->on_delete(p, RecordId<T>(id));
      auto& list = p.*(section->list);
      list.erase(
          std::remove_if(list.begin(), list.end(), [&](const T& r) { return r.id.value == id; }),
          list.end());
    });
    if (!problems.empty()) {
      render_error(ctx, 422, "削除できませんでした", problems.front().message);
      return;
    }
    ctx.redirect("/plan/" + section->code + "?notice=deleted");
  });
}

template <class T>
void register_single_section(Router& router, std::shared_ptr<const SingleSection<T>> section) {
  using app::Permission;
  const std::string url = "/plan/" + section->code;
  auto render = [section, url](RequestContext& ctx, const core::Plan& plan, const T& record,
                               FormState& state) {
    Page page;
    add_plan_crumbs(page);
    page.title = section->title;
    page.nav = "plan";
    if (state.has_errors()) page.status = 422;
    Html& h = page.body;
    if (!section->intro.empty()) h.el("p", {{"class", "lead"}}, section->intro);
    section_gaps(h, plan, section->code);
    if (section->before_form) section->before_form(plan, h);
    auto specs = detail::specs_for(section->fields, plan, record);
    const bool can_edit = ctx.can(Permission::EditPlan);
    if (!can_edit) {
      for (auto& spec : specs) spec.read_only = true;
    }
    error_summary(h, state, specs);
    if (!can_edit) {
      // Read-only: the same fields, but no form to send.
      h.open("div", {{"class", "form form--record"}});
      detail::form_fields<T>(h, specs, state);
      h.close("div");
      render_page(ctx, page);
      return;
    }
    begin_form(h, ctx, url, "form form--record");
    detail::form_fields<T>(h, specs, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "保存する");
    h.close("div");
    end_form(h);
    render_page(ctx, page);
  };
  router.get(url, Permission::ReadPlan, [section, render](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    const T& record = plan.*(section->member);
    FormState state = detail::state_of(section->fields, record);
    render(ctx, plan, record, state);
  });
  router.post(url, Permission::EditPlan, [section, render, url](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    T record = plan.*(section->member);
    FormState state;
    detail::take_form(section->fields, ctx, record, state);
    if (!state.has_errors()) {
      core::Problems problems = app::update_plan(
          ctx.ws, ctx.actor(), [&](core::Plan& p) { p.*(section->member) = record; });
      if (problems.empty()) {
        ctx.redirect(url + "?notice=saved");
        return;
      }
      state.add_problems(problems, [&](const core::Problem& p) {
        return problem_key(p, section->code, std::nullopt);
      });
    }
    render(ctx, plan, record, state);
  });
}

}  // namespace medbcp::web
