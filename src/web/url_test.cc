// URL helpers: query values are encoded, and redirects stay on this server.
#include "web/url.h"

#include <gtest/gtest.h>

namespace medbcp::web {
namespace {

TEST(Url, EncodesQueryValues) {
  EXPECT_EQ(url_encode("受付 PC&x=1"), "%E5%8F%97%E4%BB%98%20PC%26x%3D1");
  EXPECT_EQ(with_query("/plan/devices", {{"q", "a b"}, {"sort", ""}, {"dir", "asc"}}),
            "/plan/devices?q=a%20b&dir=asc");
  EXPECT_EQ(with_query("/x?y=1", {{"z", "2"}}), "/x?y=1&z=2");
}

TEST(Url, RedirectsOnlyToLocalPaths) {
  EXPECT_EQ(local_path_or("/plan?x=1", "/"), "/plan?x=1");
  EXPECT_EQ(local_path_or("//evil.example/", "/"), "/");
  EXPECT_EQ(local_path_or("/\\evil.example/", "/"), "/");
  EXPECT_EQ(local_path_or("https://evil.example/", "/"), "/");
  EXPECT_EQ(local_path_or("/a\r\nSet-Cookie: x=1", "/"), "/");
  EXPECT_EQ(local_path_or("", "/home"), "/home");
}

}  // namespace
}  // namespace medbcp::web
