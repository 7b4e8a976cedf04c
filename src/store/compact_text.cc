#include "store/compact_text.h"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace medbcp::store {
namespace {

constexpr std::string_view kMagic = "MBZ1";
constexpr std::size_t kHeader = kMagic.size() + 8;
// Larger than any history entry medbcp writes; a header claiming more is damage.
constexpr std::uint64_t kLargestText = std::uint64_t{1} << 32;

[[noreturn]] void damaged(const char* why) {
  throw std::runtime_error(std::string("保存データ（圧縮）が壊れています: ") + why);
}

}  // namespace

std::string compress_text(std::string_view text) {
  uLongf bound = compressBound(static_cast<uLong>(text.size()));
  std::string out(kHeader + bound, '\0');
  out.replace(0, kMagic.size(), kMagic);
  std::uint64_t length = text.size();
  for (std::size_t i = 0; i < 8; ++i) {
    out[kMagic.size() + i] = static_cast<char>((length >> (8 * i)) & 0xff);
  }
  // Level 1: the ratio barely improves above it, the time does not.
  const int rc =
      compress2(reinterpret_cast<Bytef*>(out.data() + kHeader), &bound,
                reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 1);
  if (rc != Z_OK) throw std::runtime_error("zlib: compression failed");
  out.resize(kHeader + bound);
  return out;
}

std::string decompress_text(std::string_view stored) {
  if (stored.size() < kHeader || stored.substr(0, kMagic.size()) != kMagic) damaged("見出しがない");
  std::uint64_t length = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    length |= std::uint64_t{static_cast<unsigned char>(stored[kMagic.size() + i])} << (8 * i);
  }
  if (length > kLargestText) damaged("長さが大きすぎる");
  std::string out(static_cast<std::size_t>(length), '\0');
  uLongf produced = static_cast<uLongf>(length);
  uLong consumed = static_cast<uLong>(stored.size() - kHeader);
  const int rc = uncompress2(reinterpret_cast<Bytef*>(out.data()), &produced,
                             reinterpret_cast<const Bytef*>(stored.data() + kHeader), &consumed);
  if (rc != Z_OK) damaged("展開できない");
  if (produced != length || consumed != stored.size() - kHeader) damaged("長さが合わない");
  return out;
}

CompactText make_compact_text(std::string text) {
  if (text.size() < kCompactFrom) return {std::move(text), false};
  return {compress_text(text), true};
}

void bind_compact_text(Statement& statement, int index, const CompactText& text) {
  if (text.compressed) {
    statement.bind_blob(index, text.stored);
  } else {
    statement.bind(index, text.stored);
  }
}

std::string read_compact_text(const Statement& statement, int column) {
  if (!statement.is_blob(column)) return statement.text(column);
  std::string stored = statement.blob(column);
  // PostgreSQL keeps both forms in one BYTEA column: a short text is its
  // UTF-8 bytes there, which never start with the frame (JSON cannot).
  if (!stored.starts_with(kMagic)) return stored;
  return decompress_text(stored);
}

}  // namespace medbcp::store
