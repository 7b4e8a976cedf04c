#include "web/form.h"

#include <functional>

namespace medbcp::web {
namespace {

const std::string kEmpty;

std::string problem_text(const core::Problem& p) { return p.message; }

}  // namespace

const std::string& FormState::value(const std::string& key) const {
  auto it = values.find(key);
  return it == values.end() ? kEmpty : it->second;
}

void FormState::error(const std::string& key, std::string message) {
  ordered_.emplace_back(key, message);
  if (key.empty()) {
    general_.push_back(std::move(message));
  } else {
    errors_[key].push_back(std::move(message));
  }
}

const std::vector<std::string>* FormState::errors_for(const std::string& key) const {
  auto it = errors_.find(key);
  return it == errors_.end() ? nullptr : &it->second;
}

void FormState::add_problems(const core::Problems& problems,
                             const std::function<std::string(const core::Problem&)>& key_of) {
  for (const auto& p : problems) error(key_of(p), problem_text(p));
}

FormState read_form(const RequestContext& ctx, const std::vector<FieldSpec>& specs) {
  FormState state;
  for (const auto& spec : specs) {
    if (spec.read_only) continue;
    if (spec.kind == FieldKind::Checkbox) {
      state.set(spec.key, ctx.param(spec.key).empty() ? "" : "1");
    } else {
      state.set(spec.key, ctx.param(spec.key));
    }
  }
  return state;
}

std::string field_id(const std::string& key) { return "f-" + key; }
std::string field_id(const FieldSpec& spec) {
  return spec.id.empty() ? field_id(spec.key) : spec.id;
}

void csrf_field(Html& h, RequestContext& ctx) {
  h.empty("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", ctx.csrf_token()}});
}

void begin_form(Html& h, RequestContext& ctx, const std::string& action,
                const std::string& css_class) {
  h.open("form", {{"method", "post"}, {"action", action}, {"class", css_class}});
  csrf_field(h, ctx);
}

void begin_upload_form(Html& h, RequestContext& ctx, const std::string& action) {
  h.open("form", {{"method", "post"},
                  {"action", action},
                  {"enctype", "multipart/form-data"},
                  {"class", "form"}});
  csrf_field(h, ctx);
}

void open_fold(Html& h, const Fold& fold) {
  std::vector<Attr> attrs = {{"class", "form-fold"}, {"name", fold.group}};
  if (!fold.id.empty()) attrs.push_back({"id", fold.id});
  if (fold.open) attrs.push_back({"open", ""});
  h.open("details", attrs);
  h.el("summary",
       {{"class", std::string("form-fold__summary button button--secondary") +
                      (fold.small ? " button--small" : "")}},
       fold.label);
}

void end_form(Html& h) { h.close("form"); }

void error_summary(Html& h, const FormState& state, const std::vector<FieldSpec>& specs) {
  if (!state.has_errors()) return;
  h.open(
      "div",
      {{"class", "error-summary"}, {"role", "alert"}, {"tabindex", "-1"}, {"id", "error-summary"}});
  h.el("h2", "入力内容を確認してください");
  h.open("ul");
  for (const auto& [key, message] : state.all()) {
    const FieldSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.key == key) spec = &s;
    }
    h.open("li");
    if (!key.empty() && spec && !spec->label.empty()) {
      h.el("a", {{"href", std::string("#").append(field_id(*spec))}}, spec->label + "：" + message);
    } else {
      h.text(message);
    }
    h.close("li");
  }
  h.close("ul");
  h.close("div");
}

void field(Html& h, const FieldSpec& spec, const FormState& state) {
  const std::string id = field_id(spec);
  const auto* errors = state.errors_for(spec.key);
  const std::string hint_id = spec.hint.empty() ? "" : id + "-hint";
  const std::string error_id = errors ? id + "-error" : "";
  std::string described = hint_id;
  if (!error_id.empty()) described += (described.empty() ? "" : " ") + error_id;
  const std::string& value = state.value(spec.key);

  std::string css = "field";
  if (errors) css += " field--error";
  if (spec.kind == FieldKind::Checkbox) css += " field--check";
  h.open("div", {{"class", css}});

  auto label = [&] {
    // The input says required itself; the mark beside the label is for the
    // eye only and stays out of the field's name.
    if (spec.required && spec.kind != FieldKind::Checkbox) {
      h.open("div", {{"class", "field__label"}});
      h.el("label", {{"for", id}}, spec.label);
      h.el("span", {{"class", "required"}, {"aria-hidden", "true"}}, "必須");
      h.close("div");
      return;
    }
    h.el("label", {{"for", id}}, spec.label);
  };
  auto messages = [&] {
    if (!spec.hint.empty()) h.el("p", {{"class", "hint"}, {"id", hint_id}}, spec.hint);
    if (errors) {
      h.open("p", {{"class", "field-error"}, {"id", error_id}});
      for (std::size_t i = 0; i < errors->size(); ++i) {
        if (i > 0) h.text(" ");
        h.text((*errors)[i]);
      }
      h.close("p");
    }
  };
  std::vector<Attr> common{{"id", id},
                           {"name", spec.key},
                           Attr::optional("aria-describedby", described),
                           Attr::optional("aria-invalid", errors ? "true" : ""),
                           Attr::flag("required", spec.required),
                           Attr::flag("readonly", spec.read_only),
                           Attr::optional("autocomplete", spec.autocomplete)};

  if (spec.kind == FieldKind::Checkbox) {
    std::vector<Attr> attrs = common;
    attrs.push_back({"type", "checkbox"});
    attrs.push_back({"value", "1"});
    attrs.push_back(Attr::flag("checked", !value.empty()));
    h.empty("input", attrs);
    label();
    messages();
    h.close("div");
    return;
  }

  label();
  messages();
  switch (spec.kind) {
    case FieldKind::TextArea: {
      std::vector<Attr> attrs = common;
      attrs.push_back({"rows", "3"});
      h.open("textarea", attrs).text(value).close("textarea");
      break;
    }
    case FieldKind::Select: {
      h.open("select", common);
      for (const auto& o : spec.options) {
        h.el("option", {{"value", o.value}, Attr::flag("selected", o.value == value)}, o.label);
      }
      h.close("select");
      break;
    }
    default: {
      std::vector<Attr> attrs = common;
      const char* type = "text";
      switch (spec.kind) {
        case FieldKind::Tel:
          type = "tel";
          break;
        case FieldKind::Email:
          type = "email";
          break;
        case FieldKind::Password:
          type = "password";
          break;
        case FieldKind::Number:
          attrs.push_back({"inputmode", "numeric"});
          attrs.push_back({"class", "input--short"});
          break;
        case FieldKind::Date:
          // Text, not type=date: people type 和暦 ("令和6年4月1日") as well as ISO.
          attrs.push_back({"class", "input--date"});
          break;
        default:
          break;
      }
      attrs.push_back({"type", type});
      if (spec.kind != FieldKind::Password) attrs.push_back({"value", value});
      h.empty("input", attrs);
    }
  }
  h.close("div");
}

void submit_button(Html& h, const std::string& label, const std::string& css) {
  h.el("button", {{"type", "submit"}, {"class", css}}, label);
}

}  // namespace medbcp::web
