// Every row of every table of one facility of an association's database,
// as one digest per table: what the isolation tests compare before and
// after another facility's requests and commands.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "store/open_database.h"

namespace medbcp::testing {

inline std::map<std::string, std::string> facility_row_digests(const std::string& url,
                                                               const std::string& code) {
  auto db = store::open_database(url, store::OpenMode::AsIs);
  std::vector<std::string> tables;
  {
    auto list = db->prepare(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
        "ORDER BY table_name");
    list->bind(1, "f_" + code);
    while (list->step()) tables.push_back(list->text(0));
  }
  std::map<std::string, std::string> out;
  for (const auto& table : tables) {
    // Names from the catalogue of a schema made from a checked code.
    std::string sql =
        "SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY "
        "t::text)), '') FROM f_";
    sql.append(code).append(".").append(table).append(" t");
    auto stmt = db->prepare(sql);
    EXPECT_TRUE(stmt->step());
    out[table] = stmt->text(0);
  }
  return out;
}

}  // namespace medbcp::testing
