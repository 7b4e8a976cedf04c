// Reads 別紙２ 情報機器台帳 from a spreadsheet a clinic keeps: a CSV (UTF-8
// with or without BOM, CP932, or Excel's UTF-16 text) or an XLSX workbook.
// Columns are found by their Japanese header, in any order and with common
// variants; a title row or two above the header is allowed. Every cell is
// checked and every mistake becomes a Problem whose field is the column
// header as written in the file and whose row is the spreadsheet row number
// (the header is row 1 when it is the first row). Nothing is stored here: the
// result feeds the import preview (device_ledger_diff.h) and app/device_import.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/device_ledger_columns.h"
#include "core/device_ledger_import.h"
#include "core/plan.h"
#include "core/problem.h"
#include "io/text_encoding.h"

namespace medbcp::io {

// The ledger's columns and what a file held are core's
// (core/device_ledger_columns.h, core/device_ledger_import.h); the reader
// and the writer speak of them constantly.
using core::asset_number_key;
using core::device_columns;
using core::device_field_from_header;
using core::device_field_text;
using core::device_header;
using core::DeviceColumn;
using core::DeviceField;
using core::DeviceLedgerImport;
using core::kDeviceFieldCount;
using core::ledger_bool_text;
using core::ledger_date_text;

// A spreadsheet as rows of cell texts, read one row at a time.
class LedgerRows {
 public:
  virtual ~LedgerRows() = default;
  // Fills `cells` with the next row's cells (views valid until the next
  // call); false at the end.
  virtual bool next(std::vector<std::string_view>& cells) = 0;
  // Spreadsheet row number of the row last read.
  virtual int row_number() const = 0;
  // A problem with the row last read that is not about one cell (e.g. an
  // unclosed quote in a CSV), in Japanese; empty when none.
  virtual std::string row_problem() const { return {}; }
  // About how many rows there are, to size the result once (a vector of
  // 100,000 devices regrown step by step costs more than reading them).
  virtual size_t row_estimate() const { return 0; }
};

DeviceLedgerImport read_device_ledger(LedgerRows& rows);

// Decodes `bytes` (CSV in any of the encodings above) and reads it.
DeviceLedgerImport read_device_ledger_csv(std::string_view bytes);

// Reads the sheet whose header row is a device ledger: the first sheet named
// like 情報機器台帳 / 別紙２ if any, else the first sheet. Throws XlsxError
// when the file is not a workbook.
DeviceLedgerImport read_device_ledger_xlsx(std::string_view bytes);

// XLSX when the bytes are a zip archive, CSV otherwise.
DeviceLedgerImport read_device_ledger_file(std::string_view bytes);

}  // namespace medbcp::io
