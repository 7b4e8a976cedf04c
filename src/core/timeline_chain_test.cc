#include "core/timeline_chain.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace medbcp::core {
namespace {

std::vector<TimelineEntry> make_chain(int n) {
  std::vector<TimelineEntry> chain;
  std::string prev = genesis_hash();
  for (int i = 1; i <= n; ++i) {
    TimelineEntry e;
    e.id = new_entry_id();
    e.incident = IncidentId(1);
    e.kind = EntryKind::Fact;
    e.occurred_at = Instant{1711940400 + i * 60};
    e.recorded_at = e.occurred_at;
    e.author = "山田";
    e.text = "記録 " + std::to_string(i);
    seal_entry(e, i, prev);
    prev = e.hash;
    chain.push_back(e);
  }
  return chain;
}

ChainAnchor anchor_of(const std::vector<TimelineEntry>& chain) {
  return ChainAnchor{static_cast<std::int64_t>(chain.size()),
                     chain.empty() ? genesis_hash() : chain.back().hash};
}

// Re-seals entries from `from` (0-based) on, as an attacker who knows the scheme would.
void reseal_from(std::vector<TimelineEntry>& chain, std::size_t from) {
  for (std::size_t i = from; i < chain.size(); ++i) {
    seal_entry(chain[i], static_cast<std::int64_t>(i + 1),
               i == 0 ? genesis_hash() : chain[i - 1].hash);
  }
}

std::vector<std::pair<BreakKind, std::int64_t>> kinds(const ChainReport& r) {
  std::vector<std::pair<BreakKind, std::int64_t>> out;
  for (const auto& b : r.breaks) out.emplace_back(b.kind, b.seq);
  return out;
}

using K = BreakKind;
using Breaks = std::vector<std::pair<BreakKind, std::int64_t>>;

TEST(ChainTest, IntactChainVerifies) {
  auto chain = make_chain(10);
  auto report = verify_chain(chain, anchor_of(chain));
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.entries, 10);
  EXPECT_EQ(report.head_hash, chain.back().hash);
  ChainScanner scanner;
  for (const auto& e : chain) scanner.add(e);
  EXPECT_TRUE(scanner.clean_against(anchor_of(chain)));
  EXPECT_EQ(scanner.head_hash(), chain.back().hash);
}

TEST(ChainTest, EmptyChainVerifiesAgainstEmptyAnchor) {
  EXPECT_TRUE(verify_chain({}, ChainAnchor{0, genesis_hash()}).ok());
}

TEST(ChainTest, EditedTextIsLocated) {
  auto chain = make_chain(6);
  auto anchor = anchor_of(chain);
  chain[2].text = "書き換えた";
  auto report = verify_chain(chain, anchor);
  EXPECT_EQ(kinds(report), (Breaks{{K::Edited, 3}}));
  EXPECT_EQ(report.breaks[0].entry_id, chain[2].id);
  ChainScanner scanner;
  for (const auto& e : chain) scanner.add(e);
  EXPECT_FALSE(scanner.clean());
}

TEST(ChainTest, EditedAndRehashedEntryIsLocatedByItsSuccessor) {
  auto chain = make_chain(6);
  auto anchor = anchor_of(chain);
  chain[2].occurred_at.seconds -= 3600;
  seal_entry(chain[2], 3, chain[1].hash);
  EXPECT_EQ(kinds(verify_chain(chain, anchor)), (Breaks{{K::Edited, 3}}));
}

TEST(ChainTest, EditedLastEntryRehashedIsCaughtByTheAnchor) {
  auto chain = make_chain(4);
  auto anchor = anchor_of(chain);
  chain[3].text = "x";
  seal_entry(chain[3], 4, chain[2].hash);
  EXPECT_EQ(kinds(verify_chain(chain, anchor)), (Breaks{{K::Edited, 4}}));
}

TEST(ChainTest, DeletedEntryLeavesAGap) {
  auto chain = make_chain(6);
  auto anchor = anchor_of(chain);
  const std::string after = chain[3].id;
  chain.erase(chain.begin() + 2);
  auto report = verify_chain(chain, anchor);
  EXPECT_EQ(kinds(report), (Breaks{{K::Deleted, 3}}));
  EXPECT_EQ(report.breaks[0].entry_id, after);
}

TEST(ChainTest, DeletedFirstEntry) {
  auto chain = make_chain(3);
  auto anchor = anchor_of(chain);
  chain.erase(chain.begin());
  EXPECT_EQ(kinds(verify_chain(chain, anchor)), (Breaks{{K::Deleted, 1}}));
}

TEST(ChainTest, DeletedAndRenumberedIsStillADeletion) {
  auto chain = make_chain(6);
  auto anchor = anchor_of(chain);
  chain.erase(chain.begin() + 2);
  for (std::size_t i = 2; i < chain.size(); ++i) chain[i].seq = static_cast<std::int64_t>(i + 1);
  EXPECT_EQ(kinds(verify_chain(chain, anchor)),
            (Breaks{{K::Deleted, 3}, {K::Renumbered, 3}, {K::Renumbered, 4}, {K::Renumbered, 5}}));
}

