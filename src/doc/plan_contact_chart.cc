// 別紙１ from the plan: who is at the top, who reports to whom, which
// organisations to call.
#include "doc/plan_contact_chart.h"

#include <map>
#include <set>

#include "core/readiness.h"
#include "doc/plan_values.h"

namespace medbcp::doc {
namespace {

std::string or_blank(const std::string& s, int width) {
  return core::is_placeholder(s) ? blank_text(width) : s;
}

void add_phone(std::vector<std::string>& lines, const char* label, const std::string& phone,
               bool required) {
  if (!core::is_placeholder(phone))
    lines.push_back(std::string(label) + "　" + phone);
  else if (required)
    lines.push_back(std::string(label) + "　" + blank_text(6));
}

}  // namespace

ContactChart plan_contact_chart(const core::Plan& plan) {
  ContactChart chart;
  const core::SecurityOfficer& o = plan.officer;
  chart.officer.title = "医療情報システム安全管理責任者";
  std::string name = or_blank(o.name, 6);
  if (!core::is_placeholder(o.title)) name += "（" + o.title + "）";
  chart.officer.lines.push_back(name);
  add_phone(chart.officer.lines, "日中", o.phone_day, true);
  add_phone(chart.officer.lines, "夜間", o.phone_night, true);

  // Index of each internal contact, to resolve reports_to.
  std::map<std::int64_t, int> index;
  for (std::size_t i = 0; i < plan.internal_contacts.size(); ++i)
    index[plan.internal_contacts[i].id.value] = static_cast<int>(i);
  for (const core::InternalContact& c : plan.internal_contacts) {
    ChartMember m;
    m.box.title = core::is_placeholder(c.role) ? blank_text(5) : c.role;
    std::string who = or_blank(c.name, 6);
    if (!core::is_placeholder(c.department)) who += "（" + c.department + "）";
    m.box.lines.push_back(who);
    add_phone(m.box.lines, "日中", c.phone_day, true);
    add_phone(m.box.lines, "夜間", c.phone_night, false);
    if (c.reports_to && c.id.valid()) {
      auto it = index.find(c.reports_to->value);
      if (it != index.end()) m.parent = it->second;
    }
    chart.internal.push_back(std::move(m));
  }
  // A chain that loops back on itself has no way up to the officer: cut it
  // there so the chart stays a tree.
  for (std::size_t i = 0; i < chart.internal.size(); ++i) {
    std::set<int> seen{static_cast<int>(i)};
    int p = chart.internal[i].parent;
    while (p >= 0) {
      if (!seen.insert(p).second) {
        chart.internal[i].parent = -1;
        break;
      }
      p = chart.internal[p].parent;
    }
  }

  constexpr core::ExternalCategory kOrder[] = {core::ExternalCategory::SystemVendor,
                                               core::ExternalCategory::Maintenance,
                                               core::ExternalCategory::Police,
                                               core::ExternalCategory::Mhlw,
                                               core::ExternalCategory::Prefecture,
                                               core::ExternalCategory::MedicalAssociation,
                                               core::ExternalCategory::PrivacyCommission,
                                               core::ExternalCategory::Insurer,
                                               core::ExternalCategory::Other};
  for (core::ExternalCategory category : kOrder) {
    ChartGroup group;
    group.title = core::label(category);
    for (const core::ExternalContact& c : plan.external_contacts) {
      if (c.category != category) continue;
      ChartBox box;
      box.title = or_blank(c.organization, 8);
      box.highlight = c.notify_on_incident;
      if (!core::is_placeholder(c.person)) box.lines.push_back(c.person);
      add_phone(box.lines, "電話", c.phone, true);
      add_phone(box.lines, "時間外", c.phone_after_hours, false);
      group.boxes.push_back(std::move(box));
    }
    if (!group.boxes.empty()) chart.external.push_back(std::move(group));
  }
  if (chart.external.empty()) {
    // Nothing entered yet: an empty box per must-have organisation, to fill by hand.
    for (core::ExternalCategory category :
         {core::ExternalCategory::SystemVendor, core::ExternalCategory::Police}) {
      chart.external.push_back(
          {core::label(category), {{blank_text(8), {"電話　" + blank_text(6)}}}});
    }
  }
  return chart;
}

}  // namespace medbcp::doc
