#include "web/url.h"

namespace medbcp::web {

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string with_query(std::string_view path,
                       std::initializer_list<std::pair<std::string_view, std::string>> params) {
  std::string out(path);
  char sep = out.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, value] : params) {
    if (value.empty()) continue;
    out += sep;
    out += key;
    out += '=';
    out += url_encode(value);
    sep = '&';
  }
  return out;
}

std::string local_path_or(std::string_view target, std::string_view fallback) {
  // "/x" is local; "//host/x" and "/\host" are other sites to a browser.
  bool local = target.size() >= 1 && target[0] == '/' &&
               (target.size() == 1 || (target[1] != '/' && target[1] != '\\'));
  for (char c : target) {
    if (static_cast<unsigned char>(c) < 0x20) local = false;  // no header splitting
  }
  return std::string(local ? target : fallback);
}

}  // namespace medbcp::web
