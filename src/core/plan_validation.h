// Structural validation of a whole plan (used by JSON import and by every
// form): required names, valid references between records, sane numbers.
// Unfilled placeholders are not errors here — they are readiness gaps.
#pragma once

#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::core {

Problems validate_plan(const Plan& plan);

}  // namespace medbcp::core
