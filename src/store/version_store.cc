#include "store/version_store.h"

namespace medbcp::store {
namespace {

std::string select_sql(bool with_json) {
  return std::string(
             "SELECT id, edition, published_on, published_at, COALESCE(published_by, 0), "
             "published_by_name, note, ") +
         (with_json ? "plan_json" : "''") + " FROM plan_versions ";
}

VersionRecord read_version(const Statement& s) {
  return {s.integer(0), static_cast<int>(s.integer(1)),
          s.text(2),    s.text(3),
          s.integer(4), s.text(5),
          s.text(6),    s.text(7)};
}

}  // namespace

std::int64_t insert_version(Database& db, const VersionRecord& v) {
  auto stmt = db.prepare(
      "INSERT INTO plan_versions (edition, published_on, published_at, published_by, "
      "published_by_name, note, plan_json) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt->bind(1, v.edition).bind(2, v.published_on).bind(3, v.published_at);
  if (v.published_by > 0) {
    stmt->bind(4, v.published_by);
  } else {
    stmt->bind_null(4);
  }
  return stmt->bind(5, v.published_by_name).bind(6, v.note).bind(7, v.plan_json).run_returning_id();
}

std::vector<VersionRecord> list_versions(Database& db) {
  auto stmt = db.prepare(select_sql(false) + "ORDER BY edition DESC");
  std::vector<VersionRecord> out;
  while (stmt->step()) out.push_back(read_version(*stmt));
  return out;
}

std::optional<VersionRecord> find_version(Database& db, std::int64_t id, bool with_json) {
  auto stmt = db.prepare(select_sql(with_json) + "WHERE id = ?");
  stmt->bind(1, id);
  if (!stmt->step()) return std::nullopt;
  return read_version(*stmt);
}

std::optional<VersionRecord> latest_version(Database& db, bool with_json) {
  auto stmt = db.prepare(select_sql(with_json) + "ORDER BY edition DESC LIMIT 1");
  if (!stmt->step()) return std::nullopt;
  return read_version(*stmt);
}

void insert_acknowledgement(Database& db, std::int64_t version_id, std::int64_t user_id,
                            const std::string& at) {
  auto stmt = db.prepare(
      "INSERT INTO plan_acknowledgements (version_id, user_id, at) VALUES (?, ?, ?) "
      "ON CONFLICT (version_id, user_id) DO NOTHING");
  stmt->bind(1, version_id).bind(2, user_id).bind(3, at).run();
}

std::vector<AcknowledgementRecord> list_acknowledgements(Database& db, std::int64_t version_id) {
  auto stmt = db.prepare(
      "SELECT user_id, at FROM plan_acknowledgements WHERE version_id = ? ORDER BY at, user_id");
  stmt->bind(1, version_id);
  std::vector<AcknowledgementRecord> out;
  while (stmt->step()) out.push_back({stmt->integer(0), stmt->text(1)});
  return out;
}

}  // namespace medbcp::store
