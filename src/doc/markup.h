// Escaping for the markup renderers beyond core::escape_markup (which every
// piece of text in HTML, SVG and WordprocessingML goes through): the body of
// a CSS string. Raw markup is only ever our own literals.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::doc {

// The body of a double-quoted CSS string: "content: \"…\"".
std::string escape_css_string(std::string_view text);

}  // namespace medbcp::doc
