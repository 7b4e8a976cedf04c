#include "core/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace medbcp::core {
namespace {

// Test vectors from FIPS 180-2 / NIST.
TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, ChunkedEqualsWholeAndContextIsReusable) {
  std::string data;
  for (int i = 0; i < 200000; ++i) data.push_back(static_cast<char>(i * 31 % 251));
  Sha256 h;
  for (std::size_t at = 0; at < data.size(); at += 65536) {
    h.update(std::string_view(data).substr(at, 65536));
  }
  EXPECT_EQ(h.size(), data.size());
  EXPECT_EQ(h.finish(), sha256(data));
  h.reset();
  h.update("abc");
  EXPECT_EQ(to_hex(h.finish()), sha256_hex("abc"));
}

TEST(Sha256Test, HexRoundTripAndRejectsMalformed) {
  const Digest d = sha256("x");
  EXPECT_EQ(digest_from_hex(to_hex(d)), d);
  std::string upper = to_hex(d);
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  EXPECT_EQ(digest_from_hex(upper), d);
  EXPECT_FALSE(digest_from_hex("abc"));
  EXPECT_FALSE(digest_from_hex(std::string(63, '0') + "g"));
}

}  // namespace
}  // namespace medbcp::core
