// The editing pages of the plan's sections, written once for every record
// type: a list of records (add, edit, reorder, delete — or retire, for the
// device ledger, which also gets search, filter, sort and paging) and a form
// for a single record (facility, security officer). A section is described
// by a ListSection / SingleSection value (see plan_sections.cc);
// register_list_section / register_single_section turn it into routes
// (web/section_routes.cc, instantiated there for each record type of
// core::Plan). Every save goes through app::update_plan, so it is validated,
// recorded in history and checked for EditPlan.
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
  // A row that needs someone's attention (a device past its support end):
  // the reason, shown as a badge on its highlighted row; "" for none.
  std::function<std::string(const T&, const core::Date& today)> attention;
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

// The routes of a list section: /plan/<code>, /new, /<id>, /<id>/move and
// /<id>/delete (or /<id>/retire for the device ledger).
template <class T>
void register_list_section(Router& router, std::shared_ptr<const ListSection<T>> section);
// The routes of a single-form section: GET and POST /plan/<code>.
template <class T>
void register_single_section(Router& router, std::shared_ptr<const SingleSection<T>> section);

}  // namespace medbcp::web
