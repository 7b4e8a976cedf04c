#include "store/stocktake_store.h"

namespace medbcp::store {
namespace {

constexpr const char* kRoundColumns =
    "SELECT id, title, started_at, started_by, closed_at, closed_by, note FROM stocktake_rounds ";

core::StocktakeRound read_round(const Statement& s) {
  core::StocktakeRound r;
  r.id.value = s.text(0);
  r.title = s.text(1);
  r.started_at = core::Instant{s.integer(2)};
  r.started_by = s.text(3);
  if (auto closed = s.optional_integer(4)) r.closed_at = core::Instant{*closed};
  r.closed_by = s.text(5);
  r.note = s.text(6);
  return r;
}

constexpr const char* kResultColumns =
    "SELECT id, round_id, device_id, finding, new_location, new_status, found_asset_number, "
    "found_name, found_kind, found_location, note, recorded_at, recorded_by "
    "FROM stocktake_results ";

core::StocktakeResult read_result(const Statement& s) {
  core::StocktakeResult r;
  r.id.value = s.text(0);
  r.round.value = s.text(1);
  if (auto device = s.optional_integer(2)) r.device = core::DeviceId(*device);
  r.finding = core::finding_from_code(s.text(3)).value_or(core::Finding::Confirmed);
  r.new_location = s.text(4);
  if (auto status = s.optional_text(5)) r.new_status = core::device_status_from_code(*status);
  r.found_asset_number = s.text(6);
  r.found_name = s.text(7);
  r.found_kind = core::device_kind_from_code(s.text(8)).value_or(core::DeviceKind::Other);
  r.found_location = s.text(9);
  r.note = s.text(10);
  r.recorded_at = core::Instant{s.integer(11)};
  r.recorded_by = s.text(12);
  return r;
}

std::optional<std::int64_t> device_value(const std::optional<core::DeviceId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

}  // namespace

void insert_round(Database& db, const core::StocktakeRound& round,
                  const std::vector<core::StocktakeItem>& items) {
  auto stmt = db.prepare(
      "INSERT INTO stocktake_rounds (id, title, started_at, started_by, closed_at, closed_by, "
      "note) VALUES (?, ?, ?, ?, ?, ?, ?)");
  std::optional<std::int64_t> closed;
  if (round.closed_at) closed = round.closed_at->seconds;
  stmt->bind(1, round.id.value)
      .bind(2, round.title)
      .bind(3, round.started_at.seconds)
      .bind(4, round.started_by)
      .bind(5, closed)
      .bind(6, round.closed_by)
      .bind(7, round.note)
      .run();
  auto item = db.prepare(
      "INSERT INTO stocktake_items (round_id, position, device_id, asset_number, name, kind, "
      "system, location, manager, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    item->reset();
    item->bind(1, round.id.value)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, it.device.value)
        .bind(4, it.asset_number)
        .bind(5, it.name)
        .bind(6, core::code(it.kind))
        .bind(7, it.system)
        .bind(8, it.location)
        .bind(9, it.manager)
        .bind(10, core::code(it.status))
        .run();
  }
}

std::vector<core::StocktakeRound> list_rounds(Database& db) {
  auto stmt = db.prepare(std::string(kRoundColumns) + "ORDER BY started_at DESC, id DESC");
  std::vector<core::StocktakeRound> out;
  while (stmt->step()) out.push_back(read_round(*stmt));
  return out;
}

std::optional<core::StocktakeRound> find_round(Database& db, const core::StocktakeRoundId& id) {
  auto stmt = db.prepare(std::string(kRoundColumns) + "WHERE id = ?");
  stmt->bind(1, id.value);
  if (!stmt->step()) return std::nullopt;
  return read_round(*stmt);
}

std::optional<core::StocktakeRound> open_round(Database& db) {
  auto stmt = db.prepare(std::string(kRoundColumns) +
                         "WHERE closed_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 1");
  if (!stmt->step()) return std::nullopt;
  return read_round(*stmt);
}

std::vector<core::StocktakeItem> round_items(Database& db, const core::StocktakeRoundId& id) {
  auto stmt = db.prepare(
      "SELECT device_id, asset_number, name, kind, system, location, manager, status "
      "FROM stocktake_items WHERE round_id = ? ORDER BY position");
  stmt->bind(1, id.value);
  std::vector<core::StocktakeItem> out;
  while (stmt->step()) {
    core::StocktakeItem it;
    // A device removed from the ledger since keeps its line with an invalid id.
    it.device = core::DeviceId(stmt->optional_integer(0).value_or(0));
    it.asset_number = stmt->text(1);
    it.name = stmt->text(2);
    it.kind = core::device_kind_from_code(stmt->text(3)).value_or(core::DeviceKind::Other);
    it.system = stmt->text(4);
    it.location = stmt->text(5);
    it.manager = stmt->text(6);
    it.status = core::device_status_from_code(stmt->text(7)).value_or(core::DeviceStatus::Active);
    out.push_back(std::move(it));
  }
  return out;
}

bool insert_result(Database& db, const core::StocktakeResult& r) {
  auto stmt = db.prepare(
      "INSERT INTO stocktake_results (id, round_id, device_id, finding, new_location, new_status, "
      "found_asset_number, found_name, found_kind, found_location, note, recorded_at, "
      "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING "
      "RETURNING id");
  std::optional<std::string> status;
  if (r.new_status) status = core::code(*r.new_status);
  stmt->bind(1, r.id.value)
      .bind(2, r.round.value)
      .bind(3, device_value(r.device))
      .bind(4, core::code(r.finding))
      .bind(5, r.new_location)
      .bind(6, status)
      .bind(7, r.found_asset_number)
      .bind(8, r.found_name)
      .bind(9, core::code(r.found_kind))
      .bind(10, r.found_location)
      .bind(11, r.note)
      .bind(12, r.recorded_at.seconds)
      .bind(13, r.recorded_by);
  // RETURNING yields a row only when the insert happened (SQLite and PostgreSQL alike).
  bool inserted = stmt->step();
  stmt->run();
  return inserted;
}

std::vector<core::StocktakeResult> round_results(Database& db, const core::StocktakeRoundId& id) {
  auto stmt =
      db.prepare(std::string(kResultColumns) + "WHERE round_id = ? ORDER BY recorded_at, id");
  stmt->bind(1, id.value);
  std::vector<core::StocktakeResult> out;
  while (stmt->step()) out.push_back(read_result(*stmt));
  return out;
}

std::optional<core::StocktakeResult> find_result(Database& db, const core::StocktakeResultId& id) {
  auto stmt = db.prepare(std::string(kResultColumns) + "WHERE id = ?");
  stmt->bind(1, id.value);
  if (!stmt->step()) return std::nullopt;
  return read_result(*stmt);
}

void delete_result(Database& db, const core::StocktakeResultId& id) {
  db.prepare("DELETE FROM stocktake_results WHERE id = ?")->bind(1, id.value).run();
}

void mark_round_closed(Database& db, const core::StocktakeRoundId& id, core::Instant at,
                       const std::string& by) {
  db.prepare("UPDATE stocktake_rounds SET closed_at = ?, closed_by = ? WHERE id = ?")
      ->bind(1, at.seconds)
      .bind(2, by)
      .bind(3, id.value)
      .run();
}

void insert_changes(Database& db, const core::StocktakeRoundId& id,
                    const std::vector<core::LedgerChange>& changes) {
  auto stmt = db.prepare(
      "INSERT INTO stocktake_changes (round_id, device_id, device_label, field, before_value, "
      "after_value) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& c : changes) {
    stmt->reset();
    stmt->bind(1, id.value)
        .bind(2, device_value(c.device))
        .bind(3, c.device_label)
        .bind(4, c.field)
        .bind(5, c.before)
        .bind(6, c.after)
        .run();
  }
}

std::vector<core::LedgerChange> round_changes(Database& db, const core::StocktakeRoundId& id) {
  auto stmt = db.prepare(
      "SELECT device_id, device_label, field, before_value, after_value FROM stocktake_changes "
      "WHERE round_id = ? ORDER BY id");
  stmt->bind(1, id.value);
  std::vector<core::LedgerChange> out;
  while (stmt->step()) {
    core::LedgerChange c;
    if (auto device = stmt->optional_integer(0)) c.device = core::DeviceId(*device);
    c.device_label = stmt->text(1);
    c.field = stmt->text(2);
    c.before = stmt->text(3);
    c.after = stmt->text(4);
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<core::Instant> last_round_closed_at(Database& db) {
  auto stmt = db.prepare("SELECT MAX(closed_at) FROM stocktake_rounds");
  stmt->step();
  if (auto at = stmt->optional_integer(0)) return core::Instant{*at};
  return std::nullopt;
}

}  // namespace medbcp::store
