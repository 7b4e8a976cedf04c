// The plan's values as document pieces: a {{field}} as text, a {{list}} as
// a List ({{table}}: doc/plan_tables.h, {{chart contacts}}:
// doc/plan_contact_chart.h).
// Anything the clinic has not written yet (empty, or still the template's
// 〇〇) comes out as a visible blank to fill by hand (core::is_placeholder).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"
#include "doc/document.h"

namespace medbcp::doc {

// `text`, or a blank `width` characters wide when it is a placeholder.
Text value_or_blank(const std::string& text, int width);
// 令和６年４月１日, or 令和＿＿年＿＿月＿＿日 to fill in.
Text wareki_or_blank(const std::optional<core::Date>& date);

// The value of a catalog field (plan_fields()); an unknown name gives {}.
Text plan_field(const core::Plan& plan, std::string_view name);

// {{list systems}} / {{list threats}}.
List plan_list(const core::Plan& plan, std::string_view name);

}  // namespace medbcp::doc
