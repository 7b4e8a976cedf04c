// The audit log's hash chain (table audit_chain, migrations/012): every row
// of audit_log is sealed, in commit order, with the SHA-256 of the previous
// seal and the row's fields, so that a row edited, or removed with or
// without its seal, is found and named, as an incident's timeline is.
//
// On PostgreSQL a deferred trigger seals each row as its transaction
// commits. On SQLite, whose writers take turns, medbcp seals before each
// commit (install_audit_seal); a row written by another program waits for
// the next commit and is reported as waiting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_store.h"
#include "store/database.h"

namespace medbcp::store {

// The seal of `row` after `previous` (the previous seal's hex hash, "" for
// the first): SHA-256, lower-case hex, of the previous hash and the row's
// fields, each written as "<bytes>:<text>\n". The PostgreSQL migration
// computes the same in SQL; a test holds the two together.
std::string audit_seal_hash(std::string_view previous, const AuditRecord& row);

// Seals the rows of audit_log that have no seal yet, in id order, in the
// current transaction. SQLite only (PostgreSQL seals in the database).
void seal_audit_log(Database& db);

// Has every write transaction on this SQLite connection seal the audit log
// before it commits. Does nothing on PostgreSQL, or on a database older than
// the chain.
void install_audit_seal(Database& db);

struct AuditChainBreak {
  std::int64_t audit_id = 0;  // the audit_log row where the chain breaks
  std::string message;        // Japanese, naming the row and what is wrong
};

struct AuditChainCheck {
  std::int64_t sealed = 0;   // seals checked
  std::int64_t waiting = 0;  // rows after the last seal, not yet sealed (SQLite)
  std::vector<AuditChainBreak> breaks;
  bool ok() const { return breaks.empty(); }
};

// Recomputes every seal without changing anything. At most `max_breaks` are
// listed (a log rewritten from its start breaks at every row).
AuditChainCheck check_audit_chain(Database& db, std::size_t max_breaks = 20);

}  // namespace medbcp::store
