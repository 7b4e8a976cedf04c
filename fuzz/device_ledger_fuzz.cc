// Fuzzes the device-ledger import from CSV (別紙２ from Excel), the largest
// consumer of outside text: decoding, the CSV reader, header matching and
// every cell check. Any bytes must come back as devices and problems; every
// problem must carry a message, and every row number must be a row of the
// file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "io/device_ledger_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = medbcp::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  io::DeviceLedgerImport result = io::read_device_ledger_csv(bytes);
  for (const auto* problems : {&result.errors, &result.warnings}) {
    for (const auto& p : *problems) {
      FUZZ_CHECK(!p.message.empty());
      FUZZ_CHECK(p.row >= 0);
    }
  }
  FUZZ_CHECK(result.rows.size() == result.devices.size());
  for (int row : result.rows) FUZZ_CHECK(row >= 1);
  return 0;
}
