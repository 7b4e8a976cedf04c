// The diagnosis works from three facts per stored entry: does its content
// still hash to its stored hash (self-consistent), which stored entry does its
// prev_hash name (its written predecessor), and is it named by any other
// entry's prev_hash (it has a written successor). From the predecessors we
// recover the position each entry was written at, and compare that with where
// it is stored now.
#include "core/timeline_chain.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace medbcp::core {
namespace {

// How far from its stored seq we look for the seq an entry was written with
// when its predecessor is gone (entries renumbered to hide a deletion).
constexpr std::int64_t kRenumberSearch = 64;

std::string key(const Digest& d) { return std::string(d.begin(), d.end()); }

std::string seq_text(std::int64_t seq) { return "seq " + std::to_string(seq); }

struct Row {
  const TimelineEntry* entry = nullptr;
  std::optional<Digest> prev;
  std::optional<Digest> hash;
  bool self_ok = false;
  std::optional<std::size_t> pred;  // stored index of the written predecessor
  bool pred_is_genesis = false;
  bool has_successor = false;               // some entry's prev_hash names this one
  std::optional<std::int64_t> written_seq;  // the seq its hash verifies with
  bool inserted = false;
  bool reported_edit = false;
};

class Diagnosis {
 public:
  Diagnosis(const std::vector<TimelineEntry>& entries, const std::optional<ChainAnchor>& anchor)
      : anchor_(anchor) {
    rows_.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      Row& r = rows_[i];
      r.entry = &entries[i];
      r.prev = digest_from_hex(entries[i].prev_hash);
      r.hash = digest_from_hex(entries[i].hash);
      r.self_ok = r.prev && r.hash && hasher_.hash(*r.prev, entries[i]) == *r.hash;
      if (r.hash) by_hash_.emplace(key(*r.hash), i);
    }
    for (auto& r : rows_) {
      if (!r.prev) continue;
      if (*r.prev == genesis_digest()) {
        r.pred_is_genesis = true;
      } else if (auto it = by_hash_.find(key(*r.prev)); it != by_hash_.end()) {
        r.pred = it->second;
        rows_[it->second].has_successor = true;
      }
    }
  }

  std::vector<ChainBreak> run(const std::vector<std::string>& witnessed) {
    find_written_seqs();
    find_inserted();
    check_self();
    check_links();
    check_anchor();
    classify_shifted();
    check_witnessed(witnessed);
    if (breaks_.empty() && !clean()) {
      // Never report a broken chain as intact, even for damage no rule above names.
      add(BreakKind::Edited, first_unclean(), "チェーンのつながりが壊れています。");
    }
    std::stable_sort(breaks_.begin(), breaks_.end(),
                     [](const ChainBreak& a, const ChainBreak& b) { return a.seq < b.seq; });
    return std::move(breaks_);
  }

 private:
  const TimelineEntry& e(std::size_t i) const { return *rows_[i].entry; }

  void add(BreakKind kind, std::int64_t seq, std::string entry_id, std::string message) {
    for (const auto& b : breaks_) {
      if (b.kind == kind && b.seq == seq && b.entry_id == entry_id) return;
    }
    breaks_.push_back(ChainBreak{kind, seq, std::move(entry_id), std::move(message)});
  }
  void add(BreakKind kind, std::size_t i, std::string message) {
    add(kind, e(i).seq, e(i).id, std::move(message));
  }

  // Written position by walking predecessors back to the first entry.
  std::optional<std::int64_t> depth(std::size_t i) {
    std::vector<std::size_t> path;
    std::set<std::size_t> seen;
    std::optional<std::int64_t> base;
    std::size_t at = i;
    while (true) {
      if (auto it = depth_.find(at); it != depth_.end()) {
        base = it->second;
        break;
      }
      if (!seen.insert(at).second) break;  // a cycle: only a forged chain has one
      path.push_back(at);
      const Row& r = rows_[at];
      if (r.pred_is_genesis) {
        base = 0;
        break;
      }
      if (!r.pred) break;
      at = *r.pred;
    }
    if (!base) {
      for (auto p : path) depth_[p] = std::nullopt;
      return std::nullopt;
    }
    std::int64_t d = *base;
    for (auto it = path.rbegin(); it != path.rend(); ++it) depth_[*it] = ++d;
    return depth_[i];
  }

