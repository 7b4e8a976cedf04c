#include "doc/plan_values.h"

#include "core/numbering.h"
#include "core/readiness.h"
#include "core/wareki.h"
#include "doc/plan_catalog.h"

namespace medbcp::doc {

Text value_or_blank(const std::string& text, int width) {
  if (core::is_placeholder(text)) return blank(width);
  return plain(text);
}

Text wareki_or_blank(const std::optional<core::Date>& date) {
  if (date && date->valid()) return plain(core::format_wareki(*date));
  Text t = plain("令和");
  append(t, blank(2));
  append(t, "年");
  append(t, blank(2));
  append(t, "月");
  append(t, blank(2));
  append(t, "日");
  return t;
}

namespace {

// 「〇〇部門にて」: the clinic may type 事務 or 事務部門 (or 医事課); the
// sentence needs a unit either way, so 部門 is added only when none is there.
Text department(const std::string& value, int width) {
  Text t = value_or_blank(value, width);
  for (const char* unit : {"部門", "部", "課", "室", "係", "科", "局", "センター", "委員会"})
    if (!has_blank(t) && value.ends_with(unit)) return t;
  append(t, "部門");
  return t;
}

}  // namespace

Text plan_field(const core::Plan& plan, std::string_view name) {
  const FieldInfo* info = find_plan_field(name);
  if (!info) return {};
  const core::Facility& f = plan.facility;
  const core::SecurityOfficer& o = plan.officer;
  int w = info->blank_width;
  if (name == "facility.name") return value_or_blank(f.name, w);
  if (name == "facility.address") return value_or_blank(f.address, w);
  if (name == "facility.phone") return value_or_blank(f.phone, w);
  if (name == "facility.document_department") return department(f.document_department, w);
  if (name == "facility.effective_date") return wareki_or_blank(f.effective_date);
  if (name == "facility.last_reviewed") return wareki_or_blank(f.last_reviewed);
  if (name == "facility.edition") {
    if (f.edition <= 0) return blank(w);
    return plain(core::full_width_number(f.edition));
  }
  if (name == "officer.name") return value_or_blank(o.name, w);
  if (name == "officer.title") return value_or_blank(o.title, w);
  if (name == "officer.phone_day") return value_or_blank(o.phone_day, w);
  if (name == "officer.phone_night") return value_or_blank(o.phone_night, w);
  if (name == "officer.email") return value_or_blank(o.email, w);
  return {};
}

List plan_list(const core::Plan& plan, std::string_view name) {
  List list;
  list.marker = List::Marker::Circled;
  if (name == "systems") {
    for (const core::InScopeSystem& s : plan.systems) {
      Text item = value_or_blank(s.name, 10);
      if (!core::is_placeholder(s.description)) append(item, "：" + s.description);
      list.items.push_back(std::move(item));
    }
  } else if (name == "threats") {
    for (const core::ThreatScenario& t : plan.threats) {
      Text item = value_or_blank(t.title, 10);
      if (!core::is_placeholder(t.description)) append(item, "：" + t.description);
      list.items.push_back(std::move(item));
    }
  }
  if (list.items.empty()) list.items.push_back(blank(10));
  return list;
}

}  // namespace medbcp::doc
