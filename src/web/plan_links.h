// Where in the web application each part of the plan is edited: the link
// behind every readiness gap ("fix it here"), and the share of each
// section that is free of gaps (for the dashboard chart).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"
#include "core/readiness.h"

namespace medbcp::web {

// "/plan/<section>" for a section code ("devices", "facility", …).
std::string section_url(std::string_view section_code);
// The page (and field anchor) where the gap is fixed.
std::string gap_link(const core::Plan& plan, const core::Gap& gap);
// The page of a field path such as "devices[3].vendor", "backups[0]",
// "officer.phone_day" or "devices"; "/plan" when the path names nothing known.
std::string field_link(const core::Plan& plan, std::string_view field);

struct SectionReadiness {
  core::Section section;
  int items = 0;     // rows (or checked fields) of the section
  int complete = 0;  // those without a gap
  int gaps = 0;
  int percent() const { return items == 0 ? 100 : complete * 100 / items; }
};

// One entry per core::Section in plan order (施行日 folded into 医療機関).
std::vector<SectionReadiness> section_readiness(const core::Plan& plan,
                                                const std::vector<core::Gap>& gaps);

}  // namespace medbcp::web
