// Long text kept compressed in a BLOB; short text stays plain TEXT.
//
// The plan's history holds a device ledger's changes: importing 100,000
// devices writes over 40 MB of JSON, which zlib at its fastest level shrinks
// about tenfold, and writing it plain was half the import's time. Text below
// kCompactFrom is stored as it is, readable in the sqlite3 shell.
//
// A stored BLOB is "MBZ1", the text's length (8 bytes, little-endian), then
// the zlib stream. Reading checks all three: a damaged value is reported,
// never returned half-decoded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "store/database.h"

namespace medbcp::store {

inline constexpr std::size_t kCompactFrom = std::size_t{16} * 1024;

// The bytes a long text is stored as (exposed for tests).
std::string compress_text(std::string_view text);
// Throws std::runtime_error when `stored` is not what compress_text wrote.
std::string decompress_text(std::string_view stored);

// A text as it will be stored: compressed already when long. Made without
// the database, so on another thread while the connection writes (the plan's
// history is compressed while the ledger is saved).
struct CompactText {
  std::string stored;
  bool compressed = false;
};
CompactText make_compact_text(std::string text);

void bind_compact_text(Statement& statement, int index, const CompactText& text);
// Either form: a TEXT value as it is, a BLOB decompressed.
std::string read_compact_text(const Statement& statement, int column);

}  // namespace medbcp::store
