// Shows what changed between two states of the plan (a history entry, or
// two published versions) as people read it: the section, the record, and
// each field's label with its value before and after.
#pragma once

#include <vector>

#include "app/plan_diff.h"
#include "core/plan.h"
#include "web/html.h"

namespace medbcp::web {

// `plan` is today's plan, used to name referenced records.
void change_list(Html& h, const core::Plan& plan, const std::vector<app::RecordChange>& changes);

}  // namespace medbcp::web
