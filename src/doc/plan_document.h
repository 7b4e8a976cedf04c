// Fills a plan template with a plan: the one place where a clinic's data
// becomes a Document (headings numbered １／（１）, fields resolved, lists,
// tables and the contact chart taken from the plan, cover facts gathered).
#pragma once

#include "core/plan.h"
#include "doc/document.h"
#include "doc/plan_tables.h"
#include "doc/template.h"

namespace medbcp::doc {

// `revisions` (oldest first) fill {{table revisions}}, the 改定履歴.
Document build_plan_document(const core::Plan& plan, const Template& tmpl,
                             const std::vector<PlanRevision>& revisions = {});

}  // namespace medbcp::doc