  void find_written_seqs() {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      Row& r = rows_[i];
      if (r.self_ok) {
        r.written_seq = e(i).seq;
        continue;
      }
      if (!r.prev || !r.hash) continue;
      if (auto d = depth(i); d && *d != e(i).seq && hasher_.hash(*r.prev, e(i), *d) == *r.hash) {
        r.written_seq = *d;
        continue;
      }
      for (std::int64_t k = 1; k <= kRenumberSearch && !r.written_seq; ++k) {
        for (std::int64_t s : {e(i).seq + k, e(i).seq - k}) {
          if (s >= 1 && hasher_.hash(*r.prev, e(i), s) == *r.hash) {
            r.written_seq = s;
            break;
          }
        }
      }
    }
  }

  // The end of the written chain: where the anchor says, else the entry
  // written last.
  std::optional<std::size_t> head_index() {
    if (anchor_) {
      if (auto h = digest_from_hex(anchor_->head_hash)) {
        if (auto it = by_hash_.find(key(*h)); it != by_hash_.end()) return it->second;
      }
      return std::nullopt;
    }
    std::optional<std::size_t> best;
    std::int64_t best_depth = -1;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (auto d = depth(i); d && *d > best_depth) {
        best_depth = *d;
        best = i;
      }
    }
    return best;
  }

  // An entry nobody links to that the chain goes around (its successor links
  // to the entry before it), or one stored after the anchored end.
  void find_inserted() {
    const auto head = head_index();
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      const Row& r = rows_[k];
      if (!r.pred && !r.pred_is_genesis) continue;
      const std::ptrdiff_t p = r.pred_is_genesis ? -1 : static_cast<std::ptrdiff_t>(*r.pred);
      for (std::ptrdiff_t m = p + 1; m < static_cast<std::ptrdiff_t>(k); ++m) {
        Row& between = rows_[static_cast<std::size_t>(m)];
        if (!between.has_successor && head != static_cast<std::size_t>(m)) {
          between.inserted = true;
        }
      }
    }
    if (anchor_) {
      // Written after the anchored end: the application never recorded it.
      for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto d = depth(i);
        if (d ? *d > anchor_->length : e(i).seq > anchor_->length) rows_[i].inserted = true;
      }
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i].inserted) {
        add(BreakKind::Inserted, i,
            seq_text(e(i).seq) +
                " の記録はアプリケーションが書いたチェーンに含まれていません（後から挿入された記録"
                "）。");
      }
    }
  }

  void check_self() {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      Row& r = rows_[i];
      if (r.inserted || r.self_ok || r.written_seq) continue;
      r.reported_edit = true;
      add(BreakKind::Edited, i,
          !r.prev || !r.hash
              ? seq_text(e(i).seq) + " のハッシュ欄が壊れています（書き換え）。"
              : seq_text(e(i).seq) +
                    " の内容が記録時のハッシュと一致しません（記録後に書き換えられています）。");
    }
  }

  // The last stored entry before i that is part of the written chain.
  std::optional<std::size_t> previous_real(std::size_t i) const {
    for (std::size_t j = i; j-- > 0;) {
      if (!rows_[j].inserted) return j;
    }
    return std::nullopt;
  }

  void add_deleted(std::int64_t first, std::int64_t last, std::size_t after_gap) {
    deleted_before_.push_back({after_gap, last - first + 1});
    const std::string range =
        first == last ? seq_text(first) : seq_text(first) + "〜" + std::to_string(last);
    add(BreakKind::Deleted, first, e(after_gap).id,
        range + " の記録が削除されています（" + seq_text(e(after_gap).seq) +
            " の記録が参照する直前の記録がありません）。");
  }

  void check_links() {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      Row& r = rows_[i];
      if (r.inserted || !r.prev) continue;
      const auto j = previous_real(i);
      const Digest expected = j ? rows_[*j].hash.value_or(Digest{}) : genesis_digest();
      if (*r.prev == expected) continue;
      if (r.reported_edit) continue;  // its own prev_hash may be what was edited
      const std::int64_t before = j ? e(*j).seq : 0;
      if (r.pred || r.pred_is_genesis) {
        // Its predecessor exists but elsewhere. If the predecessor is the one
        // that moved (its seq shifted), that entry is reported on its own.
        const std::int64_t pred_written =
            r.pred_is_genesis ? 0 : rows_[*r.pred].written_seq.value_or(-1);
        const bool pred_moved = !r.pred_is_genesis && pred_written != e(*r.pred).seq;
        if (!pred_moved && pred_written + 1 != e(i).seq &&
            (!r.written_seq || *r.written_seq == e(i).seq)) {
          add(BreakKind::Reordered, i,
              seq_text(e(i).seq) +
                  " の記録は、記録時の直前の記録と並びが変わっています（順序の入れ替え）。");
        }
        continue;
      }
      // Its predecessor is gone: deleted, or changed and re-hashed.
      const std::int64_t written = r.written_seq.value_or(e(i).seq);
      if (written > before + 1) {
        add_deleted(before + 1, written - 1, i);
      } else if (j && !rows_[*j].has_successor && rows_[*j].self_ok) {
        rows_[*j].reported_edit = true;
        add(BreakKind::Edited, *j,
            seq_text(e(*j).seq) + " の記録が書き換えられ、ハッシュも計算し直されています（" +
                seq_text(e(i).seq) + " の記録が参照するハッシュと一致しません）。");
      } else if (!j || !rows_[*j].reported_edit) {
        add(BreakKind::Deleted, e(i).seq, e(i).id,
            seq_text(e(i).seq) + " の直前に書かれた記録が見つかりません（削除または書き換え）。");
      }
    }
  }

  void check_anchor() {
    if (!anchor_) return;
    const auto head = head_index();
    std::optional<std::size_t> last;
    for (std::size_t i = rows_.size(); i-- > 0;) {
      if (!rows_[i].inserted) {
        last = i;
        break;
      }
    }
    const std::int64_t last_seq = last ? rows_[*last].written_seq.value_or(e(*last).seq) : 0;
    if (head) return;
    if (anchor_->length == 0 && rows_.empty()) return;
    if (last_seq < anchor_->length) {
      deleted_before_.push_back({rows_.size(), anchor_->length - last_seq});
      const std::int64_t first = last_seq + 1;
      add(BreakKind::Deleted, first, "",
          (first == anchor_->length ? seq_text(first)
                                    : seq_text(first) + "〜" + std::to_string(anchor_->length)) +
              " の記録が削除されています（チェーンの末尾が記録時より短くなっています）。");
    } else if (last) {
      // As long as recorded, but the last entry's hash is not the one recorded.
      if (!rows_[*last].reported_edit) {
        rows_[*last].reported_edit = true;
        add(BreakKind::Edited, *last,
            seq_text(e(*last).seq) +
                " の記録が書き換えられ、ハッシュも計算し直されています（記録時の末尾ハッシュと一致"
                "しません）。");
      }
    }
  }

  // Entries whose hash verifies only with another seq: moved to hide a
  // deletion or insertion before them (renumbered), or moved (reordered).
  void classify_shifted() {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const Row& r = rows_[i];
      if (r.inserted || r.self_ok || !r.written_seq || *r.written_seq == e(i).seq) continue;
      std::int64_t explained = 0;
      for (std::size_t m = 0; m < i; ++m) explained += rows_[m].inserted ? 1 : 0;
      for (const auto& [after_gap, count] : deleted_before_) {
        if (after_gap <= i) explained -= count;
      }
      const std::int64_t shift = e(i).seq - *r.written_seq;
      if (shift == explained) {
        add(BreakKind::Renumbered, i,
            seq_text(e(i).seq) + " の記録は記録時 " + seq_text(*r.written_seq) +
                " でした（削除または挿入を隠すために番号が付け替えられています）。");
      } else {
        add(BreakKind::Reordered, i,
            seq_text(e(i).seq) + " の記録は記録時 " + seq_text(*r.written_seq) +
                " でした（順序が入れ替えられています）。");
      }
    }
  }

  void check_witnessed(const std::vector<std::string>& witnessed) {
    for (const auto& w : witnessed) {
      const auto d = digest_from_hex(w);
      if (d && (*d == genesis_digest() || by_hash_.contains(key(*d)))) continue;
      add(BreakKind::Deleted, rows_.empty() ? 1 : e(rows_.size() - 1).seq + 1, "",
          "確認済みのハッシュ " + w.substr(0, 16) +
              "… がチェーンにありません（その記録以前が削除または書き換えられています）。");
    }
  }

  bool clean() {
    Digest prev = genesis_digest();
    std::int64_t seq = 0;
    for (const auto& r : rows_) {
      if (!r.self_ok || *r.prev != prev || r.entry->seq != ++seq) return false;
      prev = *r.hash;
    }
    if (anchor_) {
      return seq == anchor_->length && digest_from_hex(anchor_->head_hash) == prev;
    }
    return true;
  }

  std::size_t first_unclean() {
    Digest prev = genesis_digest();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const Row& r = rows_[i];
      if (!r.self_ok || *r.prev != prev || e(i).seq != static_cast<std::int64_t>(i + 1)) return i;
      prev = *r.hash;
    }
    return rows_.empty() ? 0 : rows_.size() - 1;
  }

  EntryHasher hasher_;
  std::optional<ChainAnchor> anchor_;
  std::vector<Row> rows_;
  std::unordered_map<std::string, std::size_t> by_hash_;
  std::map<std::size_t, std::optional<std::int64_t>> depth_;
  std::vector<std::pair<std::size_t, std::int64_t>>
      deleted_before_;  // (stored index after gap, count)
  std::vector<ChainBreak> breaks_;
};

}  // namespace

