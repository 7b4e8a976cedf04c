// Phone numbers as people write them in a plan ("054-000-0000（代表）",
// "０５４－…", "+81 54 …"): the tel: link a phone dials, and the text shown
// beside it, which must never wrap in the middle of a number.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::core {

// "tel:0540000000" from the number's digits, up to the first remark after
// them; "" when the text holds no number ("内線なし"). Full-width digits
// count as digits.
std::string tel_uri(std::string_view phone);

// The number with each hyphen made a non-breaking hyphen (U+2011), so a
// narrow column or a phone screen never splits it across lines.
std::string unbreakable_phone(std::string_view phone);

}  // namespace medbcp::core
