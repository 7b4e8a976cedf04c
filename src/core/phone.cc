#include "core/phone.h"

#include "core/text.h"

namespace medbcp::core {

std::string tel_uri(std::string_view phone) {
  // Only the part before any remark: "03-1234-5678（代表）".
  std::string digits;
  bool any_digit = false;
  for (char c : nfkc(phone)) {
    if (c >= '0' && c <= '9') {
      digits += c;
      any_digit = true;
    } else if (c == '+' && digits.empty()) {
      digits += c;
    } else if (c == '-' || c == ' ' || c == '(' || c == ')') {
      continue;
    } else if (any_digit) {
      break;
    }
  }
  return any_digit ? "tel:" + digits : std::string();
}

std::string unbreakable_phone(std::string_view phone) {
  std::string shown;
  shown.reserve(phone.size() + 8);
  for (char c : phone) {
    if (c == '-') {
      shown += "\u2011";
    } else {
      shown += c;
    }
  }
  return shown;
}

}  // namespace medbcp::core
