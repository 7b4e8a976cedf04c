// Reads CSV the way Excel writes it (RFC 4180 plus Excel's habits): records
// end in CRLF, LF or a lone CR; fields may be quoted, and a quoted field may
// hold commas, doubled quotes and line breaks. Input is UTF-8 text (decode
// CP932 first with io/text_encoding.h).
//
// Built for large files: the reader owns the text and unescapes quoted fields
// in place, so every field is a string_view into that one buffer and reading
// allocates nothing per field or per record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medbcp::io {

class CsvReader {
 public:
  // `text` is UTF-8 without a BOM. A delimiter of 0 means: guess from the
  // first line (tab when it has tabs and no commas, else comma).
  explicit CsvReader(std::string text, char delimiter = 0);

  // A reader without text of its own, for reading a large file block by
  // block (csv_stream.h): feed() hands it each block of whole records.
  CsvReader();
  // Parses [begin, end) next, in place; `end` must be at a record boundary
  // (or the end of the input). Numbering continues from the last block.
  void feed(char* begin, char* end, char delimiter);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `fields` (cleared first); false at the end.
  // The views stay valid for the reader's lifetime.
  bool next(std::vector<std::string_view>& fields);

  // 1-based number of the record last read: the spreadsheet row number,
  // since a line break inside quotes stays within one row.
  int record_number() const { return record_number_; }

  // True when the last record read ended inside an open quote (the file
  // ended before the closing quote), so its last field ran to the end.
  bool unterminated_quote() const { return unterminated_quote_; }

  char delimiter() const { return delimiter_; }

 private:
  std::string_view read_quoted();
  std::string_view read_unquoted();

  std::string text_;
  char* pos_;
  char* end_;
  char delimiter_;
  int record_number_ = 0;
  bool unterminated_quote_ = false;
};

// The delimiter guess the reader makes from the first line.
char guess_delimiter(std::string_view text);

}  // namespace medbcp::io
