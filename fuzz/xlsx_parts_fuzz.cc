// Fuzzes the XML inside a workbook rather than the zip around it: the input
// is the workbook's parts separated by a line "--8<--", in the order of
// kParts below, packed into a valid zip before the XLSX reader sees it.
// Shared strings with furigana runs, styles with date formats, relationship
// targets and cell references are all the fuzzer's to vary.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/stored_zip.h"
#include "io/device_ledger_reader.h"
#include "io/xlsx_reader.h"

namespace {

constexpr const char* kParts[] = {
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
    "xl/styles.xml",   "xl/worksheets/sheet1.xml",   "xl/worksheets/sheet2.xml",
};
constexpr std::string_view kSeparator = "\n--8<--\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = medbcp::io;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string_view>> files;
  for (const char* part : kParts) {
    std::size_t end = input.find(kSeparator);
    files.emplace_back(part, input.substr(0, end));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kSeparator.size());
  }
  std::string zip = medbcp::fuzz::stored_zip(files);
  try {
    for (const auto& name : io::xlsx_sheet_names(zip)) io::read_xlsx(zip, name);
  } catch (const io::XlsxError&) {
  }
  try {
    io::read_device_ledger_xlsx(zip);
  } catch (const io::XlsxError&) {
  }
  return 0;
}
