#include "store/open_database.h"

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

std::unique_ptr<Database> open_database(std::string_view location, OpenMode mode) {
  const auto file = sqlite_file_of(location);
  if (!file) {
    throw StoreError("データベースの指定「" + std::string(location) +
                     "」はこの medbcp では開けません（SQLite のファイル名、"
                     "または sqlite:ファイル名 を指定してください）。");
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
