// Password hashing for web accounts: Argon2id through libsodium's
// crypto_pwhash_str, whose output carries its own salt and cost parameters,
// so stored hashes stay verifiable when the costs are raised later.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::app {

// Both take the password as typed and work on its NFKC form (full-width and
// half-width letters are one password); a hash made before that rule still
// verifies the bytes as typed. Throws std::runtime_error when libsodium
// cannot allocate (a world failure).
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

// Random bytes as lowercase hex (session tokens, CSRF tokens).
std::string random_hex(std::size_t bytes);
// `count` bytes from the system's random source (libsodium).
std::string random_bytes(std::size_t count);
// SHA-256 of text as lowercase hex.
std::string sha256_hex(std::string_view text);
// Compares two strings in time independent of where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace medbcp::app
