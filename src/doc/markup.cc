#include "doc/markup.h"

#include <cstdio>

namespace medbcp::doc {

std::string escape_css_string(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || c == '<' || c == '>' || u < 0x20 || u == 0x7F) {
      // A CSS hex escape ends with a space so the next character is not read as hex.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace medbcp::doc
