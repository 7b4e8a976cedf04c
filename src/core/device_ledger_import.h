// What a ledger file (CSV or XLSX of 別紙２) held once read: its columns,
// its good rows as devices, and every problem found. io/device_ledger_reader
// makes it; core/device_ledger_diff compares it with the stored ledger.
#pragma once

#include <string>
#include <vector>

#include "core/device_ledger_columns.h"
#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::core {

struct DeviceLedgerImport {
  // The fields the file has columns for, in file order. Fields without a
  // column are left alone by an import rather than cleared.
  std::vector<DeviceField> columns;
  // The good rows as devices (ids unset: the file has none) and, at the
  // same index, their spreadsheet row numbers. Two vectors rather than one
  // of pairs so that a first import can hand `devices` to the plan whole.
  std::vector<core::Device> devices;
  std::vector<int> rows;
  core::Problems errors;    // any error: nothing may be imported
  core::Problems warnings;  // worth showing; the import may go ahead
  std::string format;       // "CSV (CP932 (Shift_JIS))", "XLSX" … for messages

  bool ok() const { return errors.empty(); }
  bool has_column(DeviceField field) const;
};

}  // namespace medbcp::core
