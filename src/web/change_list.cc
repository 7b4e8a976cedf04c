#include "web/change_list.h"

#include "web/plan_sections.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

const char* kind_label(app::ChangeKind kind) {
  switch (kind) {
    case app::ChangeKind::Added:
      return "追加";
    case app::ChangeKind::Removed:
      return "削除";
    case app::ChangeKind::Changed:
      return "変更";
    case app::ChangeKind::Reordered:
      return "並び順";
  }
  return "";
}

const char* kind_css(app::ChangeKind kind) {
  switch (kind) {
    case app::ChangeKind::Added:
      return "tag tag--ok";
    case app::ChangeKind::Removed:
      return "tag tag--bad";
    default:
      return "tag";
  }
}

}  // namespace

void change_list(Html& h, const core::Plan& plan, const std::vector<app::RecordChange>& changes) {
  if (changes.empty()) {
    h.el("p", {{"class", "empty"}}, "内容の違いはありません。");
    return;
  }
  h.open("ol", {{"class", "changes"}});
  for (const auto& c : changes) {
    h.open("li", {{"class", "change"}});
    h.open("p", {{"class", "change__title"}});
    h.el("span", {{"class", kind_css(c.kind)}}, kind_label(c.kind));
    h.text(" ");
    h.text(section_title(c.section));
    if (!c.record_label.empty()) h.text("：" + c.record_label);
    if (c.kind == app::ChangeKind::Reordered) h.text("（表示順を変更）");
    h.close("p");
    if (!c.fields.empty()) {
      h.open("div", {{"class", "table-wrap"},
                     {"role", "region"},
                     {"aria-label", section_title(c.section) + " " + c.record_label + "の変更"},
                     {"tabindex", "0"}});
      h.open("table", {{"class", "data data--diff"}});
      h.open("thead").open("tr");
      h.el("th", {{"scope", "col"}}, "項目");
      h.el("th", {{"scope", "col"}}, "変更前");
      h.el("th", {{"scope", "col"}}, "変更後");
      h.close("tr").close("thead");
      h.open("tbody");
      for (const auto& f : c.fields) {
        h.open("tr");
        h.el("th", {{"scope", "row"}}, field_label(c.section, f.field));
        h.open("td", {{"class", "before"}});
        cell_text(h, display_value(plan, c.section, f.field, f.before));
        h.close("td");
        h.open("td", {{"class", "after"}});
        cell_text(h, display_value(plan, c.section, f.field, f.after));
        h.close("td");
        h.close("tr");
      }
      h.close("tbody");
      h.close("table");
      h.close("div");
    }
    h.close("li");
  }
  h.close("ol");
}

}  // namespace medbcp::web
