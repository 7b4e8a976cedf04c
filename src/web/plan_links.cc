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

// The id of the list's index-th record; 0 when there is none.
std::int64_t row_id(const core::Plan& plan, std::string_view list, long index) {
  const auto s = core::section_from_code(list);
  if (!s || index < 0) return 0;
  return core::section_info(*s).record_id(plan, static_cast<std::size_t>(index));
}

}  // namespace

std::string section_url(std::string_view section_code) {
  return "/plan/" + std::string(section_code);
}

std::string gap_link(const core::Plan& plan, const core::Gap& gap) {
  const std::string section = core::code(gap.section);
  FieldPath p = parse_path(gap.field);
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
  // The checklist's reminders name their item: 「checklist:2-7」「bcp:1-2-3」.
  for (const std::string_view list : {"checklist:", "bcp:"}) {
    if (field.starts_with(list)) {
      return "/checklist#" + std::string(list.substr(0, list.size() - 1)) + "-" +
             std::string(field.substr(list.size()));
    }
  }
  FieldPath p = parse_path(field);
  if (!core::section_from_code(p.list)) return "/plan";
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
  for (const core::SectionInfo& info : core::plan_sections()) {
    const Section s = info.section;
    SectionReadiness r{s};
    std::set<long> gap_rows;
    int whole_section_gaps = 0;
    for (const auto& g : gaps) {
      if (g.section != s) continue;
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
      int rows = static_cast<int>(info.record_count(plan));
      r.items = rows + whole_section_gaps;
      r.complete = rows - static_cast<int>(gap_rows.size());
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace medbcp::web
