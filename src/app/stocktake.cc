#include "app/stocktake.h"

#include <algorithm>

#include "app/password.h"
#include "app/plan_change.h"
#include "app/plan_service.h"
#include "core/text.h"
#include "store/plan_store.h"
#include "store/stocktake_store.h"

namespace medbcp::app {
namespace {

core::Problems one_problem(const char* field, std::string message) {
  return {core::Problem{field, 0, std::move(message)}};
}

const char* kClosedMessage = "この棚卸しはすでに終了しています。";

// Loads the round for a change; a problem when it is missing or closed.
std::optional<core::StocktakeRound> open_round_for_change(store::Database& db,
                                                          const core::StocktakeRoundId& id,
                                                          core::Problems& problems) {
  auto round = store::find_round(db, id);
  if (!round) {
    problems = one_problem("round", "指定された棚卸しが見つかりません。");
    return std::nullopt;
  }
  if (round->closed()) {
    problems = one_problem("round", kClosedMessage);
    return std::nullopt;
  }
  return round;
}

void stamp(core::StocktakeResult& r, const core::StocktakeRoundId& round, const Actor& actor) {
  r.id.value = random_hex(16);
  r.round = round;
  r.recorded_at = core::Instant::now();
  r.recorded_by = actor.name;
  r.new_location = core::trim(r.new_location);
  r.found_asset_number = core::trim(r.found_asset_number);
  r.found_name = core::trim(r.found_name);
  r.found_location = core::trim(r.found_location);
  r.note = core::trim(r.note);
}

}  // namespace

StartedRound start_stocktake(Workspace& ws, const Actor& actor, const std::string& title,
                             const std::string& note) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  if (auto open = store::open_round(db)) {
    return {std::nullopt, one_problem("round", "終了していない棚卸し「" + open->title +
                                                   "」があります。先に終了してください。")};
  }
  std::vector<core::StocktakeItem> items = core::stocktake_items(plan->devices);
  if (items.empty()) {
    return {std::nullopt,
            one_problem("devices", "情報機器台帳（別紙２）に棚卸しの対象となる機器がありません。")};
  }
  core::StocktakeRound round;
  round.id.value = random_hex(16);
  round.started_at = core::Instant::now();
  round.started_by = actor.name;
  round.title = core::trim(title);
  if (round.title.empty()) round.title = round.started_at.tokyo_date().iso() + " 棚卸し";
  round.note = core::trim(note);
  store::insert_round(db, round, items);
  tx.commit();
  return {round, {}};
}

RecordedResult record_stocktake_result(Workspace& ws, const Actor& actor,
                                       const core::StocktakeRoundId& round_id,
                                       core::StocktakeResult draft) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  core::Problems problems;
  auto round = open_round_for_change(db, round_id, problems);
  if (!round) return {std::nullopt, problems};
  if (draft.finding == core::Finding::Unlisted) draft.device.reset();
  stamp(draft, round->id, actor);
  problems = core::validate_result(draft, store::round_items(db, round->id));
  if (!problems.empty()) return {std::nullopt, problems};
  store::insert_result(db, draft);
  tx.commit();
  return {draft, {}};
}

core::Problems delete_stocktake_result(Workspace& ws, const Actor& actor,
                                       const core::StocktakeResultId& id) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto result = store::find_result(db, id);
  if (!result) return one_problem("result", "指定された記録が見つかりません。");
  core::Problems problems;
  if (!open_round_for_change(db, result->round, problems)) return problems;
  store::delete_result(db, id);
  tx.commit();
  return {};
}

MergedResults merge_stocktake_results(Workspace& ws, const Actor& actor,
                                      const std::vector<core::StocktakeResult>& results) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  MergedResults merged;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const int row = static_cast<int>(i) + 1;
    auto fail = [&](std::string field, std::string message) {
      merged.problems.push_back(core::Problem{std::move(field), row, std::move(message)});
    };
    if (!r.id.valid()) {
      fail("id", "記録の ID が正しくありません。");
      continue;
    }
    auto round = store::find_round(db, r.round);
    if (!round) {
      fail("round", "記録の棚卸しが見つかりません。");
      continue;
    }
    if (round->closed() && !store::find_result(db, r.id)) {
      fail("round", kClosedMessage);
      continue;
    }
    for (auto p : core::validate_result(r, store::round_items(db, r.round))) {
      p.row = row;
      merged.problems.push_back(std::move(p));
    }
  }
  if (!merged.problems.empty()) return merged;
  for (const auto& r : results) {
    if (store::insert_result(db, r)) {
      ++merged.added;
    } else {
      ++merged.already_present;
    }
  }
  tx.commit();
  return merged;
}

