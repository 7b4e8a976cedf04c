#include "web/http_head.h"

#include <gtest/gtest.h>

namespace medbcp::web {
namespace {

TEST(HttpHead, EndsAtTheFirstBlankLine) {
  EXPECT_FALSE(head_end("GET / HTTP/1.1\r\nHost: a\r\n"));
  EXPECT_EQ(head_end("GET / HTTP/1.1\r\nHost: a\r\n\r\nbody"), std::size_t{27});
  EXPECT_EQ(head_end("GET / HTTP/1.1\nHost: a\n\nbody"), std::size_t{24});
  EXPECT_FALSE(head_end(""));
}

TEST(HttpHead, ReadsTheBodyLengthWhateverTheHeaderCase) {
  const auto facts = read_head_facts("POST / HTTP/1.1\r\ncontent-LENGTH:  12 \r\n\r\n", 100);
  EXPECT_EQ(facts.refusal, 0);
  EXPECT_EQ(facts.body_bytes, 12u);
  EXPECT_FALSE(facts.expects_continue);
  EXPECT_EQ(read_head_facts("GET / HTTP/1.1\r\nHost: a\r\n\r\n", 100).body_bytes, 0u);
}

TEST(HttpHead, RefusesBodiesItCannotFrameOrMayNotHold) {
  EXPECT_EQ(read_head_facts("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 100).refusal,
            411);
  EXPECT_EQ(read_head_facts("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n", 100).refusal, 413);
  EXPECT_EQ(read_head_facts("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 100).refusal, 400);
  EXPECT_EQ(read_head_facts("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 100).refusal, 400);
  EXPECT_EQ(read_head_facts("POST / HTTP/1.1\r\nContent-Length:\r\n\r\n", 100).refusal, 400);
  EXPECT_EQ(
      read_head_facts("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", 100)
          .refusal,
      400);
  // Two lengths that disagree: how a request is smuggled past a proxy.
  EXPECT_EQ(
      read_head_facts("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 100)
          .refusal,
      400);
  EXPECT_EQ(
      read_head_facts("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", 100)
          .refusal,
      0);
}

TEST(HttpHead, TheRequestLineIsNotAHeader) {
  // A colon in the target must not be read as a header.
  EXPECT_EQ(read_head_facts("GET http://x:9/Content-Length:5 HTTP/1.1\r\n\r\n", 100).body_bytes,
            0u);
}

TEST(HttpHead, AnsweredExpectationsAreRemovedFromTheHead) {
  const std::string head =
      "POST /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
  const auto facts = read_head_facts(head, 100);
  EXPECT_TRUE(facts.expects_continue);
  EXPECT_EQ(without_expect_header(head),
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n");
  EXPECT_EQ(without_expect_header("GET / HTTP/1.1\r\n\r\n"), "GET / HTTP/1.1\r\n\r\n");
}

}  // namespace
}  // namespace medbcp::web
