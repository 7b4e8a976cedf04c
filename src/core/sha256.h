// SHA-256 through OpenSSL's EVP interface, incrementally: the timeline chain
// hashes millions of small entries with one reused context, and the evidence
// register hashes files of many gigabytes fed in chunks, never whole.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace medbcp::core {

using Digest = std::array<unsigned char, 32>;

// Lower-case hexadecimal, 64 characters.
std::string to_hex(const Digest& digest);
// Accepts exactly 64 hex digits (either case); nullopt otherwise.
std::optional<Digest> digest_from_hex(std::string_view hex);

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // Starts a new message; the context is reused, which is much cheaper than
  // making a new one per message.
  void reset();
  void update(const void* data, std::size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  // Ends the message and returns its digest; call reset() before the next.
  Digest finish();

  // Bytes fed since the last reset.
  std::uint64_t size() const { return size_; }

 private:
  struct Impl;
  Impl* impl_;
  std::uint64_t size_ = 0;
};

Digest sha256(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);
// HMAC-SHA256 (RFC 2104) of `bytes` under `key`, lower-case hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view bytes);

}  // namespace medbcp::core
