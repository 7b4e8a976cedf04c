// Building URLs safely: percent-encoding of query values, and a guard that
// only lets a redirect go to a path of this server (no open redirects).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace medbcp::web {

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view text);

// path?k1=v1&k2=v2 with the values encoded; empty values are left out.
std::string with_query(std::string_view path,
                       std::initializer_list<std::pair<std::string_view, std::string>> params);

// `target` when it is a local path ("/plan?x=1"), else `fallback`.
std::string local_path_or(std::string_view target, std::string_view fallback);

}  // namespace medbcp::web