TEST(ChainTest, DeletedTailIsCaughtByTheAnchorOnly) {
  auto chain = make_chain(5);
  auto anchor = anchor_of(chain);
  chain.pop_back();
  chain.pop_back();
  EXPECT_TRUE(verify_chain(chain, std::nullopt).ok());  // why the anchor exists
  auto report = verify_chain(chain, anchor);
  EXPECT_EQ(kinds(report), (Breaks{{K::Deleted, 4}}));
  EXPECT_NE(report.breaks[0].message.find("seq 4〜5"), std::string::npos);
}

TEST(ChainTest, SwappedSeqsAreReordered) {
  auto chain = make_chain(6);
  auto anchor = anchor_of(chain);
  std::swap(chain[1].seq, chain[2].seq);
  std::swap(chain[1], chain[2]);  // stored order follows seq
  EXPECT_EQ(kinds(verify_chain(chain, anchor)), (Breaks{{K::Reordered, 2}, {K::Reordered, 3}}));
}

TEST(ChainTest, EntryMovedToTheEndIsReordered) {
  auto chain = make_chain(5);
  auto anchor = anchor_of(chain);
  // Stored order 1 2 4 5 3, renumbered 1..5.
  std::rotate(chain.begin() + 2, chain.begin() + 3, chain.end());
  for (std::size_t i = 0; i < chain.size(); ++i) chain[i].seq = static_cast<std::int64_t>(i + 1);
  auto report = verify_chain(chain, anchor);
  ASSERT_FALSE(report.ok());
  for (const auto& b : report.breaks) EXPECT_EQ(b.kind, K::Reordered) << b.message;
  EXPECT_EQ(kinds(report), (Breaks{{K::Reordered, 3}, {K::Reordered, 4}, {K::Reordered, 5}}));
}

TEST(ChainTest, ForgedEntryInsertedInTheMiddle) {
  auto chain = make_chain(5);
  auto anchor = anchor_of(chain);
  TimelineEntry forged = chain[1];
  forged.id = new_entry_id();
  forged.text = "偽の記録";
  seal_entry(forged, 3, chain[1].hash);  // correctly linked to seq 2
  chain.insert(chain.begin() + 2, forged);
  for (std::size_t i = 3; i < chain.size(); ++i) chain[i].seq = static_cast<std::int64_t>(i + 1);
  auto report = verify_chain(chain, anchor);
  EXPECT_EQ(kinds(report),
            (Breaks{{K::Inserted, 3}, {K::Renumbered, 4}, {K::Renumbered, 5}, {K::Renumbered, 6}}));
  EXPECT_EQ(report.breaks[0].entry_id, forged.id);
}

TEST(ChainTest, ForgedEntryAppendedAfterTheAnchoredEnd) {
  auto chain = make_chain(3);
  auto anchor = anchor_of(chain);
  TimelineEntry forged = chain[0];
  forged.id = new_entry_id();
  seal_entry(forged, 4, chain[2].hash);
  chain.push_back(forged);
  EXPECT_EQ(kinds(verify_chain(chain, anchor)), (Breaks{{K::Inserted, 4}}));
}

TEST(ChainTest, GarbageRowInsertedIsInserted) {
  auto chain = make_chain(3);
  auto anchor = anchor_of(chain);
  TimelineEntry junk = chain[0];
  junk.id = new_entry_id();
  junk.seq = 4;
  junk.prev_hash = std::string(64, 'a');
  junk.hash = std::string(64, 'b');
  chain.push_back(junk);
  EXPECT_EQ(kinds(verify_chain(chain, anchor)), (Breaks{{K::Inserted, 4}}));
}

TEST(ChainTest, CorruptHashFieldIsAnEdit) {
  auto chain = make_chain(3);
  auto anchor = anchor_of(chain);
  chain[1].hash = "not a hash";
  auto report = verify_chain(chain, anchor);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.breaks[0].kind, K::Edited);
  EXPECT_EQ(report.breaks[0].seq, 2);
}

TEST(ChainTest, FullyRecomputedChainNeedsAWitness) {
  auto chain = make_chain(5);
  const std::string printed_head = chain.back().hash;  // e.g. from the printed report
  chain[1].text = "改ざん";
  reseal_from(chain, 1);
  auto rewritten_anchor = anchor_of(chain);  // attacker updated the anchor too
  EXPECT_TRUE(verify_chain(chain, rewritten_anchor).ok());
  auto report = verify_chain(chain, rewritten_anchor, {printed_head});
  EXPECT_EQ(kinds(report), (Breaks{{K::Deleted, 6}}));
  // A witnessed hash that is still in the chain is fine.
  EXPECT_TRUE(verify_chain(chain, rewritten_anchor, {chain[0].hash}).ok());
}

}  // namespace
}  // namespace medbcp::core
