#include "io/csv_stream.h"

#include <algorithm>
#include <cstring>

namespace medbcp::io {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

CsvStream::CsvStream(std::string_view bytes, size_t block_size)
    : input_(bytes),
      block_size_(std::max<size_t>(block_size, 16)),
      encoding_(detect_encoding(bytes)) {
  // CP932 trail bytes are never 0x0A, so this counts lines in all three.
  lines_ = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  if (encoding_ == TextEncoding::Utf16Le) {
    // Excel's 「Unicode テキスト」 is rare and small: decode it whole.
    DecodedText text = decode_text(bytes);
    buffer_ = std::move(text.utf8);
    undecodable_ = text.undecodable;
    input_ = {};
  } else if (input_.starts_with(kUtf8Bom)) {
    input_.remove_prefix(kUtf8Bom.size());
  }
}

void CsvStream::decode_block() {
  const bool last = input_.size() <= block_size_;
  const std::string_view block = input_.substr(0, block_size_);
  if (encoding_ == TextEncoding::Cp932) {
    input_.remove_prefix(decode_cp932_block(block, last, buffer_, undecodable_));
  } else {
    // UTF-8 needs no decoding; a character cut at the block's end is
    // completed by the next block before its record is parsed.
    buffer_.append(block);
    input_.remove_prefix(block.size());
  }
}

// Finds the end of the last whole record in the buffer, continuing the scan
// where the previous one stopped. A CR at the very end waits for the next
// block, which may start with the LF of the same line break.
size_t CsvStream::scan_for_boundary() {
  size_t boundary = 0;
  const char* s = buffer_.data();
  const size_t n = buffer_.size();
  size_t i = scanned_;
  for (; i < n; ++i) {
    const char c = s[i];
    if (scan_ == Scan::Quoted) {
      if (c == '"') scan_ = Scan::QuoteInQuoted;
      continue;
    }
    if (scan_ == Scan::QuoteInQuoted && c == '"') {  // "" inside quotes
      scan_ = Scan::Quoted;
      continue;
    }
    if (c == delimiter_) {
      scan_ = Scan::FieldStart;
    } else if (c == '\n') {
      scan_ = Scan::FieldStart;
      boundary = i + 1;
    } else if (c == '\r') {
      if (i + 1 == n && !input_.empty()) break;  // rescanned with more text
      scan_ = Scan::FieldStart;
      if (i + 1 == n || s[i + 1] != '\n') boundary = i + 1;
    } else if (scan_ == Scan::FieldStart) {
      scan_ = c == '"' ? Scan::Quoted : Scan::Unquoted;
    } else if (scan_ == Scan::QuoteInQuoted) {
      scan_ = Scan::AfterQuoted;
    }
  }
  scanned_ = i;
  return boundary;
}

bool CsvStream::refill() {
  // Keep the partial record after the last boundary; the scan state at the
  // end of the buffer stays valid for it.
  buffer_.erase(0, boundary_);
  scanned_ -= boundary_;
  boundary_ = 0;
  for (;;) {
    if (!input_.empty()) decode_block();
    if (!delimiter_known_ && (buffer_.find('\n') != std::string::npos || input_.empty())) {
      delimiter_ = guess_delimiter(buffer_);
      delimiter_known_ = true;
    }
    size_t boundary = scan_for_boundary();
    if (input_.empty()) boundary = buffer_.size();  // the rest, unterminated quote and all
    if (boundary > 0) {
      boundary_ = boundary;
      reader_.feed(buffer_.data(), buffer_.data() + boundary_, delimiter_);
      return true;
    }
    if (input_.empty()) return false;
  }
}

bool CsvStream::next(std::vector<std::string_view>& fields) {
  for (;;) {
    if (reader_.next(fields)) return true;
    if (!refill()) return false;
  }
}

}  // namespace medbcp::io
