// Use cases for 別紙２ 情報機器台帳 as a spreadsheet: import a CSV or XLSX
// file into the plan's device ledger, all or nothing, and export the ledger
// as CSV (UTF-8 with BOM or CP932) or XLSX. The file formats live in
// io/device_ledger_*; this file adds permissions and the one transaction.
#pragma once

#include <string>
#include <string_view>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/device_ledger_diff.h"
#include "core/device_ledger_import.h"
#include "core/problem.h"

namespace medbcp::app {

struct DeviceImportResult {
  // What the file held, with its warnings; after a real import its devices
  // have been moved into the ledger and `file.devices` is empty.
  core::DeviceLedgerImport file;
  core::LedgerDiff diff;  // what changes (or, on a dry run, would change)
  // Every reason the import was refused: the file's bad rows (field = column
  // header, row = spreadsheet row), or rules of the whole ledger the result
  // would break, mapped back to the file's rows where they come from it.
  core::Problems problems;
  bool applied = false;  // the ledger was changed and saved
};

// Reads `file_bytes` (CSV in UTF-8/CP932/UTF-16, or XLSX), validates every
// row, and compares it with the stored ledger by 管理番号. Unless `dry_run`
// or any problem, saves the merged ledger in one transaction; devices absent
// from the file are kept. A file that is neither a ledger CSV nor a workbook
// comes back as a problem. Throws NoPlan when there is no plan,
// PermissionDenied.
DeviceImportResult import_devices(Workspace& ws, const Actor& actor, std::string_view file_bytes,
                                  bool dry_run);

// The same from JSON: an array of devices as `medbcp devices export
// --format json` and GET /api/v1/devices give them (the plan file's device
// objects). Each device is read and checked as the plan file's are
// (problems named "devices[3].ip_address"), then merged exactly as a
// spreadsheet is.
DeviceImportResult import_devices_json(Workspace& ws, const Actor& actor, std::string_view json,
                                       bool dry_run);

// Json: the devices section of the plan file (the keys of `medbcp export`).
enum class DeviceExportFormat { CsvUtf8, CsvCp932, Xlsx, Json };

struct DeviceExport {
  std::string bytes;
  core::Problems problems;  // CP932 only: cells it cannot hold; bytes empty then
};

DeviceExport export_devices(Workspace& ws, const Actor& actor, DeviceExportFormat format);

}  // namespace medbcp::app
