// Reads one worksheet of an .xlsx workbook as a grid of cell texts, enough to
// import a table a clinic keeps in Excel: shared strings (ignoring the
// furigana runs Japanese Excel adds), inline strings, numbers, booleans,
// formula results, and dates stored as serial numbers in date-formatted cells
// (1900 and 1904 date systems), which come back as "YYYY-MM-DD".
//
// A file that is not a readable workbook is a failure of the world, so it
// throws XlsxError; what the cells say is the caller's to judge. Every part is
// read as a stream (io/zip_xml_stream.h), so memory follows the cells kept,
// not the size of the XML: empty rows and cells cost nothing.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace medbcp::io {

struct XlsxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct XlsxSheet {
  std::string name;
  // rows[r][c] is the text of cell (r+1, c+1): row 0 is spreadsheet row 1.
  // Rows without text are empty vectors; each row ends at its last cell with
  // text, and the sheet at its last row with text.
  std::vector<std::vector<std::string>> rows;
};

// Reads the sheet named `sheet_name`, or the first sheet when none is given.
XlsxSheet read_xlsx(std::string_view file_bytes,
                    const std::optional<std::string>& sheet_name = std::nullopt);

// The sheet names in workbook order.
std::vector<std::string> xlsx_sheet_names(std::string_view file_bytes);

// True when the bytes start like a zip archive (every .xlsx does).
bool looks_like_xlsx(std::string_view file_bytes);

// Exposed for tests: whether an Excel number format shows a date, and the
// date an Excel serial number stands for ("YYYY-MM-DD").
bool is_date_format(int builtin_id, std::string_view format_code);
// Empty for a serial outside Excel's dates (0 to kLastExcelSerial).
inline constexpr double kLastExcelSerial = 2958465;  // 9999-12-31
std::string excel_serial_to_iso_date(double serial, bool date1904);

}  // namespace medbcp::io
