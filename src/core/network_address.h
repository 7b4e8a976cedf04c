// Whether what a clinic typed as a device's IP address can be one. The
// ledger column also holds words ("DHCP", 「自動取得」) and several addresses
// ("192.168.1.10, 10.0.0.5" or "/24"): those are kept as typed. What looks
// like an address must be one: 999.1.1.1 or 192.168.1 is a typing mistake
// that sends someone to the wrong machine during an incident.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace medbcp::core {

// A Japanese sentence naming the part that is not an address; nullopt when
// every part that looks like an address is one.
std::optional<std::string> ip_address_problem(std::string_view text);

}  // namespace medbcp::core