ClosedRound close_stocktake(Workspace& ws, const Actor& actor, const core::StocktakeRoundId& id,
                            bool allow_unchecked) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  ClosedRound closed;
  auto round = open_round_for_change(db, id, closed.problems);
  if (!round) return closed;
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  auto items = store::round_items(db, id);
  auto results = store::round_results(db, id);
  auto report = core::difference_report(items, results);
  if (!report.unchecked.empty() && !allow_unchecked) {
    std::vector<std::string> names;
    names.reserve(report.unchecked.size());
    for (const auto& line : report.unchecked) {
      names.push_back(line.item.asset_number.empty() ? line.item.name : line.item.asset_number);
    }
    closed.problems =
        one_problem("unchecked", "未確認の機器が " + std::to_string(report.unchecked.size()) +
                                     " 台あります（" + core::listed(names, 5) +
                                     "）。確認して記録するか、未確認のまま終了してください。");
    return closed;
  }
  const core::Instant now = core::Instant::now();
  core::LedgerUpdate update = core::apply_stocktake(plan->devices, results, now.tokyo_date());
  core::Plan after = *plan;
  after.devices = std::move(update.devices);
  // Give the devices added from 台帳外 finds their ids now, so the change
  // records can name them. They were appended in the order of their changes.
  assign_missing_ids(after);
  std::size_t added = plan->devices.size();
  for (auto& change : update.changes) {
    if (change.field == "added" && added < after.devices.size()) {
      change.device = after.devices[added++].id;
    }
  }
  closed.problems = save_plan_change(db, actor, *plan, std::move(after));
  if (!closed.problems.empty()) return closed;
  store::mark_round_closed(db, id, now, actor.name);
  store::insert_changes(db, id, update.changes);
  tx.commit();
  closed.changes = std::move(update.changes);
  return closed;
}

std::vector<StocktakeSummary> list_stocktakes(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  store::Database& db = ws.db();
  std::vector<StocktakeSummary> out;
  for (auto& round : store::list_rounds(db)) {
    auto report = core::difference_report(store::round_items(db, round.id),
                                          store::round_results(db, round.id));
    out.push_back({std::move(round), report.total, report.checked,
                   static_cast<int>(report.differences.size())});
  }
  return out;
}

std::optional<StocktakeView> stocktake_view(Workspace& ws, const Actor& actor,
                                            const core::StocktakeRoundId& id) {
  require(actor, Permission::ReadPlan);
  store::Database& db = ws.db();
  auto round = store::find_round(db, id);
  if (!round) return std::nullopt;
  StocktakeView view;
  view.round = std::move(*round);
  view.items = store::round_items(db, id);
  view.results = store::round_results(db, id);
  view.report = core::difference_report(view.items, view.results);
  view.changes = store::round_changes(db, id);
  if (auto plan = store::load_plan(db)) view.facility_name = plan->facility.name;
  return view;
}

std::optional<core::StocktakeRoundId> find_stocktake(Workspace& ws, const std::string& text) {
  store::Database& db = ws.db();
  const std::string key = core::trim(text);
  if (key.empty()) {
    if (auto open = store::open_round(db)) return open->id;
    auto rounds = store::list_rounds(db);
    if (rounds.empty()) return std::nullopt;
    return rounds.front().id;
  }
  if (key.size() < 6) return std::nullopt;
  std::optional<core::StocktakeRoundId> found;
  for (const auto& r : store::list_rounds(db)) {
    if (r.id.value.compare(0, key.size(), key) != 0) continue;
    if (found) return std::nullopt;  // ambiguous
    found = r.id;
  }
  return found;
}

std::optional<core::StocktakeItem> find_item(const std::vector<core::StocktakeItem>& items,
                                             const std::string& text) {
  const std::string trimmed = core::trim(text);
  if (trimmed.size() > 1 && trimmed[0] == '#') {
    const std::string digits = trimmed.substr(1);
    if (digits.find_first_not_of("0123456789") == std::string::npos && digits.size() < 18) {
      const core::DeviceId id(std::stoll(digits));
      for (const auto& it : items) {
        if (it.device == id) return it;
      }
    }
    return std::nullopt;
  }
  const std::string key = core::match_key(trimmed);
  if (key.empty()) return std::nullopt;
  for (const auto& it : items) {
    if (!it.asset_number.empty() && core::match_key(it.asset_number) == key) return it;
  }
  std::optional<core::StocktakeItem> by_name;
  for (const auto& it : items) {
    if (core::match_key(it.name) != key) continue;
    if (by_name) return std::nullopt;  // two devices share the name
    by_name = it;
  }
  return by_name;
}

}  // namespace medbcp::app
