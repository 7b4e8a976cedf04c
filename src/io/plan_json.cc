#include "io/plan_json.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/plan_section.h"
#include "core/text.h"
#include "io/device_json.h"

namespace medbcp::io {
namespace {

using core::Date;
using Json = nlohmann::ordered_json;

Json date_json(const std::optional<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }
template <class IdT>
Json ref_json(const std::optional<IdT>& id) {
  return id ? Json(id->value) : Json(nullptr);
}

Json facility_json(const core::Facility& f) {
  return Json{{"name", f.name},
              {"address", f.address},
              {"phone", f.phone},
              {"document_department", f.document_department},
              {"effective_date", date_json(f.effective_date)},
              {"edition", f.edition},
              {"last_reviewed", date_json(f.last_reviewed)}};
}

Json officer_json(const core::SecurityOfficer& o) {
  return Json{{"name", o.name},
              {"title", o.title},
              {"phone_day", o.phone_day},
              {"phone_night", o.phone_night},
              {"email", o.email}};
}

Json systems_json(const std::vector<core::InScopeSystem>& list) {
  Json out = Json::array();
  for (const auto& s : list) {
    out.push_back(Json{{"id", s.id.value},
                       {"name", s.name},
                       {"description", s.description},
                       {"vendor_contact", ref_json(s.vendor)},
                       {"from_template", s.from_template}});
  }
  return out;
}

Json threats_json(const std::vector<core::ThreatScenario>& list) {
  Json out = Json::array();
  for (const auto& t : list) {
    out.push_back(Json{{"id", t.id.value},
                       {"kind", core::code(t.kind)},
                       {"title", t.title},
                       {"description", t.description}});
  }
  return out;
}

Json internal_json(const std::vector<core::InternalContact>& list) {
  Json out = Json::array();
  for (const auto& c : list) {
    out.push_back(Json{{"id", c.id.value},
                       {"name", c.name},
                       {"role", c.role},
                       {"department", c.department},
                       {"phone_day", c.phone_day},
                       {"phone_night", c.phone_night},
                       {"email", c.email},
                       {"reports_to", ref_json(c.reports_to)}});
  }
  return out;
}

Json external_json(const std::vector<core::ExternalContact>& list) {
  Json out = Json::array();
  for (const auto& c : list) {
    out.push_back(Json{{"id", c.id.value},
                       {"category", core::code(c.category)},
                       {"organization", c.organization},
                       {"person", c.person},
                       {"phone", c.phone},
                       {"phone_after_hours", c.phone_after_hours},
                       {"hours", c.hours},
                       {"email", c.email},
                       {"what_to_tell", c.what_to_tell},
                       {"notify_on_incident", c.notify_on_incident},
                       {"last_verified", date_json(c.last_verified)}});
  }
  return out;
}

Json devices_json(const std::vector<core::Device>& list) {
  Json out = Json::array();
  for (const auto& d : list) {
    out.push_back(Json{{"id", d.id.value},
                       {"asset_number", d.asset_number},
                       {"name", d.name},
                       {"kind", core::code(d.kind)},
                       {"system", d.system},
                       {"location", d.location},
                       {"manager", d.manager},
                       {"os", d.os},
                       {"os_version", d.os_version},
                       {"ip_address", d.ip_address},
                       {"mac_address", d.mac_address},
                       {"network_zone", d.network_zone},
                       {"internet_facing", d.internet_facing},
                       {"remote_maintenance", d.remote_maintenance},
                       {"vendor", d.vendor},
                       {"introduced", date_json(d.introduced)},
                       {"support_end", date_json(d.support_end)},
                       {"status", core::code(d.status)},
                       {"last_stocktake", date_json(d.last_stocktake)},
                       {"note", d.note}});
  }
  return out;
}

// The devices section written straight out, byte for byte what
// devices_json(list).dump() gives, without building a JSON document of
// 100,000 objects first: every import of the ledger writes it into the
// plan's history, and building it cost more than the rest of the import.
Json fallbacks_json(const std::vector<core::FallbackOperation>& list) {
  Json out = Json::array();
  for (const auto& f : list) {
    out.push_back(Json{{"id", f.id.value},
                       {"business", f.business},
                       {"system", ref_json(f.system)},
                       {"system_label", f.system_label},
                       {"fallback", f.fallback},
                       {"materials", f.materials},
                       {"return_to_normal", f.return_to_normal}});
  }
  return out;
}

Json backups_json(const std::vector<core::BackupPlan>& list) {
  Json out = Json::array();
  for (const auto& b : list) {
    out.push_back(Json{{"id", b.id.value},
                       {"system", ref_json(b.system)},
                       {"system_label", b.system_label},
                       {"frequency_days", b.frequency_days},
                       {"method", b.method},
                       {"restore_method", b.restore_method},
                       {"media", b.media},
                       {"offline", b.offline},
                       {"generations", b.generations}});
  }
  return out;
}

Json section(const core::Plan& plan, core::Section s) {
  using core::Section;
  switch (s) {
    case Section::Facility:
      return facility_json(plan.facility);
    case Section::Officer:
      return officer_json(plan.officer);
    case Section::Systems:
      return systems_json(plan.systems);
    case Section::Threats:
      return threats_json(plan.threats);
    case Section::InternalContacts:
      return internal_json(plan.internal_contacts);
    case Section::ExternalContacts:
      return external_json(plan.external_contacts);
    case Section::Devices:
      return devices_json(plan.devices);
    case Section::Fallbacks:
      return fallbacks_json(plan.fallbacks);
    case Section::Backups:
      return backups_json(plan.backups);
  }
  return nullptr;
}

std::string dump(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

}  // namespace

std::string plan_to_json(const core::Plan& plan) {
  Json root{{"format", "medbcp-plan"}, {"version", kPlanJsonVersion}};
  for (const core::SectionInfo& s : core::plan_sections()) {
    root[std::string(s.code)] = section(plan, s.section);
  }
  return dump(root);
}

std::string section_to_json(const core::Plan& plan, std::string_view name) {
  const auto s = core::section_from_code(name);
  if (!s) return "null";
  if (*s == core::Section::Devices) return devices_compact_json(plan.devices);
  return section(plan, *s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace medbcp::io
