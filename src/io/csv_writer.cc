#include "io/csv_writer.h"

namespace medbcp::io {

void CsvWriter::field(std::string_view value) {
  if (!at_record_start_) out_ += delimiter_;
  at_record_start_ = false;
  const bool needs_quotes = value.find_first_of("\"\r\n") != std::string_view::npos ||
                            value.find(delimiter_) != std::string_view::npos;
  if (!needs_quotes) {
    out_ += value;
    return;
  }
  out_ += '"';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

void CsvWriter::end_record() {
  out_ += "\r\n";
  at_record_start_ = true;
}

}  // namespace medbcp::io
