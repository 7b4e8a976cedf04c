// Reads a CSV file as stored on disk (UTF-8 with or without BOM, CP932, or
// UTF-16LE with BOM) record by record, decoding it a block at a time into one
// reused buffer. A 100,000-row ledger is 20 MB; holding it once as file bytes
// and again decoded would cost more in fresh memory than the parsing itself,
// so only the current block of whole records is ever decoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.h"
#include "io/text_encoding.h"

namespace medbcp::io {

class CsvStream {
 public:
  // `bytes` must outlive the stream (it may be a mapped file).
  explicit CsvStream(std::string_view bytes, size_t block_size = 1 << 20);

  CsvStream(const CsvStream&) = delete;
  CsvStream& operator=(const CsvStream&) = delete;

  // As CsvReader::next, but the views are valid only until the next call.
  bool next(std::vector<std::string_view>& fields);
  int record_number() const { return reader_.record_number(); }
  bool unterminated_quote() const { return reader_.unterminated_quote(); }

  TextEncoding encoding() const { return encoding_; }
  // Bytes that were no character in the encoding (each read as U+FFFD).
  int undecodable() const { return undecodable_; }
  // Line breaks in the file: at least the number of records, for sizing.
  size_t line_count() const { return lines_; }

 private:
  bool refill();
  void decode_block();
  size_t scan_for_boundary();

  std::string_view input_;  // not yet decoded
  size_t block_size_;
  TextEncoding encoding_;
  int undecodable_ = 0;
  size_t lines_ = 0;
  char delimiter_ = ',';
  bool delimiter_known_ = false;

  std::string buffer_;   // decoded text: whole records, then a partial one
  size_t boundary_ = 0;  // end of the whole records handed to reader_
  size_t scanned_ = 0;   // how far record boundaries have been looked for
  // Where the boundary scan is in CSV terms; it follows CsvReader's rules
  // exactly (a quote opens a quoted field only at the field's start; after
  // the closing quote the rest up to the delimiter is literal), so that a
  // block always ends where the reader would end a record.
  enum class Scan { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterQuoted };
  Scan scan_ = Scan::FieldStart;
  CsvReader reader_;
};

}  // namespace medbcp::io
