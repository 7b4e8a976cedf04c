#include "io/csv_reader.h"

#include <cstring>

namespace medbcp::io {

char guess_delimiter(std::string_view text) {
  const std::string_view line = text.substr(0, text.find('\n'));
  const bool has_tab = line.find('\t') != std::string_view::npos;
  const bool has_comma = line.find(',') != std::string_view::npos;
  return has_tab && !has_comma ? '\t' : ',';
}

CsvReader::CsvReader(std::string text, char delimiter)
    : text_(std::move(text)),
      pos_(text_.data()),
      end_(text_.data() + text_.size()),
      delimiter_(delimiter != 0 ? delimiter : guess_delimiter(text_)) {}

CsvReader::CsvReader() : pos_(nullptr), end_(nullptr), delimiter_(',') {}

void CsvReader::feed(char* begin, char* end, char delimiter) {
  pos_ = begin;
  end_ = end;
  delimiter_ = delimiter;
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  unterminated_quote_ = false;
  if (pos_ >= end_) return false;
  ++record_number_;
  for (;;) {
    fields.push_back(pos_ < end_ && *pos_ == '"' ? read_quoted() : read_unquoted());
    if (pos_ >= end_) return true;
    const char c = *pos_++;
    if (c == delimiter_) continue;
    if (c == '\r' && pos_ < end_ && *pos_ == '\n') ++pos_;
    return true;  // '\n', "\r\n" or a lone '\r'
  }
}

std::string_view CsvReader::read_unquoted() {
  const char* start = pos_;
  const char delimiter = delimiter_;
  while (pos_ < end_) {
    const char c = *pos_;
    if (c == delimiter || c == '\n' || c == '\r') break;
    ++pos_;
  }
  return {start, static_cast<size_t>(pos_ - start)};
}

// Unescapes into the buffer from the opening quote on: the unescaped text is
// never longer than the quoted text, so it never overtakes the read position
// and never touches an earlier field.
std::string_view CsvReader::read_quoted() {
  char* const start = pos_;
  char* write = pos_;
  ++pos_;  // opening quote
  for (;;) {
    auto* quote = static_cast<char*>(std::memchr(pos_, '"', static_cast<size_t>(end_ - pos_)));
    if (quote == nullptr) {
      const auto rest = static_cast<size_t>(end_ - pos_);
      std::memmove(write, pos_, rest);
      write += rest;
      pos_ = end_;
      unterminated_quote_ = true;
      break;
    }
    const auto run = static_cast<size_t>(quote - pos_);
    std::memmove(write, pos_, run);
    write += run;
    pos_ = quote + 1;
    if (pos_ < end_ && *pos_ == '"') {  // "" is one quote
      *write++ = '"';
      ++pos_;
      continue;
    }
    // Closing quote. Excel keeps anything typed after it up to the next
    // delimiter ("ab"c reads as abc), so do the same rather than fail.
    while (pos_ < end_ && *pos_ != delimiter_ && *pos_ != '\n' && *pos_ != '\r') {
      *write++ = *pos_++;
    }
    break;
  }
  return {start, static_cast<size_t>(write - start)};
}

}  // namespace medbcp::io
