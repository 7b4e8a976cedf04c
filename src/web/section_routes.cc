// The bodies of the section templates declared in web/section_pages.h,
// instantiated below for every record type of core::Plan; adding a section
// adds its instantiation here.
#include <algorithm>

#include "app/plan_service.h"
#include "core/text.h"
#include "web/section_pages.h"

namespace medbcp::web {

namespace {

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
    std::size_t first =
        static_cast<std::size_t>(current - 1) * static_cast<std::size_t>(s.page_size);
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
      const std::string attention = s.attention ? s.attention(r, ctx.now().tokyo_date()) : "";
      h.open("tr", {{"id", "row-" + std::to_string(r.id.value)},
                    Attr::optional("class", attention.empty() ? "" : "row--attention")});
      h.el("td", {{"class", "num"}}, std::to_string(i + 1));
      bool first = true;
      for (const auto& f : s.fields) {
        if (!f.column) continue;
        // Dates, addresses, numbers and 状態 are read whole: never broken inside.
        const bool whole = f.spec.kind == FieldKind::Date || f.spec.kind == FieldKind::Tel ||
                           f.spec.key.ends_with("_address") || f.spec.key == "status" ||
                           f.spec.key == "asset_number";
        h.open("td", whole ? std::vector<Attr>{{"class", "nowrap"}} : std::vector<Attr>{});
        std::string text = f.display(plan, r);
        if (first && can_edit) {
          h.el("a", {{"href", url}}, text.empty() ? "（名称未入力）" : text);
        } else {
          cell_text(h, text);
        }
        if (first && !attention.empty()) {
          h.text(" ");
          h.el("span", {{"class", "badge badge--warn"}}, attention);
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

// The form is read into the record as the transaction read it, so a save
// loads the plan once; the page is drawn again only when something is wrong.
template <class T>
void save_record(RequestContext& ctx, const ListSection<T>& s, std::int64_t id) {
  const bool is_new = id == 0;
  bool found = true;
  T record{};
  std::size_t index = 0;
  FormState state;
  core::Problems problems = app::update_plan_if(ctx.ws, ctx.actor(), [&](core::Plan& p) {
    auto& list = p.*(s.list);
    index = list.size();
    if (!is_new) {
      auto at = index_of(list, id);
      if (!at) {
        found = false;
        return false;
      }
      index = *at;
      record = list[index];
    }
    take_form(s.fields, ctx, record, state);
    if (state.has_errors()) return false;
    if (is_new) {
      list.push_back(record);
    } else {
      list[index] = record;
    }
    return true;
  });
  if (!found) {
    render_error(ctx, 404, "見つかりません", "この" + s.noun + "は削除されたか、存在しません。");
    return;
  }
  if (!state.has_errors() && problems.empty()) {
    ctx.redirect("/plan/" + s.code + "?notice=" + (is_new ? "added" : "saved"));
    return;
  }
  state.add_problems(problems,
                     [&](const core::Problem& p) { return problem_key(p, s.code, index); });
  render_record_form(ctx, s, app::load_plan(ctx.ws), record, state, is_new);
}

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

}  // namespace

template <class T>
void register_list_section(Router& router, std::shared_ptr<const ListSection<T>> section) {
  using app::Permission;
  const std::string base = "/plan/" + section->code;
  router.get(base, Permission::ReadPlan,
             [section](RequestContext& ctx) { render_list(ctx, *section); });

  router.get(base + "/new", Permission::EditPlan, [section](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    T record{};
    if (section->defaults) section->defaults(ctx, plan, record);
    FormState state = state_of(section->fields, record);
    render_record_form(ctx, *section, plan, record, state, true);
  });
  router.post(base + "/new", Permission::EditPlan,
              [section](RequestContext& ctx) { save_record(ctx, *section, 0); });

  router.get(base + R"(/(\d+))", Permission::EditPlan, [section](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    const T* record = find_record(plan.*(section->list), ctx.id_match(1));
    if (record == nullptr) {
      render_error(ctx, 404, "見つかりません",
                   "この" + section->noun + "は削除されたか、存在しません。");
      return;
    }
    FormState state = state_of(section->fields, *record);
    render_record_form(ctx, *section, plan, *record, state, false);
  });
  router.post(base + R"(/(\d+))", Permission::EditPlan, [section](RequestContext& ctx) {
    std::int64_t id = ctx.id_match(1);
    if (id == 0) {
      render_error(ctx, 404, "見つかりません", "指定された行がありません。");
      return;
    }
    save_record(ctx, *section, id);
  });

  router.post(base + R"(/(\d+)/move)", Permission::EditPlan, [section](RequestContext& ctx) {
    std::int64_t id = ctx.id_match(1);
    bool up = ctx.param("dir") == "up";
    app::update_plan(ctx.ws, ctx.actor(), [&](core::Plan& p) {
      auto& list = p.*(section->list);
      auto i = index_of(list, id);
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
    const T* record = find_record(plan.*(section->list), ctx.id_match(1));
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
    auto specs = specs_for(section->fields, plan, record);
    const bool can_edit = ctx.can(Permission::EditPlan);
    if (!can_edit) {
      for (auto& spec : specs) spec.read_only = true;
    }
    error_summary(h, state, specs);
    if (!can_edit) {
      // Read-only: the same fields, but no form to send.
      h.open("div", {{"class", "form form--record"}});
      form_fields<T>(h, specs, state);
      h.close("div");
      render_page(ctx, page);
      return;
    }
    begin_form(h, ctx, url, "form form--record");
    form_fields<T>(h, specs, state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "保存する");
    h.close("div");
    end_form(h);
    render_page(ctx, page);
  };
  router.get(url, Permission::ReadPlan, [section, render](RequestContext& ctx) {
    core::Plan plan = app::load_plan(ctx.ws);
    const T& record = plan.*(section->member);
    FormState state = state_of(section->fields, record);
    render(ctx, plan, record, state);
  });
  router.post(url, Permission::EditPlan, [section, render, url](RequestContext& ctx) {
    // Read into the record as the transaction read it: one load per save.
    T record{};
    FormState state;
    core::Problems problems = app::update_plan_if(ctx.ws, ctx.actor(), [&](core::Plan& p) {
      record = p.*(section->member);
      take_form(section->fields, ctx, record, state);
      if (state.has_errors()) return false;
      p.*(section->member) = record;
      return true;
    });
    if (!state.has_errors() && problems.empty()) {
      ctx.redirect(url + "?notice=saved");
      return;
    }
    state.add_problems(problems, [&](const core::Problem& p) {
      return problem_key(p, section->code, std::nullopt);
    });
    render(ctx, app::load_plan(ctx.ws), record, state);
  });
}

template void register_list_section(Router&,
                                    std::shared_ptr<const ListSection<core::InScopeSystem>>);
template void register_list_section(Router&,
                                    std::shared_ptr<const ListSection<core::ThreatScenario>>);
template void register_list_section(Router&,
                                    std::shared_ptr<const ListSection<core::InternalContact>>);
template void register_list_section(Router&,
                                    std::shared_ptr<const ListSection<core::ExternalContact>>);
template void register_list_section(Router&, std::shared_ptr<const ListSection<core::Device>>);
template void register_list_section(Router&,
                                    std::shared_ptr<const ListSection<core::FallbackOperation>>);
template void register_list_section(Router&, std::shared_ptr<const ListSection<core::BackupPlan>>);
template void register_single_section(Router&,
                                      std::shared_ptr<const SingleSection<core::Facility>>);
template void register_single_section(Router&,
                                      std::shared_ptr<const SingleSection<core::SecurityOfficer>>);

}  // namespace medbcp::web
