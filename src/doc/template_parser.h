// Reads plan-template text (see templates/bcp-ja.md for the language) into a
// Template. Mistakes in a template are a medical association's typing, so
// they come back as problems with the line number and a Japanese message,
// all of them at once, never as an exception.
#pragma once

#include <string_view>

#include "core/problem.h"
#include "doc/template.h"

namespace medbcp::doc {

struct TemplateParse {
  Template tmpl;
  core::Problems problems;  // field "template", row = line number

  bool ok() const { return problems.empty(); }
};

TemplateParse parse_template(std::string_view text);

// The template compiled into the binary (templates/bcp-ja.md).
std::string_view default_template_text();

}  // namespace medbcp::doc
