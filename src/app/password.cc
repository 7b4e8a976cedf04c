#include "app/password.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>
#include <vector>

#include "core/text.h"

namespace medbcp::app {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

// Argon2id takes 64 MiB for each password checked or hashed: with no bound,
// 32 sign-ins at once took 2 GiB. At most kConcurrentHashes run together;
// the others wait their turn (a sign-in is a fraction of a second).
constexpr std::ptrdiff_t kConcurrentHashes = 4;
std::counting_semaphore<kConcurrentHashes> hashing_slots{kConcurrentHashes};

struct HashingSlot {
  HashingSlot() { hashing_slots.acquire(); }
  ~HashingSlot() { hashing_slots.release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;
};

}  // namespace

std::string hash_password(std::string_view typed) {
  ensure_sodium();
  // NFKC: the same password typed with full-width or half-width letters (an
  // IME left on) is the same password.
  const std::string password = core::nfkc(typed);
  const HashingSlot slot;
  char out[crypto_pwhash_STRBYTES];
  // The "interactive" limits keep a login under a second on a small clinic
  // server while making offline guessing expensive.
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, std::string_view typed) {
  ensure_sodium();
  const std::string password = core::nfkc(typed);
  const HashingSlot slot;
  if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0) return true;
  // Hashes made before passwords were normalised hold the bytes as typed.
  return password != typed &&
         crypto_pwhash_str_verify(hash.c_str(), typed.data(), typed.size()) == 0;
}

std::string random_hex(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string random_bytes(std::size_t count) {
  ensure_sodium();
  std::string out(count, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::string sha256_hex(std::string_view text) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return to_hex(digest, sizeof digest);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  ensure_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace medbcp::app
