// Where a test keeps its database. Every store and app test runs on both
// engines: by default on a SQLite file in the test's own folder; when
// MEDBCP_TEST_POSTGRES_URL_FILE names a file holding a PostgreSQL URL (the
// throw-away cluster ctest starts, scripts/postgres-test-cluster), in a
// fresh schema of its own on that server, so tests running in parallel never
// see each other's rows. Header-only and used by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <string>

#include "store/open_database.h"

namespace medbcp::store {

// The URL of the test server, or "" when the tests run on SQLite.
inline std::string test_postgres_url() {
  const char* file = std::getenv("MEDBCP_TEST_POSTGRES_URL_FILE");
  if (file == nullptr || *file == '\0') return {};
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) {
    throw std::runtime_error(std::string("MEDBCP_TEST_POSTGRES_URL_FILE: no URL in ") + file);
  }
  return url;
}

inline bool testing_postgres() { return !test_postgres_url().empty(); }

// `url` with its search_path set to `schema` (libpq's options parameter),
// and its connections named after it (pg_stat_activity.application_name),
// so a test can find its own connections among those of parallel tests.
inline std::string url_with_schema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema + "&application_name=" + schema;
}

// The schema a test location works in ("" for a SQLite file).
inline std::string schema_of_location(const std::string& location) {
  const std::string key = "application_name=";
  const std::size_t at = location.find(key);
  if (at == std::string::npos) return {};
  const std::size_t end = location.find('&', at);
  return location.substr(at + key.size(),
                         end == std::string::npos ? std::string::npos : end - at - key.size());
}

// A name no other test of any process uses: `prefix`, the process, a
// counter and a random number ("t1234_5_678901").
inline std::string unique_test_name(const char* prefix) {
  static std::atomic<int> counter{0};
  std::random_device random;
  // Appended piece by piece: g++ 12 at -O3 warns falsely (-Werror=restrict)
  // on "literal" + a temporary string.
  std::string name = prefix;
  name.append(std::to_string(::getpid())).append("_").append(std::to_string(++counter));
  name.append("_").append(std::to_string(random() % 1000000));
  return name;
}

// A new, empty schema on the test server; returns the URL that works in it.
inline std::string fresh_postgres_schema(const std::string& url) {
  const std::string schema = unique_test_name("t");
  open_database(url, OpenMode::AsIs)->execute_script("CREATE SCHEMA " + schema);
  return url_with_schema(url, schema);
}

// A new, empty database on the test server (for what spans schemas, such
// as an association's facilities); returns its URL.
inline std::string fresh_postgres_database(const std::string& url) {
  const std::string name = unique_test_name("d");
  open_database(url, OpenMode::AsIs)->execute_script("CREATE DATABASE " + name);
  // postgresql://authority/DBNAME?… : the path names the database.
  const std::size_t path = url.find('/', url.find("://") + 3);
  const std::size_t query = url.find('?', path);
  return url.substr(0, path + 1) + name +
         (query == std::string::npos ? std::string() : url.substr(query));
}

// The database location for a test: `sqlite_file` itself, or a schema on
// the PostgreSQL test server — a fresh one the first time a file is named,
// the same one after (a test that opens "its file" twice opens one database).
inline std::string test_database_location(const std::filesystem::path& sqlite_file) {
  const std::string url = test_postgres_url();
  if (url.empty()) return sqlite_file.string();
  static std::mutex mutex;
  static std::map<std::string, std::string> schemas;
  const std::lock_guard lock(mutex);
  auto [it, added] = schemas.try_emplace(sqlite_file.string());
  if (added) it->second = fresh_postgres_schema(url);
  return it->second;
}

}  // namespace medbcp::store

// For a test of what only a SQLite file has (copying the file, its pages).
#define MEDBCP_SQLITE_ONLY()                                                     \
  do {                                                                           \
    if (::medbcp::store::testing_postgres()) GTEST_SKIP() << "SQLite file only"; \
  } while (false)
