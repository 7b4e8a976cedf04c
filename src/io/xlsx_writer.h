// Writes one table as an .xlsx workbook for printing and for editing in
// Excel: a bold header row that stays frozen when scrolling and repeats on
// every printed page, fixed column widths, wrapped text, A4 landscape fitted
// to one page wide. Text cells are always text (so "001" stays "001"); dates
// are real Excel dates shown as yyyy/m/d, so they sort and re-import as dates.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/time.h"

namespace medbcp::io {

struct XlsxColumn {
  std::string header;
  double width = 12;  // in Excel's character units
};

using XlsxCell = std::variant<std::monostate, std::string, core::Date>;

struct XlsxTable {
  std::string sheet_name;  // at most 31 characters, no []:*?/\ (Excel's rules)
  std::string print_header;  // printed at the top left of each page, e.g. "別紙２ 情報機器台帳"
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<XlsxCell>> rows;
};

// Writes the workbook to `path`; throws std::runtime_error when it cannot.
void write_xlsx(const std::string& path, const XlsxTable& table);

// The same workbook as bytes (for a download).
std::string xlsx_bytes(const XlsxTable& table);

}  // namespace medbcp::io
