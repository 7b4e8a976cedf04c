// The seven JIS X 0208 characters whose Unicode mapping differs between the
// JIS table and Microsoft's CP932 (〜 WAVE DASH and ～ FULLWIDTH TILDE …).
// Text typed on one system and read back from a CP932 file on another must
// still compare equal: the ledger's diff and the CP932 writer use these.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::core {

// The CP932 mapping of a JIS-mapping twin (U+301C -> U+FF5E …); other
// characters unchanged.
char16_t cp932_twin(char16_t c);

// The text with every JIS-mapping twin folded to the character CP932
// decodes to; other text unchanged.
std::string fold_cp932_variants(std::string_view utf8);

}  // namespace medbcp::core
