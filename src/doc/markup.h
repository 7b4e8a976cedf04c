// Escaping for the markup renderers (HTML, SVG, WordprocessingML, CSS
// strings). Every piece of plan text goes through one of these before it
// reaches a file; raw markup is only ever our own literals.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::doc {

// &, <, >, " and ' as entities; control characters that XML 1.0 forbids are
// dropped (a pasted form feed must not make Word refuse the file).
std::string escape_xml(std::string_view text);
// The body of a double-quoted CSS string: "content: \"…\"".
std::string escape_css_string(std::string_view text);

}  // namespace medbcp::doc
