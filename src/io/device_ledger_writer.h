// Writes 別紙２ 情報機器台帳 for Excel and for the vendor: CSV in UTF-8 with a
// BOM (what Excel needs to show Japanese) or CP932, and XLSX laid out for A4
// landscape printing. Headers and cell texts are those of
// device_ledger_columns.h, so what we write reads back to the same ledger.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "core/problem.h"
#include "io/xlsx_writer.h"

namespace medbcp::io {

enum class CsvEncoding { Utf8Bom, Cp932 };

struct LedgerExport {
  std::string bytes;
  // For CP932: every cell holding a character CP932 cannot represent (field
  // = column header, row = spreadsheet row). When any, `bytes` is empty: a
  // ledger with 「?」 in place of a name is worse than no file.
  core::Problems problems;
};

LedgerExport device_ledger_csv(const std::vector<core::Device>& devices, CsvEncoding encoding);

// The ledger as a printable table (sheet 「情報機器台帳」).
XlsxTable device_ledger_table(const std::vector<core::Device>& devices);

std::string device_ledger_xlsx(const std::vector<core::Device>& devices);

}  // namespace medbcp::io
