#include "core/cp932_twins.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace medbcp::core {
namespace {

// The JIS X 0208 characters whose Unicode mapping differs between the JIS
// table and Microsoft's: {JIS mapping, CP932 mapping}.
constexpr char16_t kVariantPairs[][2] = {
    {0x301C, 0xFF5E},  // 〜 WAVE DASH -> ～ FULLWIDTH TILDE
    {0x2016, 0x2225},  // ‖ DOUBLE VERTICAL LINE -> ∥ PARALLEL TO
    {0x2212, 0xFF0D},  // − MINUS SIGN -> － FULLWIDTH HYPHEN-MINUS
    {0x00A2, 0xFFE0},  // ¢ -> ￠
    {0x00A3, 0xFFE1},  // £ -> ￡
    {0x00AC, 0xFFE2},  // ¬ -> ￢
    {0x2014, 0x2015},  // — EM DASH -> ― HORIZONTAL BAR
};

}  // namespace

char16_t cp932_twin(char16_t c) {
  for (const auto& pair : kVariantPairs) {
    if (pair[0] == c) return pair[1];
  }
  return c;
}

std::string fold_cp932_variants(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const char16_t twin = c >= 0 && c <= 0xFFFF ? cp932_twin(static_cast<char16_t>(c)) : 0;
    if (twin != 0 && twin != c) {
      uint8_t buf[4];
      int32_t k = 0;
      U8_APPEND_UNSAFE(buf, k, twin);
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(k));
    } else {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace medbcp::core
