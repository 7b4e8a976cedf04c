// Small text helpers for Japanese input: NFKC normalisation through ICU (so
// "ＰＣ", "１２" and "㋿" read as "PC", "12" and "令和"), trimming that knows
// the full-width space, and a matching key for comparing user-typed labels.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace medbcp::core {

// Unicode NFKC of UTF-8 text; invalid bytes become U+FFFD.
std::string nfkc(std::string_view text);

// Removes leading and trailing ASCII whitespace and U+3000 (全角スペース).
std::string trim(std::string_view text);

// NFKC, ASCII lower-case, all whitespace removed: "ＶＰＮ 装置" -> "vpn装置".
// Two labels a person would call the same compare equal by this key.
std::string match_key(std::string_view text);

// Length of the well-formed UTF-8 sequence starting at text[i] (1 to 4), or
// 0 when the bytes there are not one: a stray continuation byte, a cut
// sequence, an overlong or surrogate form.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string utf8_to_u32(std::string_view text);

// Items for a sentence: 「PC-001、PC-002、PC-003」, the first `at_most` of
// them, then 「 ほか」 when there are more.
std::string listed(const std::vector<std::string>& items,
                   std::size_t at_most = std::numeric_limits<std::size_t>::max());

}  // namespace medbcp::core
