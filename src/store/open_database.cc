#include "store/open_database.h"

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
    case OpenMode::Migrate:
      return open_sqlite(*file);
    case OpenMode::AsIs:
      return open_sqlite_raw(*file, false);
    case OpenMode::ReadOnly:
      return open_sqlite_raw(*file, true);
  }
  return nullptr;
}

}  // namespace medbcp::store
