#include "core/data_lines.h"

#include "core/text.h"

namespace medbcp::core {

std::vector<std::string> data_fields(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto bar = line.find('|', start);
    out.push_back(trim(std::string(line.substr(start, bar - start))));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

void for_each_data_line(
    std::string_view text,
    const std::function<void(int line_number, std::vector<std::string>& fields)>& visit) {
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string trimmed = trim(std::string(line));
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::vector<std::string> fields = data_fields(trimmed);
    while (fields.size() > 1 && fields.back().empty()) fields.pop_back();
    visit(line_number, fields);
  }
}

}  // namespace medbcp::core
