// Fuzzes the XLSX reader with whole files, the way an upload arrives: any
// bytes must either read as a workbook or fail with XlsxError — never
// crash, hang or throw anything else. The device-ledger import, the reader's
// main user, runs on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/device_ledger_reader.h"
#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = medbcp::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    io::xlsx_sheet_names(bytes);
  } catch (const io::XlsxError&) {
  }
  try {
    io::read_xlsx(bytes);
  } catch (const io::XlsxError&) {
  }
  try {
    io::read_device_ledger_xlsx(bytes);
  } catch (const io::XlsxError&) {
  }
  return 0;
}
