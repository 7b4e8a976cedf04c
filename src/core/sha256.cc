#include "core/sha256.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <stdexcept>

namespace medbcp::core {
namespace {

// Fetched once: EVP_sha256() would look the algorithm up again per init.
const EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (md == nullptr) throw std::runtime_error("OpenSSL: SHA-256 unavailable");
  return md;
}

// Hex digit values, -1 for anything else. A table rather than comparisons:
// verifying a timeline decodes two digests per entry, a million entries long.
constexpr std::array<signed char, 256> kHexValues = [] {
  std::array<signed char, 256> table{};
  table.fill(-1);
  for (int i = 0; i < 10; ++i) table['0' + i] = static_cast<signed char>(i);
  for (int i = 0; i < 6; ++i) {
    table['a' + i] = static_cast<signed char>(10 + i);
    table['A' + i] = static_cast<signed char>(10 + i);
  }
  return table;
}();

}  // namespace

struct Sha256::Impl {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : impl_(new Impl) {
  impl_->ctx = EVP_MD_CTX_new();
  if (impl_->ctx == nullptr) {
    delete impl_;
    throw std::bad_alloc();
  }
  reset();
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(impl_->ctx);
  delete impl_;
}

void Sha256::reset() {
  if (EVP_DigestInit_ex2(impl_->ctx, sha256_md(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL: SHA-256 init failed");
  }
  size_ = 0;
}

void Sha256::update(const void* data, std::size_t size) {
  if (size == 0) return;
  if (EVP_DigestUpdate(impl_->ctx, data, size) != 1) {
    throw std::runtime_error("OpenSSL: SHA-256 update failed");
  }
  size_ += size;
}

Digest Sha256::finish() {
  Digest out{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(impl_->ctx, out.data(), &length) != 1 || length != out.size()) {
    throw std::runtime_error("OpenSSL: SHA-256 final failed");
  }
  return out;
}

std::string to_hex(const Digest& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(64, '0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = kDigits[digest[i] >> 4];
    out[2 * i + 1] = kDigits[digest[i] & 0x0f];
  }
  return out;
}

std::optional<Digest> digest_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  Digest out{};
  int bad = 0;  // any digit's sign bit: checked once, after the loop
  for (std::size_t i = 0; i < out.size(); ++i) {
    // Signed on purpose: -1 marks a character that is no hex digit.
    // NOLINTBEGIN(bugprone-signed-char-misuse)
    const int hi = kHexValues[static_cast<unsigned char>(hex[2 * i])];
    const int lo = kHexValues[static_cast<unsigned char>(hex[2 * i + 1])];
    // NOLINTEND(bugprone-signed-char-misuse)
    bad |= hi | lo;
    out[i] = static_cast<unsigned char>((hi & 0x0f) << 4 | (lo & 0x0f));
  }
  if (bad < 0) return std::nullopt;
  return out;
}

Digest sha256(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.finish();
}

std::string sha256_hex(std::string_view bytes) { return to_hex(sha256(bytes)); }

std::string hmac_sha256_hex(std::string_view key, std::string_view bytes) {
  Digest mac{};
  unsigned int length = 0;
  if (HMAC(sha256_md(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), mac.data(),
           &length) == nullptr ||
      length != mac.size()) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return to_hex(mac);
}

}  // namespace medbcp::core
