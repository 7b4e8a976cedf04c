// The incident timeline (時系列): an append-only list of what happened, each
// entry with the time it happened (which may be earlier than the time it was
// written), who wrote it, and a link to the entry before it. Entries are never
// changed; a correction is a new entry naming the one it corrects.
//
// Tamper evidence. Each entry's hash is
//
//   hash = SHA-256( prev_hash (32 raw bytes) || canonical_encoding(entry) )
//
// where prev_hash is the previous entry's hash, or 32 zero bytes for the
// first entry (seq 1). canonical_encoding is the following twelve fields, in
// this order, each written as its length in bytes (8-byte unsigned big-endian)
// followed by the bytes of its UTF-8 text:
//
//    1. the format tag "medbcp-timeline-1"
//    2. entry id       32 lower-case hex digits (128 random bits)
//    3. incident id    decimal, e.g. "12"
//    4. seq            decimal, from 1 without gaps
//    5. kind           code, e.g. "fact", "custody" (see EntryKind)
//    6. occurred_at    UTC, "2024-04-01T03:00:00Z"
//    7. recorded_at    UTC, same form
//    8. author
//    9. text
//   10. payload        the JSON object text exactly as stored ("{}" if none)
//   11. corrects       the corrected entry's id, or empty
//   12. recorded_offline  "1" or "0"
//
// Because every field is length-prefixed no two different entries encode to
// the same bytes, and anyone (a police or forensic examiner) can recompute the
// chain from an export with a few lines of any language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/incident.h"
#include "core/sha256.h"
#include "core/time.h"

namespace medbcp::core {

enum class EntryKind {
  Fact,        // 事実（見たこと、分かったこと）
  Action,      // 対応（行ったこと）
  Decision,    // 判断（復旧可否、診療形態）
  Contact,     // 連絡（別紙１の連絡先への連絡）
  Step,        // 手順（第３章の対応手順の実施・対象外）
  Evidence,    // 証拠保全（保全した物の登録）
  Custody,     // 証拠の受け渡し
  Correction,  // 訂正（corrects の記録を訂正）
  Reopen,      // 再開
  Close,       // 終了
  Note,        // メモ
  Drill,       // 訓練進行（参加者、付与情報、一時停止: core/drill.h）
};
const char* code(EntryKind);
const char* label(EntryKind);
std::optional<EntryKind> entry_kind_from_code(std::string_view);

struct TimelineEntry {
  std::string id;  // 32 hex digits, made where the entry was first written
  IncidentId incident;
  std::int64_t seq = 0;
  EntryKind kind = EntryKind::Note;
  Instant occurred_at;
  Instant recorded_at;
  std::string author;
  std::string text;
  std::string payload = "{}";  // JSON object; its shape depends on kind
  std::string corrects;        // entry id, empty when not a correction
  bool recorded_offline = false;
  std::string prev_hash;  // 64 hex digits
  std::string hash;       // 64 hex digits
};

inline constexpr std::string_view kTimelineFormatTag = "medbcp-timeline-1";

// 128 random bits as 32 lower-case hex digits (OpenSSL's CSPRNG), so entries
// written on two laptops never collide when merged.
std::string new_entry_id();
bool is_entry_id(std::string_view text);

// The previous hash of the first entry: 32 zero bytes.
const Digest& genesis_digest();
std::string genesis_hash();

// Appends the canonical encoding (see above) of `entry` to `out`.
void append_canonical_encoding(std::string& out, const TimelineEntry& entry);

// Computes entry hashes with one reused SHA-256 context. `seq_override`
// hashes the entry as if it had that seq (used to explain a reordering).
class EntryHasher {
 public:
  Digest hash(const Digest& prev, const TimelineEntry& entry,
              std::optional<std::int64_t> seq_override = std::nullopt);

 private:
  Sha256 sha_;
  std::string buffer_;
};

// Sets seq, prev_hash and hash of `entry` as the successor of `prev_hash`
// (the previous entry's hash, or genesis_hash() for seq 1).
void seal_entry(TimelineEntry& entry, std::int64_t seq, const std::string& prev_hash);

}  // namespace medbcp::core