const char* code(BreakKind kind) {
  switch (kind) {
    case BreakKind::Edited:
      return "edited";
    case BreakKind::Deleted:
      return "deleted";
    case BreakKind::Reordered:
      return "reordered";
    case BreakKind::Inserted:
      return "inserted";
    case BreakKind::Renumbered:
      return "renumbered";
  }
  return "edited";
}

const char* label(BreakKind kind) {
  switch (kind) {
    case BreakKind::Edited:
      return "書き換え";
    case BreakKind::Deleted:
      return "削除";
    case BreakKind::Reordered:
      return "順序の入れ替え";
    case BreakKind::Inserted:
      return "挿入";
    case BreakKind::Renumbered:
      return "番号の付け替え";
  }
  return "書き換え";
}

void ChainScanner::add(const TimelineEntry& entry) {
  ++count_;
  const auto prev = digest_from_hex(entry.prev_hash);
  const auto hash = digest_from_hex(entry.hash);
  if (!prev || !hash) {
    clean_ = false;
    return;
  }
  if (entry.seq != count_ || *prev != last_ || hasher_.hash(*prev, entry) != *hash) {
    clean_ = false;
  }
  last_ = *hash;
}

bool ChainScanner::clean_against(const std::optional<ChainAnchor>& anchor) const {
  if (!clean_) return false;
  if (!anchor) return true;
  return anchor->length == count_ && digest_from_hex(anchor->head_hash) == last_;
}

ChainReport verify_chain(const std::vector<TimelineEntry>& entries,
                         const std::optional<ChainAnchor>& anchor,
                         const std::vector<std::string>& witnessed_hashes) {
  ChainReport report;
  report.entries = static_cast<std::int64_t>(entries.size());
  report.head_hash = entries.empty() ? genesis_hash() : entries.back().hash;
  report.breaks = Diagnosis(entries, anchor).run(witnessed_hashes);
  return report;
}

}  // namespace medbcp::core
