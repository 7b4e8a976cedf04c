#include "core/incident_payload.h"

#include "core/payload_json.h"

namespace medbcp::core {
namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

using payload_json::integer;
using payload_json::parse_object;
std::string str(const json& j, const char* key) { return payload_json::text(j, key); }

bool boolean(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::optional<bool> tristate(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

json tristate_json(const std::optional<bool>& v) { return v ? json(*v) : json(nullptr); }

std::optional<Instant> instant(const json& j, const char* key) {
  return Instant::parse(str(j, key));
}

}  // namespace

bool is_json_object(std::string_view payload) { return parse_object(payload).has_value(); }

std::string to_payload(const IncidentOpening& o) {
  json systems = json::array();
  for (const auto& s : o.systems) systems.push_back({{"id", s.id.value}, {"name", s.name}});
  json devices = json::array();
  for (const auto& d : o.devices) {
    devices.push_back({{"id", d.id.value}, {"name", d.name}, {"asset_number", d.asset_number}});
  }
  json opening = {
      {"title", o.title},
      {"threat", code(o.threat)},
      {"discoverer", o.discovery.discoverer},
      {"discovered_at", o.discovery.discovered_at.iso_utc()},
      {"how_found", o.discovery.how_found},
      {"situation", o.discovery.situation},
      {"actions_taken", o.discovery.actions_taken},
      {"systems", systems},
      {"devices", devices},
      {"personal_data_leak", o.personal_data_leak},
      {"aware_at", o.aware_at.iso_utc()},
  };
  return dump(json{{"opening", opening}});
}

std::optional<IncidentOpening> read_opening(std::string_view payload) {
  auto root = parse_object(payload);
  if (!root || !root->contains("opening") || !(*root)["opening"].is_object()) return std::nullopt;
  const json& j = (*root)["opening"];
  IncidentOpening o;
  o.title = str(j, "title");
  o.threat = threat_kind_from_code(str(j, "threat")).value_or(ThreatKind::Other);
  o.discovery.discoverer = str(j, "discoverer");
  o.discovery.discovered_at = instant(j, "discovered_at").value_or(Instant{});
  o.discovery.how_found = str(j, "how_found");
  o.discovery.situation = str(j, "situation");
  o.discovery.actions_taken = str(j, "actions_taken");
  if (auto it = j.find("systems"); it != j.end() && it->is_array()) {
    for (const auto& s : *it) {
      if (s.is_object()) o.systems.push_back({SystemId(integer(s, "id")), str(s, "name")});
    }
  }
  if (auto it = j.find("devices"); it != j.end() && it->is_array()) {
    for (const auto& d : *it) {
      if (d.is_object()) {
        o.devices.push_back({DeviceId(integer(d, "id")), str(d, "name"), str(d, "asset_number")});
      }
    }
  }
  o.personal_data_leak = boolean(j, "personal_data_leak");
  o.aware_at = instant(j, "aware_at").value_or(o.discovery.discovered_at);
  return o;
}

std::string to_payload(const StepMark& m) {
  json j = {{"step", m.step}, {"state", code(m.state)}};
  if (!m.reason.empty()) j["reason"] = m.reason;
  if (!m.note.empty()) j["note"] = m.note;
  return dump(j);
}

std::optional<StepMark> read_step_mark(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j) return std::nullopt;
  auto state = step_state_from_code(str(*j, "state"));
  if (str(*j, "step").empty() || !state) return std::nullopt;
  return StepMark{str(*j, "step"), *state, str(*j, "reason"), str(*j, "note")};
}

std::string to_payload(const ContactCall& c) {
  static constexpr const char* kTypes[] = {"external", "internal", "other", "officer"};
  json target = {{"type", kTypes[static_cast<int>(c.target.type)]}, {"name", c.target.name}};
  if (c.target.type != ContactTarget::Type::Other) target["id"] = c.target.id;
  if (c.target.category) target["category"] = code(*c.target.category);
  return dump(json{{"contact", target},
                   {"called_by", c.called_by},
                   {"channel", c.channel},
                   {"reached", c.reached},
                   {"said", c.said},
                   {"follow_up", c.follow_up}});
}

std::optional<ContactCall> read_contact_call(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j || !j->contains("contact") || !(*j)["contact"].is_object()) return std::nullopt;
  const json& t = (*j)["contact"];
  ContactCall c;
  const std::string type = str(t, "type");
  c.target.type = type == "external"   ? ContactTarget::Type::External
                  : type == "internal" ? ContactTarget::Type::Internal
                  : type == "officer"  ? ContactTarget::Type::Officer
                                       : ContactTarget::Type::Other;
  c.target.id = integer(t, "id");
  c.target.name = str(t, "name");
  c.target.category = external_category_from_code(str(t, "category"));
  c.called_by = str(*j, "called_by");
  c.channel = str(*j, "channel");
  c.reached = boolean(*j, "reached");
  c.said = str(*j, "said");
  c.follow_up = str(*j, "follow_up");
  return c;
}

