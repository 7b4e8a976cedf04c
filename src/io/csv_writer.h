// Writes CSV that Excel opens cleanly: comma-separated, CRLF between records,
// a field quoted only when it holds a comma, a quote or a line break (quotes
// doubled). Produces UTF-8; the caller adds the BOM or encodes to CP932
// (io/text_encoding.h), since Excel needs one or the other to read Japanese.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::io {

class CsvWriter {
 public:
  explicit CsvWriter(char delimiter = ',') : delimiter_(delimiter) {}

  void field(std::string_view value);
  void end_record();

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  char delimiter_;
  bool at_record_start_ = true;
};

}  // namespace medbcp::io
