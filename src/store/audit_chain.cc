#include "store/audit_chain.h"

#include "core/sha256.h"

namespace medbcp::store {
namespace {

void add_field(core::Sha256& hash, std::string_view value) {
  const std::string length = std::to_string(value.size());
  hash.update(length);
  hash.update(":");
  hash.update(value);
  hash.update("\n");
}

bool has_chain_table(Database& db) {
  auto stmt = db.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'");
  stmt->step();
  return stmt->integer(0) > 0;
}

constexpr const char* kAuditColumns =
    "a.id, a.at, a.actor_id, a.actor_name, a.remote, a.action, a.target, a.detail";

AuditRecord read_audit(const Statement& stmt, int first) {
  AuditRecord row;
  row.id = stmt.integer(first);
  row.at = stmt.integer(first + 1);
  row.actor_id = stmt.optional_integer(first + 2);
  row.actor_name = stmt.text(first + 3);
  row.remote = stmt.text(first + 4);
  row.action = stmt.text(first + 5);
  row.target = stmt.text(first + 6);
  row.detail = stmt.text(first + 7);
  return row;
}

struct LastSeal {
  std::int64_t seq = 0;
  std::int64_t audit_id = 0;
  std::string hash;
};

LastSeal last_seal(Database& db) {
  LastSeal out;
  auto stmt = db.prepare("SELECT seq, audit_id, hash FROM audit_chain ORDER BY seq DESC LIMIT 1");
  if (stmt->step()) out = {stmt->integer(0), stmt->integer(1), stmt->text(2)};
  return out;
}

std::string row_name(std::int64_t audit_id) { return "監査ログ #" + std::to_string(audit_id); }

}  // namespace

std::string audit_seal_hash(std::string_view previous, const AuditRecord& row) {
  core::Sha256 hash;
  add_field(hash, previous);
  add_field(hash, std::to_string(row.id));
  add_field(hash, std::to_string(row.at));
  add_field(hash, row.actor_id ? std::to_string(*row.actor_id) : std::string());
  add_field(hash, row.actor_name);
  add_field(hash, row.remote);
  add_field(hash, row.action);
  add_field(hash, row.target);
  add_field(hash, row.detail);
  return core::to_hex(hash.finish());
}

void seal_audit_log(Database& db) {
  LastSeal last = last_seal(db);
  auto rows = db.prepare(std::string("SELECT ")
                             .append(kAuditColumns)
                             .append(" FROM audit_log a WHERE a.id > ? ORDER BY a.id"));
  rows->bind(1, last.audit_id);
  auto insert = db.prepare("INSERT INTO audit_chain (seq, audit_id, hash) VALUES (?, ?, ?)");
  while (rows->step()) {
    const AuditRecord row = read_audit(*rows, 0);
    last.hash = audit_seal_hash(last.hash, row);
    insert->bind(1, ++last.seq).bind(2, row.id).bind(3, last.hash);
    insert->run();
    insert->reset();
  }
}

void install_audit_seal(Database& db) {
  if (db.dialect() != "sqlite" || !has_chain_table(db)) return;
  db.set_before_commit(&seal_audit_log);
}

AuditChainCheck check_audit_chain(Database& db, std::size_t max_breaks) {
  AuditChainCheck out;
  auto add_break = [&](std::int64_t audit_id, std::string message) {
    if (out.breaks.size() < max_breaks) out.breaks.push_back({audit_id, std::move(message)});
  };
  // Every seal in order, with the row it seals (none when the row is gone).
  auto seals = db.prepare(std::string("SELECT c.seq, c.audit_id, c.hash, ")
                              .append(kAuditColumns)
                              .append(" FROM audit_chain c LEFT JOIN audit_log a"
                                      " ON a.id = c.audit_id ORDER BY c.seq"));
  std::string previous;
  std::int64_t expected_seq = 1;
  std::int64_t last_sealed_id = 0;
  while (seals->step()) {
    const std::int64_t seq = seals->integer(0);
    const std::int64_t audit_id = seals->integer(1);
    const std::string stored = seals->text(2);
    ++out.sealed;
    if (seq != expected_seq) {
      add_break(audit_id, row_name(audit_id) + " の前で封印が " +
                              std::to_string(seq - expected_seq) +
                              " 件欠けています（封印の削除）。");
    }
    expected_seq = seq + 1;
    if (seals->is_null(3)) {
      add_break(audit_id, row_name(audit_id) + " が削除されています。");
    } else if (audit_seal_hash(previous, read_audit(*seals, 3)) != stored) {
      add_break(audit_id,
                row_name(audit_id) + " の内容かその封印が、封印の後に書き換えられています。");
    }
    previous = stored;
    last_sealed_id = std::max(last_sealed_id, audit_id);
  }
  // Rows without a seal: after the last seal they wait for the next commit
  // (SQLite); before it, they were slipped in afterwards.
  auto unsealed = db.prepare(
      "SELECT a.id FROM audit_log a WHERE NOT EXISTS "
      "(SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id) ORDER BY a.id");
  while (unsealed->step()) {
    const std::int64_t audit_id = unsealed->integer(0);
    if (audit_id > last_sealed_id && db.dialect() == "sqlite") {
      ++out.waiting;
    } else {
      add_break(audit_id, row_name(audit_id) + " に封印がありません（後から挿入された行）。");
    }
  }
  return out;
}

}  // namespace medbcp::store
