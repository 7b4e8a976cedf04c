// The plan's values as document pieces: a {{field}} as text, a {{list}} as
// a List, a {{table}} as a Table, {{chart contacts}} as a ContactChart.
// Anything the clinic has not written yet (empty, or still the template's
// 〇〇) comes out as a visible blank to fill by hand (core::is_placeholder).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"
#include "doc/document.h"
#include "doc/plan_catalog.h"

namespace medbcp::doc {

// `text`, or a blank `width` characters wide when it is a placeholder.
Text value_or_blank(const std::string& text, int width);
// 令和６年４月１日, or 令和＿＿年＿＿月＿＿日 to fill in.
Text wareki_or_blank(const std::optional<core::Date>& date);

// The value of a catalog field (plan_fields()); an unknown name gives {}.
Text plan_field(const core::Plan& plan, std::string_view name);

// {{list systems}} / {{list threats}}.
List plan_list(const core::Plan& plan, std::string_view name);

// {{table NAME}} with the given column keys (empty = the table's defaults).
// An empty list gives two rows of blanks, to be filled in on paper.
Table plan_table(const core::Plan& plan, const TableInfo& table,
                 const std::vector<std::string>& columns, std::string caption);

// 別紙１: officer at the root, internal contacts by reports_to (unknown or
// circular references attach to the officer), external contacts grouped by
// category in the order of core::ExternalCategory.
ContactChart plan_contact_chart(const core::Plan& plan);

}  // namespace medbcp::doc
