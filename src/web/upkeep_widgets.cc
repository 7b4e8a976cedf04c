#include "web/upkeep_widgets.h"

namespace medbcp::web {

void compact_input(Html& h, const std::string& id, const std::string& name,
                   const std::string& label, const std::string& type, const std::string& value,
                   bool required, const std::vector<Attr>& extra) {
  h.open("div", {{"class", "field"}});
  h.open("label", {{"for", id}});
  h.text(label);
  if (required) h.el("span", {{"class", "required"}}, "必須");
  h.close("label");
  std::vector<Attr> attrs{{"type", type},
                          {"id", id},
                          {"name", name},
                          {"value", value},
                          Attr::flag("required", required)};
  for (const auto& a : extra) attrs.push_back(a);
  h.empty("input", attrs);
  h.close("div");
}

void compact_select(Html& h, const std::string& id, const std::string& name,
                    const std::string& label, const std::vector<Option>& options,
                    const std::string& selected) {
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", id}}, label);
  h.open("select", {{"id", id}, {"name", name}});
  for (const auto& o : options) {
    h.el("option", {{"value", o.value}, Attr::flag("selected", o.value == selected)}, o.label);
  }
  h.close("select");
  h.close("div");
}

void problem_summary(Html& h, const std::string& title, const core::Problems& problems) {
  if (problems.empty()) return;
  h.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"tabindex", "-1"}});
  h.el("h2", title);
  h.open("ul");
  for (const auto& p : problems) h.el("li", p.message);
  h.close("ul");
  h.close("div");
}

void text_or_dash(Html& h, const std::string& text) {
  if (text.empty()) {
    h.el("span", {{"class", "muted"}}, "—");
  } else {
    h.text(text);
  }
}

void facts(Html& h, const std::vector<std::pair<std::string, std::string>>& rows) {
  h.open("dl", {{"class", "facts"}});
  for (const auto& [label, value] : rows) {
    h.el("dt", label);
    h.el("dd", value);
  }
  h.close("dl");
}

}  // namespace medbcp::web
