#include "core/timeline.h"

#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace medbcp::core {
namespace {

struct KindName {
  EntryKind kind;
  const char* code;
  const char* label;
};

constexpr KindName kKinds[] = {
    {EntryKind::Fact, "fact", "事実"},
    {EntryKind::Action, "action", "対応"},
    {EntryKind::Decision, "decision", "判断"},
    {EntryKind::Contact, "contact", "連絡"},
    {EntryKind::Step, "step", "手順"},
    {EntryKind::Evidence, "evidence", "証拠保全"},
    {EntryKind::Custody, "custody", "証拠の受け渡し"},
    {EntryKind::Correction, "correction", "訂正"},
    {EntryKind::Reopen, "reopen", "再開"},
    {EntryKind::Close, "close", "終了"},
    {EntryKind::Note, "note", "メモ"},
    {EntryKind::Drill, "drill", "訓練進行"},
};

void append_field(std::string& out, std::string_view bytes) {
  const std::uint64_t n = bytes.size();
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((n >> shift) & 0xff));
  }
  out.append(bytes);
}

std::string_view decimal(char (&buf)[24], std::int64_t value) {
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;  // 24 characters always hold an int64
  return std::string_view(buf, static_cast<std::size_t>(end - buf));
}

// Instant::iso_utc() without allocating: the chain hashes millions of these.
std::string_view iso(char (&buf)[24], Instant instant) {
  std::int64_t days = instant.seconds / 86400;
  std::int64_t rest = instant.seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const Date d = Date::from_days_since_epoch(days);
  const int fields[] = {d.year,
                        d.month,
                        d.day,
                        static_cast<int>(rest / 3600),
                        static_cast<int>(rest / 60 % 60),
                        static_cast<int>(rest % 60)};
  if (d.year < 0 || d.year > 9999) {
    // Outside what four digits hold: fall back to the general formatter.
    std::string text = instant.iso_utc();
    const std::size_t n = std::min(text.size(), sizeof buf);
    text.copy(buf, n);
    return std::string_view(buf, n);
  }
  static constexpr char kSeparators[] = {'-', '-', 'T', ':', ':', 'Z'};
  char* p = buf;
  for (int i = 0; i < 6; ++i) {
    int v = fields[i];
    if (i == 0) {
      *p++ = static_cast<char>('0' + v / 1000);
      *p++ = static_cast<char>('0' + v / 100 % 10);
    }
    *p++ = static_cast<char>('0' + v / 10 % 10);
    *p++ = static_cast<char>('0' + v % 10);
    *p++ = kSeparators[i];
  }
  return std::string_view(buf, static_cast<std::size_t>(p - buf));
}

void encode(std::string& out, const TimelineEntry& e, std::int64_t seq) {
  char incident[24];
  char seqbuf[24];
  char occurred[24];
  char recorded[24];
  append_field(out, kTimelineFormatTag);
  append_field(out, e.id);
  append_field(out, decimal(incident, e.incident.value));
  append_field(out, decimal(seqbuf, seq));
  append_field(out, code(e.kind));
  append_field(out, iso(occurred, e.occurred_at));
  append_field(out, iso(recorded, e.recorded_at));
  append_field(out, e.author);
  append_field(out, e.text);
  append_field(out, e.payload);
  append_field(out, e.corrects);
  append_field(out, e.recorded_offline ? "1" : "0");
}

}  // namespace

const char* code(EntryKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.code;
  }
  return "note";
}

const char* label(EntryKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.label;
  }
  return "メモ";
}

std::optional<EntryKind> entry_kind_from_code(std::string_view text) {
  for (const auto& k : kKinds) {
    if (text == k.code) return k.kind;
  }
  return std::nullopt;
}

std::string new_entry_id() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    throw std::runtime_error("OpenSSL: no random bytes for a timeline entry id");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(32);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

bool is_entry_id(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

const Digest& genesis_digest() {
  static const Digest zero{};
  return zero;
}

std::string genesis_hash() { return std::string(64, '0'); }

void append_canonical_encoding(std::string& out, const TimelineEntry& entry) {
  encode(out, entry, entry.seq);
}

Digest EntryHasher::hash(const Digest& prev, const TimelineEntry& entry,
                         std::optional<std::int64_t> seq_override) {
  buffer_.clear();
  buffer_.append(reinterpret_cast<const char*>(prev.data()), prev.size());
  encode(buffer_, entry, seq_override.value_or(entry.seq));
  sha_.reset();
  sha_.update(buffer_);
  return sha_.finish();
}

void seal_entry(TimelineEntry& entry, std::int64_t seq, const std::string& prev_hash) {
  const auto prev = digest_from_hex(prev_hash);
  if (!prev) throw std::invalid_argument("seal_entry: previous hash is not 64 hex digits");
  entry.seq = seq;
  entry.prev_hash = to_hex(*prev);
  EntryHasher hasher;
  entry.hash = to_hex(hasher.hash(*prev, entry));
}

}  // namespace medbcp::core
