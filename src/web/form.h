// Forms that work without JavaScript and keep what was typed: a FormState
// holds the submitted text of every field and the problems found, and the
// field writers show each message beside its field (with aria-invalid and
// aria-describedby), plus an error summary at the top linking to them.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/problem.h"
#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

enum class FieldKind { Text, TextArea, Date, Number, Select, Checkbox, Tel, Email, Password };

struct Option {
  std::string value;
  std::string label;
};

struct FieldSpec {
  FieldSpec() = default;
  FieldSpec(std::string key, std::string label, FieldKind kind = FieldKind::Text,
            bool required = false, std::string hint = "", std::string autocomplete = "")
      : key(std::move(key)),
        label(std::move(label)),
        kind(kind),
        required(required),
        hint(std::move(hint)),
        autocomplete(std::move(autocomplete)) {}

  std::string key;    // the form name (also the JSON key of the record)
  std::string label;  // 日本語
  FieldKind kind = FieldKind::Text;
  bool required = false;
  std::string hint;             // 入力例 or what the field is for
  std::vector<Option> options;  // Select
  std::string autocomplete;     // e.g. "username", "new-password"
  bool read_only = false;
  // The element id; empty means "f-" + key. Set it where several forms of
  // one page share field names.
  std::string id;
};

class FormState {
 public:
  std::map<std::string, std::string> values;

  const std::string& value(const std::string& key) const;
  void set(const std::string& key, std::string value) { values[key] = std::move(value); }
  // A message beside a field; an empty key puts it in the summary only.
  void error(const std::string& key, std::string message);
  bool has_errors() const { return !errors_.empty() || !general_.empty(); }
  const std::vector<std::string>* errors_for(const std::string& key) const;
  // Problems from a use case; `key_of` maps a problem's field path to a form
  // key ("" when it is not a field of this form).
  void add_problems(const core::Problems& problems,
                    const std::function<std::string(const core::Problem&)>& key_of);
  // Every message with its key, in the order added.
  const std::vector<std::pair<std::string, std::string>>& all() const { return ordered_; }

 private:
  std::map<std::string, std::vector<std::string>> errors_;
  std::vector<std::string> general_;
  std::vector<std::pair<std::string, std::string>> ordered_;
};

// Copies every field of `specs` from the request into a FormState
// (checkboxes become "1" or "").
FormState read_form(const RequestContext& ctx, const std::vector<FieldSpec>& specs);

std::string field_id(const std::string& key);
std::string field_id(const FieldSpec& spec);

// <form method="post" action=…> with the CSRF token; close with end_form.
void begin_form(Html& h, RequestContext& ctx, const std::string& action,
                const std::string& css_class = "form");
// The same for a form that uploads a file (multipart/form-data); the CSRF
// token is a part of the body, never in the URL where logs would keep it.
void begin_upload_form(Html& h, RequestContext& ctx, const std::string& action);
void end_form(Html& h);
void csrf_field(Html& h, RequestContext& ctx);

// A form folded under its own button until asked for, so a page of many
// forms reads as a record first (on a phone above all). Folds sharing a
// `group` open one at a time (details with one name; a browser without that
// simply opens them independently). A form just refused opens with its
// problems. Close with h.close("details").
struct Fold {
  std::string group;  // the details' name
  std::string id;     // may be empty
  std::string label;  // on the button
  bool open = false;
  bool small = false;  // a quieter button, for a fold in a list of many
};
void open_fold(Html& h, const Fold& fold);

// The list of problems at the top of a rejected form, linking to each field.
void error_summary(Html& h, const FormState& state, const std::vector<FieldSpec>& specs);

void field(Html& h, const FieldSpec& spec, const FormState& state);
void submit_button(Html& h, const std::string& label, const std::string& css = "button");

}  // namespace medbcp::web
