// Cells a spreadsheet would run as a formula. Excel (and LibreOffice) treat
// a CSV cell that starts with = + - @ — also their full-width forms ＝ ＋ －
// ＠, which Japanese Excel accepts — or with a tab or a carriage return as
// a formula: a device named =HYPERLINK("http://…") would become a link that
// leaks data when clicked. Every CSV medbcp writes puts its text through
// spreadsheet_safe(); XLSX cells are written as typed strings, which no
// spreadsheet evaluates. Reading a CSV back, without_formula_guard() takes
// the guard off again so that an export and re-import changes nothing.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::core {

// The cell with a leading apostrophe when it would start a formula.
std::string spreadsheet_safe(std::string_view cell);

// The cell without the apostrophe spreadsheet_safe() added; any other cell
// unchanged.
std::string_view without_formula_guard(std::string_view cell);

}  // namespace medbcp::core
