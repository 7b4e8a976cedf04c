// Time-based one-time passwords (TOTP, RFC 6238 over HOTP, RFC 4226): the
// six-digit codes of an authenticator app, from a shared secret and the
// time in 30-second steps (HMAC-SHA1, as every common app uses by default).
// Pure functions; the secret and the time are passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace medbcp::core {

inline constexpr std::int64_t kTotpStepSeconds = 30;

// RFC 4648 base32 without padding (A–Z, 2–7), as authenticator apps show
// and accept secrets.
std::string base32_encode(std::string_view bytes);
// Accepts lower case, spaces and hyphens (as a person types it) and
// padding; nullopt for any other character.
std::optional<std::string> base32_decode(std::string_view text);

// The 30-second step `unix_seconds` falls in.
std::int64_t totp_step(std::int64_t unix_seconds);
// The six-digit code of `step` for the raw secret `key`.
std::string totp_code(std::string_view key, std::int64_t step);

// The step whose code `code` is, among the step of `now` and one either
// side (a phone's clock a little off), and later than `last_used_step` (a
// code is good once); nullopt otherwise. Spaces in the code are ignored.
std::optional<std::int64_t> match_totp(std::string_view key, std::string_view code,
                                       std::int64_t unix_seconds, std::int64_t last_used_step);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=… (Google's Key Uri Format,
// read by every authenticator app); issuer and account percent-encoded.
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view base32_secret);

}  // namespace medbcp::core
