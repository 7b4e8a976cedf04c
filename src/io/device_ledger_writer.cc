#include "io/device_ledger_writer.h"

#include "core/device_ledger_columns.h"
#include "core/spreadsheet_safe.h"
#include "io/csv_writer.h"
#include "io/text_encoding.h"

namespace medbcp::io {

using core::device_columns;
using core::DeviceColumn;
using core::DeviceField;
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

const std::optional<core::Date>* date_of(const core::Device& d, DeviceField field) {
  switch (field) {
    case DeviceField::Introduced:
      return &d.introduced;
    case DeviceField::SupportEnd:
      return &d.support_end;
    case DeviceField::LastStocktake:
      return &d.last_stocktake;
    default:
      return nullptr;
  }
}

std::string unmappable_list(const std::vector<char32_t>& code_points) {
  std::string out;
  for (char32_t c : code_points) {
    if (!out.empty()) out += "、";
    out += describe_code_point(c);
  }
  return out;
}

}  // namespace

LedgerExport device_ledger_csv(const std::vector<core::Device>& devices, CsvEncoding encoding) {
  CsvWriter writer;
  for (const DeviceColumn& column : device_columns()) writer.field(column.header);
  writer.end_record();
  LedgerExport out;
  int row = 1;
  for (const core::Device& device : devices) {
    ++row;
    for (const DeviceColumn& column : device_columns()) {
      const std::string text = device_field_text(device, column.field);
      if (encoding == CsvEncoding::Cp932) {
        const std::vector<char32_t> bad = cp932_unmappable(text);
        if (!bad.empty()) {
          out.problems.push_back(
              {column.header, row, unmappable_list(bad) + " は Shift_JIS (CP932) にない文字です"});
        }
      }
      writer.field(core::spreadsheet_safe(text));
    }
    writer.end_record();
  }
  if (encoding == CsvEncoding::Utf8Bom) {
    out.bytes = std::string(kUtf8Bom) + writer.text();
  } else if (out.problems.empty()) {
    out.bytes = encode_cp932(writer.text()).bytes;
  }
  return out;
}

XlsxTable device_ledger_table(const std::vector<core::Device>& devices) {
  XlsxTable table;
  table.sheet_name = "情報機器台帳";
  table.print_header = "別紙２　情報機器台帳";
  for (const DeviceColumn& column : device_columns()) {
    table.columns.push_back({column.header, column.width});
  }
  table.rows.reserve(devices.size());
  for (const core::Device& device : devices) {
    std::vector<XlsxCell>& cells = table.rows.emplace_back();
    for (const DeviceColumn& column : device_columns()) {
      if (const auto* date = date_of(device, column.field)) {
        cells.push_back(*date ? XlsxCell(**date) : XlsxCell());
      } else {
        cells.push_back(device_field_text(device, column.field));
      }
    }
  }
  return table;
}

std::string device_ledger_xlsx(const std::vector<core::Device>& devices) {
  return xlsx_bytes(device_ledger_table(devices));
}

}  // namespace medbcp::io
