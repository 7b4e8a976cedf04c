#include "web/http_head.h"

#include <charconv>

namespace medbcp::web {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Calls `visit(name, value, line)` for each header line of `head` (the
// request line skipped); stops early when it returns false.
template <typename Visit>
void each_header(std::string_view head, Visit visit) {
  std::size_t pos = head.find('\n');
  while (pos != std::string_view::npos && pos + 1 < head.size()) {
    const std::size_t start = pos + 1;
    pos = head.find('\n', start);
    const std::size_t end = pos == std::string_view::npos ? head.size() : pos + 1;
    const std::string_view line = head.substr(start, end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // the blank line, or junk httplib refuses
    if (!visit(trimmed(line.substr(0, colon)), trimmed(line.substr(colon + 1)), start, end)) return;
  }
}

}  // namespace

std::optional<std::size_t> head_end(std::string_view received) {
  // A blank line: "\n\n" or "\n\r\n".
  for (std::size_t i = received.find('\n'); i != std::string_view::npos;
       i = received.find('\n', i + 1)) {
    if (i + 1 < received.size() && received[i + 1] == '\n') return i + 2;
    if (i + 2 < received.size() && received[i + 1] == '\r' && received[i + 2] == '\n') return i + 3;
  }
  return std::nullopt;
}

HeadFacts read_head_facts(std::string_view head, std::size_t max_body_bytes) {
  HeadFacts facts;
  bool has_length = false;
  each_header(head, [&](std::string_view name, std::string_view value, std::size_t, std::size_t) {
    if (same_name(name, "Content-Length")) {
      std::size_t length = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
          (has_length && length != facts.body_bytes)) {
        facts.refusal = 400;
        return false;
      }
      has_length = true;
      facts.body_bytes = length;
    } else if (same_name(name, "Transfer-Encoding")) {
      facts.refusal = 411;
      return false;
    } else if (same_name(name, "Expect")) {
      facts.expects_continue = same_name(value, "100-continue");
    }
    return true;
  });
  if (facts.refusal == 0 && facts.body_bytes > max_body_bytes) facts.refusal = 413;
  return facts;
}

std::string without_expect_header(std::string_view head) {
  std::string out;
  out.reserve(head.size());
  std::size_t kept = 0;
  each_header(head,
              [&](std::string_view name, std::string_view, std::size_t start, std::size_t end) {
                if (same_name(name, "Expect")) {
                  out.append(head.substr(kept, start - kept));
                  kept = end;
                }
                return true;
              });
  out.append(head.substr(kept));
  return out;
}

}  // namespace medbcp::web
