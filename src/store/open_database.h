// The one door to a database. A location is a SQLite file path, or a URL
// whose scheme names the engine ("sqlite:clinic.db"); everything above
// store/ opens databases through here and never names an engine, so a second
// engine is a new folder beside store/sqlite/ and a new branch below.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.h"

namespace medbcp::store {

enum class OpenMode {
  Migrate,   // create when missing and bring the schema up to date
  AsIs,      // read and write, schema untouched (further connections, checks)
  ReadOnly,  // inspect a copy without changing a byte
};

// The file of a SQLite location ("x.db", "sqlite:x.db", "sqlite://x.db");
// nullopt when the location names another engine.
std::optional<std::string> sqlite_file_of(std::string_view location);

// The location as it may be shown or logged: a URL's password hidden.
std::string printable_location(std::string_view location);

// Opens the database at `location`. Throws StoreError (message in Japanese)
// for a location no engine of this build serves and for a database that
// cannot be opened.
std::unique_ptr<Database> open_database(std::string_view location,
                                        OpenMode mode = OpenMode::Migrate);

// A location that names a schema of a PostgreSQL database (a facility's,
// store/facility_registry.h) split into the connection it can share with
// the other schemas of that database and the schema; `schema` is "" for a
// location that names none (every SQLite file).
struct SchemaLocation {
  std::string connection;
  std::string schema;
};
SchemaLocation split_schema_location(std::string_view location);

// Makes a connection opened on `SchemaLocation::connection` work in
// `schema` alone from now on (outside a transaction only).
void use_schema(Database& db, const std::string& schema);

}  // namespace medbcp::store
