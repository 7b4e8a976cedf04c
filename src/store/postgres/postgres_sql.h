// What the PostgreSQL engine does to SQL and to locations before libpq sees
// them: the store writes statements once, with SQLite's '?' placeholders,
// and PostgreSQL numbers its own ($1, $2 …); a location may carry a
// password, which no message may repeat.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::store::postgres {

struct NumberedSql {
  std::string sql;
  int parameters = 0;
};

// Rewrites each '?' outside quotes ('…', "…") and comments (-- …, /* … */)
// to $1, $2 … in order, as SQLite numbers them.
NumberedSql number_placeholders(std::string_view sql);

// Whether `location` names a PostgreSQL database: a postgresql:// or
// postgres:// URL (libpq's, multi-host form included).
bool is_postgres_location(std::string_view location);

// The location as it may be shown: the password of a URL
// (postgresql://user:secret@host) and any password=… parameter replaced by
// "****".
std::string redact_location(std::string_view location);

// `message` (from libpq, which may quote the URL it was given) with every
// password of `location` replaced by "****".
std::string scrub_message(std::string_view message, std::string_view location);

// A Japanese sentence for why a connection could not be made, from libpq's
// message, naming what to fix (host, password, sslmode, database name).
std::string explain_connection_failure(std::string_view libpq_message);

}  // namespace medbcp::store::postgres
