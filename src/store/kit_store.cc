#include "store/kit_store.h"

namespace medbcp::store {
namespace {

constexpr const char* kColumns =
    "id, kind, made_at, made_by, edition, plan_sha256, printed_at, printed_by, seal_key";

KitRecord read_kit(const Statement& s) {
  KitRecord k;
  k.id = s.text(0);
  k.kind = s.text(1) == "paper" ? KitKind::Paper : KitKind::Offline;
  k.made_at = core::Instant{s.integer(2)};
  k.made_by = s.text(3);
  k.edition = static_cast<int>(s.integer(4));
  k.plan_sha256 = s.text(5);
  if (auto printed = s.optional_integer(6)) k.printed_at = core::Instant{*printed};
  k.printed_by = s.text(7);
  k.seal_key = s.text(8);
  return k;
}

std::optional<KitRecord> first(Statement& s) {
  if (!s.step()) return std::nullopt;
  return read_kit(s);
}

}  // namespace

void insert_kit(Database& db, const KitRecord& kit) {
  // seq numbers kits in the order they are recorded (migration 009).
  auto s = db.prepare(std::string("INSERT INTO kit_builds (") + kColumns +
                      ", seq) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1 "
                      "FROM kit_builds");
  s->bind(1, kit.id)
      .bind(2, code(kit.kind))
      .bind(3, kit.made_at.seconds)
      .bind(4, kit.made_by)
      .bind(5, kit.edition)
      .bind(6, kit.plan_sha256);
  if (kit.printed_at) {
    s->bind(7, kit.printed_at->seconds);
  } else {
    s->bind_null(7);
  }
  s->bind(8, kit.printed_by).bind(9, kit.seal_key).run();
}

std::optional<KitRecord> latest_kit(Database& db, KitKind kind) {
  auto s = db.prepare(std::string("SELECT ") + kColumns +
                      " FROM kit_builds WHERE kind = ? ORDER BY made_at DESC, seq DESC LIMIT 1");
  s->bind(1, code(kind));
  return first(*s);
}

std::optional<KitRecord> latest_printed_kit(Database& db) {
  auto s = db.prepare(std::string("SELECT ") + kColumns +
                      " FROM kit_builds WHERE printed_at IS NOT NULL"
                      " ORDER BY printed_at DESC, seq DESC LIMIT 1");
  return first(*s);
}

std::optional<KitRecord> find_kit(Database& db, std::string_view id) {
  auto s = db.prepare(std::string("SELECT ") + kColumns + " FROM kit_builds WHERE id = ?");
  s->bind(1, id);
  return first(*s);
}

bool mark_kit_printed(Database& db, std::string_view id, core::Instant at, const std::string& by) {
  if (!find_kit(db, id) || find_kit(db, id)->kind != KitKind::Paper) return false;
  auto s = db.prepare("UPDATE kit_builds SET printed_at = ?, printed_by = ? WHERE id = ?");
  s->bind(1, at.seconds).bind(2, by).bind(3, id).run();
  return true;
}

std::vector<KitRecord> list_kits(Database& db, int limit) {
  auto s = db.prepare(std::string("SELECT ") + kColumns +
                      " FROM kit_builds ORDER BY made_at DESC, seq DESC LIMIT ?");
  s->bind(1, limit);
  std::vector<KitRecord> out;
  while (s->step()) out.push_back(read_kit(*s));
  return out;
}

}  // namespace medbcp::store
