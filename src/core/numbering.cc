// Full-width digits are U+FF10..U+FF19 and ①..⑳ are U+2460..U+2473, so the
// numbers are computed rather than looked up.
#include "core/numbering.h"

#include <cstdint>

namespace medbcp::core {
namespace {

void append_utf8_3(std::string& out, char32_t c) {  // every code point here is in the BMP
  out += static_cast<char>(0xE0 | (c >> 12));
  out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (c & 0x3F));
}

}  // namespace

std::string full_width_number(int n) {
  std::string out;
  std::int64_t v = n;  // widened so that -INT_MIN does not overflow
  if (v < 0) {
    append_utf8_3(out, U'\uFF0D');  // －
    v = -v;
  }
  const std::string digits = std::to_string(v);
  for (char d : digits) append_utf8_3(out, U'\uFF10' + static_cast<char32_t>(d - '0'));
  return out;
}

std::string paren_number(int n) { return "（" + full_width_number(n) + "）"; }

std::string circled_number(int n) {
  // Unicode has circled numbers past 20 (㉑…), but fonts and Word treat them
  // unevenly, so documents switch to （２１） instead.
  if (n < 1 || n > 20) return paren_number(n);
  std::string out;
  append_utf8_3(out, U'\u2460' + static_cast<char32_t>(n - 1));
  return out;
}

}  // namespace medbcp::core
