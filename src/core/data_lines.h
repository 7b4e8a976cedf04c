// The line format of medbcp's data files (checklists/, scenarios/): one
// record per line, fields separated by 「|」 and trimmed; blank lines and
// lines starting with # are skipped. Kept in one place so every data file
// reads — and reports its line numbers — the same way.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace medbcp::core {

// The fields of a line, trimmed: 「item | 1-1 | 全般 | … |」 → five fields.
std::vector<std::string> data_fields(std::string_view line);

// Calls `visit` with the 1-based line number and the fields of each record
// line (a trailing 「|」 adds no empty field; CR LF line ends read as LF).
void for_each_data_line(
    std::string_view text,
    const std::function<void(int line_number, std::vector<std::string>& fields)>& visit);

}  // namespace medbcp::core
