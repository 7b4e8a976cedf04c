// Verifying an incident's hash chain (see core/timeline.h for the hash) and,
// when it is broken, saying which entry breaks it and how: an entry edited in
// place, entries deleted (a gap, or missing at the end), entries reordered,
// or entries inserted that the application never wrote.
//
// The chain alone cannot reveal an attacker who rewrites every entry from the
// tampered one onward and recomputes all hashes. Two anchors narrow that: the
// length and last hash the application recorded on the incident at its last
// append (ChainAnchor), and hashes a person saw elsewhere, such as the final
// hash printed in an incident report (witnessed hashes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/timeline.h"

namespace medbcp::core {

struct ChainAnchor {
  std::int64_t length = 0;
  std::string head_hash;  // hash of entry `length`, genesis_hash() when 0
};

enum class BreakKind {
  Edited,      // the entry's content no longer matches the hash it was written with
  Deleted,     // entries are missing (a gap in seq, or the end of the chain)
  Reordered,   // the entry sits at a position it was not written at
  Inserted,    // the entry was never part of the chain the application wrote
  Renumbered,  // seq shifted only to hide a deletion or insertion nearby
};
const char* code(BreakKind);  // "edited", "deleted", …
const char* label(BreakKind);  // 書き換え, 削除, 順序の入れ替え, 挿入, 番号の付け替え

struct ChainBreak {
  BreakKind kind = BreakKind::Edited;
  // The entry concerned, by its stored seq; for Deleted the first missing seq.
  std::int64_t seq = 0;
  std::string entry_id;  // for Deleted: the entry right after the gap, or empty at the end
  std::string message;   // 日本語、何が起きたか
};

struct ChainReport {
  std::int64_t entries = 0;
  std::string head_hash;  // hash of the last stored entry (genesis when none)
  std::vector<ChainBreak> breaks;
  bool ok() const { return breaks.empty(); }
};

// The fast check for long chains: entries are fed in stored (seq) order and
// nothing is kept, so a million entries verify in constant memory. When it
// reports a problem, verify_chain() explains it.
class ChainScanner {
 public:
  void add(const TimelineEntry& entry);
  // True while every entry fed so far is intact and linked to the one before.
  bool clean() const { return clean_; }
  std::int64_t count() const { return count_; }
  std::string head_hash() const { return to_hex(last_); }
  // After the last entry: clean and ending where the anchor says.
  bool clean_against(const std::optional<ChainAnchor>& anchor) const;

 private:
  EntryHasher hasher_;
  Digest last_ = genesis_digest();
  std::int64_t count_ = 0;
  bool clean_ = true;
};

// Full verification with diagnosis. `entries` are in stored order (by seq).
ChainReport verify_chain(const std::vector<TimelineEntry>& entries,
                         const std::optional<ChainAnchor>& anchor,
                         const std::vector<std::string>& witnessed_hashes = {});

}  // namespace medbcp::core
