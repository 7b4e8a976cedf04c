// What a password must be (OWASP ASVS 2.1, the MHLW checklist): 12 to 128
// characters of any script, compared after NFKC (so a full-width "ｐａｓｓ"
// is the same as "pass"), not the account's name, and not a word or a
// common password of the system's cracklib dictionary (libpwquality), with
// a Japanese sentence saying which rule it breaks.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/problem.h"

namespace medbcp::app {

inline constexpr std::size_t kMinPasswordLength = 12;  // characters, after NFKC
// With two-factor sign-in on, the MHLW checklist's rule is enough.
inline constexpr std::size_t kMinPasswordLengthWithTwoFactor = 8;
inline constexpr std::size_t kMaxPasswordLength = 128;  // characters, after NFKC

// The problems of `password` for the account `name`, each on `field`;
// empty when it may be used. `two_factor`: the account signs in with a
// second step, so 8 characters are enough.
core::Problems password_problems(std::string_view password, std::string_view name,
                                 const char* field = "password", bool two_factor = false);

}  // namespace medbcp::app
