// What the front door must know of a request before it hands it on: where
// its head ends and how long its body is. The full parse (method, target,
// headers, form fields) is httplib's, on a worker, once every byte is here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace medbcp::web {

// Where the head (request line and headers) ends in `received`: the offset
// just past its blank line, or nothing while it has not all arrived. Bare
// LF line ends are accepted as httplib accepts them.
std::optional<std::size_t> head_end(std::string_view received);

struct HeadFacts {
  // A problem that ends the request with this status (400 unreadable head,
  // 411 a body without a length, 413 a body above the limit); 0 when none.
  int refusal = 0;
  std::size_t body_bytes = 0;
  // "Expect: 100-continue": the client waits for a go-ahead before its body.
  bool expects_continue = false;
};

// Reads what the front door needs from a complete head. A body is framed by
// Content-Length only: a chunked request body is refused with 411 (browsers
// never send one for a form), and conflicting or malformed lengths with 400
// (the way requests are smuggled past a proxy).
HeadFacts read_head_facts(std::string_view head, std::size_t max_body_bytes);

// The head without its Expect header: the front door has answered it, and
// the request handed on must not be answered twice.
std::string without_expect_header(std::string_view head);

}  // namespace medbcp::web
