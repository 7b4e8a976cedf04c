// Long history text is stored compressed and read back exactly; short text
// stays plain; a damaged stored value is an error, never wrong text.
#include "store/compact_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "store/database_test_util.h"
#include "store/history_lookup.h"
#include "store/history_store.h"

namespace medbcp::store {
namespace {

std::int64_t newest_history_id(Database& db) {
  auto stmt = db.prepare("SELECT MAX(id) FROM plan_history");
  stmt->step();
  return stmt->integer(0);
}

// A ledger-like JSON text: Japanese, repetitive, well over kCompactFrom.
std::string long_json(int devices) {
  std::string out = "[";
  for (int i = 0; i < devices; ++i) {
    out += "{\"id\":" + std::to_string(i + 1) + ",\"name\":\"受付端末" + std::to_string(i) +
           "\",\"location\":\"1階 受付\",\"note\":\"改行\\nあり\"},";
  }
  out.back() = ']';
  return out;
}

TEST(CompactText, RoundTripsTextOfEveryLength) {
  for (std::string text : {std::string(), std::string("a"), std::string(1, '\0') + "x",
                           long_json(1), long_json(2000)}) {
    EXPECT_EQ(decompress_text(compress_text(text)), text);
  }
}

TEST(CompactText, ALedgerSizedTextShrinksSeveralfold) {
  const std::string text = long_json(5000);
  EXPECT_LT(compress_text(text).size() * 4, text.size());
}

TEST(CompactText, DamageIsReportedNotDecodedIntoOtherText) {
  const std::string good = compress_text(long_json(500));
  std::string wrong_magic = good;
  wrong_magic[0] = 'X';
  std::string wrong_length = good;
  wrong_length[4] = static_cast<char>(wrong_length[4] + 1);
  std::string huge_length = good;
  huge_length[11] = '\x7f';
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(~flipped[good.size() / 2]);
  std::string truncated = good.substr(0, good.size() - 3);
  std::string trailing = good + "junk";
  for (const std::string& bad :
       {wrong_magic, wrong_length, huge_length, flipped, truncated, trailing, std::string("MBZ")}) {
    EXPECT_THROW(decompress_text(bad), std::runtime_error);
  }
}

class CompactHistory : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-compact-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = open_database(test_database_location(dir_ / "test.db"));
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  // "blob" for a compressed value, "text" for a plain one. SQLite tells
  // by the value's type; PostgreSQL keeps both in BYTEA, the frame tells.
  std::string stored_type(std::int64_t id, const char* column) {
    const std::string sql =
        db_->dialect() == "postgres"
            ? std::string("SELECT CASE WHEN substr(") + column +
                  ", 1, 4) = '\\x4d425a31'::bytea THEN 'blob' ELSE 'text' END FROM plan_history "
                  "WHERE id = ?"
            : std::string("SELECT typeof(") + column + ") FROM plan_history WHERE id = ?";
    auto s = db_->prepare(sql);
    s->bind(1, id);
    EXPECT_TRUE(s->step());
    return s->text(0);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(CompactHistory, ALargeEntryIsStoredCompressedAndReadBackWhole) {
  const std::string before = "[]";
  const std::string after = long_json(3000);
  ASSERT_GE(after.size(), kCompactFrom);
  append_history(*db_, {0, "2026-12-01T00:00:00Z", 0, "院長", "devices", before, after});
  const std::int64_t id = newest_history_id(*db_);

  EXPECT_EQ(stored_type(id, "before_json"), "text");  // short: readable in the shell
  EXPECT_EQ(stored_type(id, "after_json"), "blob");
  auto size = db_->prepare("SELECT length(after_json) FROM plan_history WHERE id = ?");
  size->bind(1, id);
  ASSERT_TRUE(size->step());
  EXPECT_LT(size->integer(0) * 4, static_cast<std::int64_t>(after.size()));

  const auto entry = find_history_entry(*db_, id);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->before_json, before);
  EXPECT_EQ(entry->after_json, after);
  // The list carries no JSON at all: a page of entries stays small.
  const auto listed = list_history(*db_, "devices", 10, 0);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].section, "devices");
  EXPECT_TRUE(listed[0].after_json.empty());
}

TEST_F(CompactHistory, ADamagedStoredEntryIsAnErrorWhenRead) {
  append_history(*db_, {0, "2026-12-01T00:00:00Z", 0, "院長", "devices", "[]", long_json(3000)});
  const std::int64_t id = newest_history_id(*db_);
  db_->prepare("UPDATE plan_history SET after_json = substr(after_json, 1, 100) WHERE id = ?")
      ->bind(1, id)
      .run();
  EXPECT_THROW(find_history_entry(*db_, id), std::runtime_error);
}

}  // namespace
}  // namespace medbcp::store
