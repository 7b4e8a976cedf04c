#include "core/network_address.h"

#include <arpa/inet.h>

#include <cstdlib>
#include <vector>

#include "core/text.h"

namespace medbcp::core {
namespace {

std::vector<std::string> parts_of(const std::string& text) {
  std::vector<std::string> out;
  std::string part;
  for (const char c : text) {
    if (c == ',' || c == ' ' || c == ';' || c == '\n' || c == '\t') {
      if (!part.empty()) out.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) out.push_back(part);
  return out;
}

bool only(const std::string& text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string::npos;
}

// "a.b.c.d" or "a.b.c.d/nn"; also an IPv6 address with an optional prefix.
bool is_address(const std::string& part, bool v6) {
  std::string address = part;
  int max_prefix = v6 ? 128 : 32;
  if (const auto slash = part.find('/'); slash != std::string::npos) {
    address = part.substr(0, slash);
    const std::string prefix = part.substr(slash + 1);
    if (!only(prefix, "0123456789") || prefix.size() > 3 ||
        std::atoi(prefix.c_str()) > max_prefix) {
      return false;
    }
  }
  unsigned char buf[16];
  return inet_pton(v6 ? AF_INET6 : AF_INET, address.c_str(), buf) == 1;
}

}  // namespace

std::optional<std::string> ip_address_problem(std::string_view typed) {
  // Full-width digits and the Japanese comma are what an IME gives.
  const std::string raw = nfkc(typed);
  static const std::string kJapaneseComma = "、";
  std::string text;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw.compare(i, kJapaneseComma.size(), kJapaneseComma) == 0) {
      text += ',';
      i += kJapaneseComma.size();
    } else {
      text += raw[i++];
    }
  }
  for (const std::string& part : parts_of(text)) {
    const bool looks_v4 = only(part, "0123456789./") && part.find('.') != std::string::npos;
    const bool looks_v6 =
        part.find(':') != std::string::npos && only(part, "0123456789abcdefABCDEF:./");
    if ((looks_v4 && !is_address(part, false)) || (looks_v6 && !is_address(part, true))) {
      return std::string("「").append(part).append(
          "」は IP アドレスとして正しくありません（例：192.168.1.10。各数字は0〜255）。");
    }
  }
  return std::nullopt;
}

}  // namespace medbcp::core
