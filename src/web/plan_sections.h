// The plan's sections as the web application shows them: their editing
// routes, their Japanese titles, and the labels of their fields — shared
// with the history and version pages so a change reads the way the form
// that made it does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"
#include "core/plan_section.h"
#include "web/router.h"

namespace medbcp::web {

void register_plan_section_routes(Router& router);

// The section's heading (core::SectionInfo::title) by its code; the code
// itself when it names no section.
std::string section_title(std::string_view code);
// The field's label on its form; the key itself when unknown.
std::string field_label(std::string_view section, std::string_view key);
// A stored value (from plan JSON) as people read it: codes as labels,
// references as names, booleans as はい/いいえ.
std::string display_value(const core::Plan& plan, std::string_view section, std::string_view key,
                          const std::string& raw);

}  // namespace medbcp::web
