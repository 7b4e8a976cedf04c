#include "core/timeline.h"

#include <gtest/gtest.h>

#include <set>

namespace medbcp::core {
namespace {

TimelineEntry sample() {
  TimelineEntry e;
  e.id = "00112233445566778899aabbccddeeff";
  e.incident = IncidentId(7);
  e.kind = EntryKind::Custody;
  e.occurred_at = Instant{1711940400};  // 2024-04-01T03:00:00Z
  e.recorded_at = Instant{1711944000};
  e.author = "山田";
  e.text = "USBメモリを事務長へ";
  e.payload = R"({"to":"事務長"})";
  return e;
}

std::string be64(std::uint64_t n) {
  std::string out;
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift & 0xff));
  return out;
}

TEST(TimelineTest, CanonicalEncodingIsTheDocumentedLengthPrefixedFields) {
  TimelineEntry e = sample();
  e.seq = 3;
  std::string expected;
  for (std::string field :
       {std::string("medbcp-timeline-1"), e.id, std::string("7"), std::string("3"),
        std::string("custody"), std::string("2024-04-01T03:00:00Z"),
        std::string("2024-04-01T04:00:00Z"), e.author, e.text, e.payload, std::string(),
        std::string("0")}) {
    expected += be64(field.size()) + field;
  }
  std::string got;
  append_canonical_encoding(got, e);
  EXPECT_EQ(got, expected);
}

TEST(TimelineTest, HashIsSha256OfPreviousHashAndEncoding) {
  TimelineEntry e = sample();
  seal_entry(e, 1, genesis_hash());
  std::string bytes(32, '\0');
  append_canonical_encoding(bytes, e);
  EXPECT_EQ(e.hash, sha256_hex(bytes));
  EXPECT_EQ(e.prev_hash, genesis_hash());

  TimelineEntry next = sample();
  next.id = new_entry_id();
  seal_entry(next, 2, e.hash);
  std::string next_bytes;
  next_bytes.append(reinterpret_cast<const char*>(digest_from_hex(e.hash)->data()), 32);
  append_canonical_encoding(next_bytes, next);
  EXPECT_EQ(next.hash, sha256_hex(next_bytes));
}

TEST(TimelineTest, EveryFieldChangesTheHash) {
  TimelineEntry base = sample();
  seal_entry(base, 1, genesis_hash());
  std::vector<std::function<void(TimelineEntry&)>> edits = {
      [](TimelineEntry& e) { e.id[0] = 'f'; },
      [](TimelineEntry& e) { e.incident = IncidentId(8); },
      [](TimelineEntry& e) { e.kind = EntryKind::Fact; },
      [](TimelineEntry& e) { e.occurred_at.seconds += 1; },
      [](TimelineEntry& e) { e.recorded_at.seconds += 1; },
      [](TimelineEntry& e) { e.author += "x"; },
      [](TimelineEntry& e) { e.text += "x"; },
      [](TimelineEntry& e) { e.payload = "{}"; },
      [](TimelineEntry& e) { e.corrects = "00112233445566778899aabbccddeeff"; },
      [](TimelineEntry& e) { e.recorded_offline = true; },
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    TimelineEntry changed = base;
    edits[i](changed);
    seal_entry(changed, 1, genesis_hash());
    EXPECT_NE(changed.hash, base.hash) << "edit " << i;
  }
  TimelineEntry moved = base;
  seal_entry(moved, 2, genesis_hash());
  EXPECT_NE(moved.hash, base.hash);
}

TEST(TimelineTest, LengthPrefixesKeepFieldBoundaries) {
  // "ab" + "c" and "a" + "bc" must not hash alike.
  TimelineEntry a = sample();
  TimelineEntry b = sample();
  // Whole strings moved in: g++ 12 at -O3 misreads assigning short
  // literals over longer text as an overlapping copy (-Werror=restrict).
  a.author = std::string("ab");
  a.text = std::string("c");
  b.author = std::string("a");
  b.text = std::string("bc");
  seal_entry(a, 1, genesis_hash());
  seal_entry(b, 1, genesis_hash());
  EXPECT_NE(a.hash, b.hash);
}

TEST(TimelineTest, EntryIdsAreRandomHex) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    auto id = new_entry_id();
    EXPECT_TRUE(is_entry_id(id)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_FALSE(is_entry_id("0011"));
  EXPECT_FALSE(is_entry_id("00112233445566778899AABBCCDDEEFF"));
}

TEST(TimelineTest, KindCodesRoundTrip) {
  for (auto k : {EntryKind::Fact, EntryKind::Action, EntryKind::Decision, EntryKind::Contact,
                 EntryKind::Step, EntryKind::Evidence, EntryKind::Custody, EntryKind::Correction,
                 EntryKind::Reopen, EntryKind::Close, EntryKind::Note}) {
    EXPECT_EQ(entry_kind_from_code(code(k)), k);
  }
  EXPECT_FALSE(entry_kind_from_code("bogus"));
}

TEST(TimelineTest, EncodesInstantsBeforeEpochAndFarFuture) {
  TimelineEntry e = sample();
  e.occurred_at = Instant{-1};
  e.recorded_at = Instant{253402300799};  // 9999-12-31T23:59:59Z
  std::string got;
  append_canonical_encoding(got, e);
  EXPECT_NE(got.find("1969-12-31T23:59:59Z"), std::string::npos);
  EXPECT_NE(got.find("9999-12-31T23:59:59Z"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::core