std::string to_payload(const Decision& d) {
  json j = {{"decision", code(d.kind)}, {"reason", d.reason}};
  if (d.system) j["system"] = {{"id", d.system->value}, {"name", d.system_name}};
  switch (d.kind) {
    case DecisionKind::SystemRecovery:
      j["possible"] = tristate_json(d.possible);
      j["vendor"] = d.vendor;
      break;
    case DecisionKind::DataRecovery:
      j["possible"] = tristate_json(d.possible);
      j["backup_generation"] = d.backup_generation;
      break;
    case DecisionKind::Care:
      j["care"] = code(d.care);
      j["care_mode"] = d.care_mode;
      break;
    case DecisionKind::ReportGrounds:
      j["wrongful_purpose"] = d.wrongful_purpose;
      break;
  }
  return dump(j);
}

std::optional<Decision> read_decision(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j) return std::nullopt;
  auto kind = decision_kind_from_code(str(*j, "decision"));
  if (!kind) return std::nullopt;
  Decision d;
  d.kind = *kind;
  if (auto it = j->find("system"); it != j->end() && it->is_object()) {
    d.system = SystemId(integer(*it, "id"));
    d.system_name = str(*it, "name");
  }
  d.possible = tristate(*j, "possible");
  d.vendor = str(*j, "vendor");
  d.backup_generation = str(*j, "backup_generation");
  d.care = care_status_from_code(str(*j, "care")).value_or(CareStatus::Continued);
  d.care_mode = str(*j, "care_mode");
  d.wrongful_purpose = boolean(*j, "wrongful_purpose");
  d.reason = str(*j, "reason");
  return d;
}

std::string to_payload(const EvidenceItem& e) {
  json j = {{"evidence_id", e.evidence_id},
            {"item", e.item},
            {"location", e.location},
            {"holder", e.holder}};
  if (e.device) j["device"] = {{"id", e.device->value}, {"name", e.device_name}};
  if (!e.sha256.empty()) {
    j["file"] = {{"name", e.file_name}, {"size", e.file_size}, {"sha256", e.sha256}};
  }
  return dump(j);
}

std::optional<EvidenceItem> read_evidence(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j || str(*j, "evidence_id").empty()) return std::nullopt;
  EvidenceItem e;
  e.evidence_id = str(*j, "evidence_id");
  e.item = str(*j, "item");
  e.location = str(*j, "location");
  e.holder = str(*j, "holder");
  if (auto it = j->find("device"); it != j->end() && it->is_object()) {
    e.device = DeviceId(integer(*it, "id"));
    e.device_name = str(*it, "name");
  }
  if (auto it = j->find("file"); it != j->end() && it->is_object()) {
    e.file_name = str(*it, "name");
    e.file_size = static_cast<std::uint64_t>(integer(*it, "size"));
    e.sha256 = str(*it, "sha256");
  }
  return e;
}

std::string to_payload(const CustodyTransfer& t) {
  return dump(json{
      {"evidence_id", t.evidence_id}, {"from", t.from}, {"to", t.to}, {"location", t.location}});
}

std::optional<CustodyTransfer> read_custody(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j || str(*j, "evidence_id").empty()) return std::nullopt;
  return CustodyTransfer{str(*j, "evidence_id"), str(*j, "from"), str(*j, "to"),
                         str(*j, "location")};
}

std::string to_payload(const Closure& c) {
  json follow_ups = json::array();
  for (const auto& f : c.follow_ups) {
    json item = {{"title", f.title}, {"owner", f.owner}};
    if (f.due) item["due"] = f.due->iso();
    if (!f.plan_section.empty()) item["plan_section"] = f.plan_section;
    follow_ups.push_back(item);
  }
  return dump(json{{"lessons", c.lessons}, {"follow_ups", follow_ups}});
}

std::optional<Closure> read_closure(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j) return std::nullopt;
  Closure c;
  c.lessons = str(*j, "lessons");
  if (auto it = j->find("follow_ups"); it != j->end() && it->is_array()) {
    for (const auto& f : *it) {
      if (!f.is_object()) continue;
      c.follow_ups.push_back(FollowUp{str(f, "title"), str(f, "owner"), Date::parse(str(f, "due")),
                                      str(f, "plan_section")});
    }
  }
  return c;
}

std::string to_payload(const Correction& c) {
  json j = json::object();
  if (c.withdraw) j["withdraw"] = true;
  if (c.replacement_payload) {
    auto replacement = parse_object(*c.replacement_payload);
    if (replacement) j["replacement"] = *replacement;
  }
  return dump(j);
}

std::optional<Correction> read_correction(std::string_view payload) {
  auto j = parse_object(payload);
  if (!j) return std::nullopt;
  Correction c;
  c.withdraw = boolean(*j, "withdraw");
  if (auto it = j->find("replacement"); it != j->end() && it->is_object()) {
    c.replacement_payload = dump(*it);
  }
  return c;
}

}  // namespace medbcp::core
