// Japanese document numbering: full-width digits (１), parenthesised
// (（１）) and circled numbers (①…⑳, then （２１）).
#pragma once

#include <string>

namespace medbcp::core {

std::string full_width_number(int n);  // 12 -> "１２"
std::string paren_number(int n);       // 1 -> "（１）"
std::string circled_number(int n);     // 1 -> "①"; beyond ⑳ -> paren_number(n)

}  // namespace medbcp::core
