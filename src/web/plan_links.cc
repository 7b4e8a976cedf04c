#include "web/plan_links.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace medbcp::web {
namespace {

struct FieldPath {
  std::string list;  // "devices", or "facility" for singletons
  long index = -1;   // -1 when the path names no row
  std::string key;   // "" when the path names a whole row or list
};

FieldPath parse_path(std::string_view field) {
  FieldPath p;
  std::size_t bracket = field.find('[');
  std::size_t dot = field.find('.');
  if (bracket != std::string_view::npos && (dot == std::string_view::npos || bracket < dot)) {
    p.list = std::string(field.substr(0, bracket));
    std::size_t close = field.find(']', bracket);
    if (close != std::string_view::npos) {
      long idx = -1;
      std::from_chars(field.data() + bracket + 1, field.data() + close, idx);
      p.index = idx;
      if (close + 1 < field.size() && field[close + 1] == '.') {
        p.key = std::string(field.substr(close + 2));
      }
    }
    return p;
  }
  if (dot != std::string_view::npos) {
    p.list = std::string(field.substr(0, dot));
    p.key = std::string(field.substr(dot + 1));
    return p;
  }
  p.list = std::string(field);
  return p;
}

// Readiness names struct members; forms use the JSON keys.
std::string form_key(std::string_view list, std::string_view key) {
  if (list == "systems" && key == "vendor") return "vendor_contact";
  return std::string(key);
}

template <class T>
std::int64_t id_at(const std::vector<T>& list, long index) {
  if (index < 0 || static_cast<std::size_t>(index) >= list.size()) return 0;
  return list[static_cast<std::size_t>(index)].id.value;
}

std::int64_t row_id(const core::Plan& plan, std::string_view list, long index) {
  if (list == "systems") return id_at(plan.systems, index);
  if (list == "threats") return id_at(plan.threats, index);
  if (list == "internal_contacts") return id_at(plan.internal_contacts, index);
  if (list == "external_contacts") return id_at(plan.external_contacts, index);
  if (list == "devices") return id_at(plan.devices, index);
  if (list == "fallbacks") return id_at(plan.fallbacks, index);
  if (list == "backups") return id_at(plan.backups, index);
  return 0;
}

std::size_t row_count(const core::Plan& plan, core::Section s) {
  switch (s) {
    case core::Section::Systems:
      return plan.systems.size();
    case core::Section::Threats:
      return plan.threats.size();
    case core::Section::InternalContacts:
      return plan.internal_contacts.size();
    case core::Section::ExternalContacts:
      return plan.external_contacts.size();
    case core::Section::Devices:
      return plan.devices.size();
    case core::Section::Fallbacks:
      return plan.fallbacks.size();
    case core::Section::Backups:
      return plan.backups.size();
    default:
      return 0;
  }
}

}  // namespace

std::string section_url(std::string_view section_code) {
  if (section_code == "effective_date") return "/plan/facility";
  return "/plan/" + std::string(section_code);
}

std::string gap_link(const core::Plan& plan, const core::Gap& gap) {
  const std::string section = core::code(gap.section);
  FieldPath p = parse_path(gap.field);
  if (gap.section == core::Section::EffectiveDate) return "/plan/facility#f-effective_date";
  if (p.index < 0) {
    if (p.key.empty()) return section_url(section);
    return section_url(p.list) + "#f-" + form_key(p.list, p.key);
  }
  std::int64_t id = row_id(plan, p.list, p.index);
  if (id == 0) return section_url(section);
  // "This system has no fallback/backup": add one for it.
  if (p.list != section && p.list == "systems") {
    return section_url(section) + "/new?system=" + std::to_string(id);
  }
  std::string url = section_url(p.list) + "/" + std::to_string(id);
  if (!p.key.empty()) url += "#f-" + form_key(p.list, p.key);
  return url;
}

std::string field_link(const core::Plan& plan, std::string_view field) {
  FieldPath p = parse_path(field);
  static const char* kKnown[] = {"facility", "officer",           "systems",
                                 "threats",  "internal_contacts", "external_contacts",
                                 "devices",  "fallbacks",         "backups"};
  bool known = false;
  for (const char* k : kKnown) known = known || p.list == k;
  if (!known) return "/plan";
  if (p.index < 0) {
    return p.key.empty() ? section_url(p.list)
                         : section_url(p.list) + "#f-" + form_key(p.list, p.key);
  }
  std::int64_t id = row_id(plan, p.list, p.index);
  if (id == 0) return section_url(p.list);
  std::string url = section_url(p.list) + "/" + std::to_string(id);
  if (!p.key.empty()) url += "#f-" + form_key(p.list, p.key);
  return url;
}

std::vector<SectionReadiness> section_readiness(const core::Plan& plan,
                                                const std::vector<core::Gap>& gaps) {
  using core::Section;
  // Singleton sections are scored by the fields the rules check.
  auto fixed = [](Section s) -> int {
    switch (s) {
      case Section::Facility:
        return 5;  // name, address, phone, document department, 施行日
      case Section::Officer:
        return 2;  // name, daytime phone
      default:
        return 0;
    }
  };
  std::vector<SectionReadiness> out;
  for (Section s : {Section::Facility, Section::Officer, Section::Systems, Section::Threats,
                    Section::InternalContacts, Section::ExternalContacts, Section::Devices,
                    Section::Fallbacks, Section::Backups}) {
    SectionReadiness r{s};
    std::set<long> gap_rows;
    int whole_section_gaps = 0;
    for (const auto& g : gaps) {
      Section gs = g.section == Section::EffectiveDate ? Section::Facility : g.section;
      if (gs != s) continue;
      ++r.gaps;
      FieldPath p = parse_path(g.field);
      if (p.index >= 0 && p.list == core::code(s)) {
        gap_rows.insert(p.index);
      } else {
        ++whole_section_gaps;
      }
    }
    if (int n = fixed(s); n > 0) {
      r.items = n;
      r.complete = std::max(0, n - r.gaps);
    } else {
      // Rows, plus one item for each gap about the section as a whole
      // (nothing registered, a system without a fallback, no police …).
      int rows = static_cast<int>(row_count(plan, s));
      r.items = rows + whole_section_gaps;
      r.complete = rows - static_cast<int>(gap_rows.size());
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace medbcp::web
