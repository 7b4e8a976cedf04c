// A complete plan of a fictional clinic, 「さくら内科クリニック」 in 静岡県, for
// demonstrations, screenshots and tests: every field filled, so that
// readiness_gaps(demo_plan()) is empty and validate_plan(demo_plan()) finds
// nothing. All people, companies, addresses and phone numbers are invented
// (numbers use the unassigned 000 exchange) and must not be dialled.
#pragma once

#include "core/plan.h"

namespace medbcp::core {

Plan demo_plan();
// The same clinic kept up to date as of `today`: its contacts confirmed and
// its plan reviewed two months ago, its stock-take three months ago, so a
// new demonstration opens on what a well-run clinic sees, not on a year of
// overdue checks.
Plan demo_plan(const Date& today);

}  // namespace medbcp::core
