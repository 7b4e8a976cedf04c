#include "store/open_database.h"

#include "store/audit_chain.h"
#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/postgres/postgres_sql.h"
#include "store/sqlite/sqlite_database.h"

namespace medbcp::store {

std::optional<std::string> sqlite_file_of(std::string_view location) {
  for (std::string_view prefix : {"sqlite://", "sqlite:"}) {
    if (location.starts_with(prefix)) return std::string(location.substr(prefix.size()));
  }
  // Anything else with a scheme ("postgresql://…") is not a file path.
  if (const auto colon = location.find("://"); colon != std::string_view::npos) {
    return std::nullopt;
  }
  if (location.starts_with("postgres:") || location.starts_with("postgresql:")) return std::nullopt;
  return std::string(location);
}

std::string printable_location(std::string_view location) {
  return postgres::redact_location(location);
}

SchemaLocation split_schema_location(std::string_view location) {
  if (!postgres::is_postgres_location(location)) return {std::string(location), {}};
  // The option store::facility_location (and the tests) append.
  constexpr std::string_view kOption = "options=-csearch_path%3D";
  const std::size_t at = location.find(kOption);
  if (at == std::string_view::npos || at == 0 ||
      (location[at - 1] != '?' && location[at - 1] != '&')) {
    return {std::string(location), {}};
  }
  const std::size_t value = at + kOption.size();
  const std::size_t end = location.find('&', value);
  SchemaLocation out;
  out.schema =
      std::string(location.substr(value, end == std::string_view::npos ? end : end - value));
  // The connection keeps the URL's other parameters; "?a&options=…&b" →
  // "?a&b", "?options=…" → "".
  std::string rest(location.substr(0, at - 1));
  if (end != std::string_view::npos) {
    rest += location[at - 1];
    rest += location.substr(end + 1);
  }
  out.connection = std::move(rest);
  return out;
}

void use_schema(Database& db, const std::string& schema) { postgres_use_schema(db, schema); }

std::unique_ptr<Database> open_database(std::string_view location, OpenMode mode) {
  if (postgres::is_postgres_location(location)) {
    auto db = open_postgres(std::string(location));
    switch (mode) {
      case OpenMode::Migrate:
        migrate(*db);
        install_change_counter(*db);
        break;
      case OpenMode::AsIs:
        break;
      case OpenMode::ReadOnly:
        db->execute_script("SET default_transaction_read_only = on");
        break;
    }
    return db;
  }
  const auto file = sqlite_file_of(location);
  if (!file) {
    throw StoreError(
        std::string("データベースの指定「")
            .append(postgres::redact_location(location))
            .append("」はこの medbcp では開けません（SQLite のファイル名、"
                    "sqlite:ファイル名、または postgresql://利用者@ホスト/データベース "
                    "を指定してください）。"));
  }
  if (file->empty()) throw StoreError("データベースのファイル名が空です。");
  switch (mode) {
    case OpenMode::Migrate: {
      auto db = open_sqlite(*file);
      install_audit_seal(*db);
      return db;
    }
    case OpenMode::AsIs:
      return open_sqlite_raw(*file, false);
    case OpenMode::ReadOnly:
      return open_sqlite_raw(*file, true);
  }
  return nullptr;
}

}  // namespace medbcp::store
