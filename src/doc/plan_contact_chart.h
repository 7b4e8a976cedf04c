// {{chart contacts}} of the template: 別紙１ 連絡体制図 as a ContactChart.
#pragma once

#include "core/plan.h"
#include "doc/contact_chart.h"

namespace medbcp::doc {

// 別紙１: officer at the root, internal contacts by reports_to (unknown or
// circular references attach to the officer), external contacts grouped by
// category in the order of core::ExternalCategory.
ContactChart plan_contact_chart(const core::Plan& plan);

}  // namespace medbcp::doc
