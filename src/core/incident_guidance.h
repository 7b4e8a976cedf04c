// What the plan says that matters while an incident runs: for each affected
// system its fallback operations (代替手段) and its backups' restore methods,
// shown where recovery is decided; the contacts for the first report; the
// "do not initialise" reminder on each affected device.
#pragma once

#include <string>
#include <vector>

#include "core/incident.h"
#include "core/plan.h"

namespace medbcp::core {

struct SystemGuidance {
  AffectedSystem system;
  std::string vendor;  // システム事業者 from 別紙１, if the plan names one
  std::vector<const FallbackOperation*> fallbacks;
  std::vector<const BackupPlan*> backups;
};

// One entry per affected system, in the incident's order. Pointers are into `plan`.
std::vector<SystemGuidance> system_guidance(const Incident& incident, const Plan& plan);

// External contacts the plan marks to be told at once (初報で必ず連絡する).
std::vector<const ExternalContact*> first_report_contacts(const Plan& plan);

}  // namespace medbcp::core
