#include "core/incident_guidance.h"

namespace medbcp::core {

std::vector<SystemGuidance> system_guidance(const Incident& incident, const Plan& plan) {
  std::vector<SystemGuidance> out;
  for (const auto& affected : incident.systems) {
    SystemGuidance g;
    g.system = affected;
    if (const auto* system = plan.find_system(affected.id)) {
      g.system.name = system->name;
      if (system->vendor) {
        if (const auto* vendor = plan.find_external(*system->vendor))
          g.vendor = vendor->organization;
      }
    }
    for (const auto& f : plan.fallbacks) {
      if (f.system == affected.id) g.fallbacks.push_back(&f);
    }
    for (const auto& b : plan.backups) {
      if (b.system == affected.id) g.backups.push_back(&b);
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<const ExternalContact*> first_report_contacts(const Plan& plan) {
  std::vector<const ExternalContact*> out;
  for (const auto& c : plan.external_contacts) {
    if (c.notify_on_incident) out.push_back(&c);
  }
  return out;
}

}  // namespace medbcp::core
