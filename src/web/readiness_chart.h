// The dashboard's readiness figure: one horizontal bar per plan section,
// showing the share of the section free of gaps, drawn as SVG on the server
// (no script, prints as it shows). Each bar links to its section.
#pragma once

#include <vector>

#include "web/html.h"
#include "web/plan_links.h"

namespace medbcp::web {

void readiness_chart(Html& h, const std::vector<SectionReadiness>& sections);

}  // namespace medbcp::web
