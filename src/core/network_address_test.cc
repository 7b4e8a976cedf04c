#include "core/network_address.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(IpAddress, AddressesWordsAndListsAreAccepted) {
  for (const char* ok : {"", "192.168.1.10", "10.0.0.0/24", "192.168.1.10, 192.168.2.10",
                         "１９２．１６８．１．１０", "192.168.1.10、10.0.0.1", "DHCP", "自動取得",
                         "fe80::1", "2001:db8::/32", "192.168.1.10 (固定)"}) {
    EXPECT_EQ(ip_address_problem(ok), std::nullopt) << ok;
  }
}

TEST(IpAddress, WhatLooksLikeAnAddressMustBeOne) {
  for (const char* bad : {"999.1.1.1", "192.168.1", "192.168.1.10.5", "10.0.0.0/33", "256.0.0.1",
                          "192.168.1.10, 192.168.300.1", "fe80::12345", "2001:db8:::1"}) {
    EXPECT_NE(ip_address_problem(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(
      *ip_address_problem("PC 999.1.1.1"),
      "「999.1.1.1」は IP アドレスとして正しくありません（例：192.168.1.10。各数字は0〜255）。");
}

}  // namespace
}  // namespace medbcp::core
