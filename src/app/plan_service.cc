#include "app/plan_service.h"

#include <algorithm>
#include <stdexcept>

#include "app/audit.h"
#include "app/clinic_backup_runs.h"
#include "app/plan_change.h"
#include "core/demo_plan.h"
#include "core/plan_template.h"
#include "core/plan_validation.h"
#include "core/sha256.h"
#include "io/plan_json.h"
#include "io/plan_json_reader.h"
#include "store/plan_store.h"

namespace medbcp::app {
namespace {

template <class T>
void assign_ids(std::vector<T>& records) {
  std::int64_t max_id = 0;
  for (const auto& r : records) max_id = std::max(max_id, r.id.value);
  for (auto& r : records) {
    if (!r.id.valid()) r.id = decltype(r.id)(++max_id);
  }
}

enum class Replace { Refuse, Merge, Wipe };

// Merge keeps the ids of records that stay, so stock-takes and incidents that
// refer to them stay attached; Wipe starts the plan over (init --force).
void save_new_plan(Workspace& ws, const Actor& actor, const core::Plan& plan, Replace replace) {
  store::Database& db = ws.db();
  store::Transaction tx(db);
  std::optional<core::Plan> before = store::load_plan(db);
  if (before && replace == Replace::Refuse) throw PlanExists();
  if (before && replace == Replace::Wipe) store::delete_plan(db);
  store::save_plan(db, plan);
  record_changes(db, actor, before ? &*before : nullptr, plan);
  tx.commit();
}

}  // namespace

NoPlan::NoPlan()
    : std::runtime_error(
          "計画がまだありません。`medbcp init --facility 医療機関名` で作成してください。") {}

PlanExists::PlanExists()
    : std::runtime_error(
          "計画はすでに作成されています。作り直す場合は --force を付けてください"
          "（現在の計画は失われます。先に `medbcp export` で保存してください）。") {}

void assign_missing_ids(core::Plan& plan) {
  assign_ids(plan.systems);
  assign_ids(plan.threats);
  assign_ids(plan.internal_contacts);
  assign_ids(plan.external_contacts);
  assign_ids(plan.devices);
  assign_ids(plan.fallbacks);
  assign_ids(plan.backups);
  core::number_unnumbered_devices(plan);
}

void init_plan(Workspace& ws, const Actor& actor, const std::string& facility_name, bool force) {
  require(actor, Permission::EditPlan);
  save_new_plan(ws, actor, core::template_plan(facility_name),
                force ? Replace::Wipe : Replace::Refuse);
}

bool ensure_demo_plan(Workspace& ws, const Actor& actor, std::optional<core::Instant> now) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  if (store::has_plan(db)) return false;
  core::Plan plan = now ? core::demo_plan(now->tokyo_date()) : core::demo_plan();
  store::save_plan(db, plan);
  record_changes(db, actor, nullptr, plan);
  tx.commit();
  // Each record is a use case of its own (its own transaction), after the plan.
  if (now) {
    const core::Instant last_night{now->seconds - std::int64_t{6} * 3600};
    const core::Instant weeks_ago{now->seconds - std::int64_t{42} * 86400};
    for (const auto& backup : plan.backups) {
      const auto run = record_backup_run(ws, actor, backup.id, core::Outcome::Ok, last_night,
                                         "デモ: 夜間の自動バックアップ");
      const auto test = record_restore_test(ws, actor, backup.id, core::Outcome::Ok, 40, weeks_ago,
                                            "デモ: 検証用の端末に復元して確認");
      for (const auto* problems : {&run.problems, &test.problems}) {
        if (!problems->empty()) {
          throw std::logic_error("the demo's backup record was refused: " +
                                 problems->front().message);
        }
      }
    }
  }
  return true;
}

bool has_plan(Workspace& ws) { return store::has_plan(ws.db()); }

namespace {

// The plan as this thread's connection last read it, kept while nothing has
// been committed since (by anyone). A page reads the plan several times —
// the dashboard for its gaps, its reminders and the kits' fingerprint — and
// reading it from SQLite is the most of what a page costs.
struct PlanSnapshot {
  std::uint64_t workspace = 0;  // Workspace::generation()
  store::ChangeStamp stamp;
  std::shared_ptr<const core::Plan> plan;
  std::string fingerprint;  // filled on first use
};

PlanSnapshot& snapshot_of(Workspace& ws) {
  thread_local PlanSnapshot snapshot;
  store::Database& db = ws.db();
  const store::ChangeStamp stamp = db.change_stamp();
  // Inside a write transaction the plan may be half-changed: read it afresh.
  if (snapshot.workspace != ws.generation() || !(snapshot.stamp == stamp) || !snapshot.plan ||
      db.in_transaction()) {
    auto plan = store::load_plan(db);
    if (!plan) throw NoPlan();
    snapshot = PlanSnapshot{
        ws.generation(), stamp, std::make_shared<const core::Plan>(std::move(*plan)), {}};
  }
  return snapshot;
}

}  // namespace

core::Plan load_plan(Workspace& ws) { return *snapshot_of(ws).plan; }

std::string plan_fingerprint(const core::Plan& plan) {
  return core::sha256_hex(io::plan_to_json(plan));
}

std::string plan_fingerprint(Workspace& ws) {
  PlanSnapshot& s = snapshot_of(ws);
  if (s.fingerprint.empty()) s.fingerprint = plan_fingerprint(*s.plan);
  return s.fingerprint;
}

core::Problems update_plan(Workspace& ws, const Actor& actor,
                           const std::function<void(core::Plan&)>& edit) {
  return update_plan_if(ws, actor, [&](core::Plan& plan) {
    edit(plan);
    return true;
  });
}

core::Problems update_plan_if(Workspace& ws, const Actor& actor,
                              const std::function<bool(core::Plan&)>& edit) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto before = store::load_plan(db);
  if (!before) throw NoPlan();
  core::Plan after = *before;
  if (!edit(after)) return {};  // nothing to save; the transaction rolls back
  core::Problems problems = save_plan_change(db, actor, *before, std::move(after));
  if (!problems.empty()) return problems;  // the transaction rolls back
  tx.commit();
  return {};
}

std::vector<core::Gap> check_plan(Workspace& ws) { return core::readiness_gaps(load_plan(ws)); }

std::string export_plan_json(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  std::string json = io::plan_to_json(load_plan(ws));
  audit_export(ws, actor, "計画データ（JSON）");
  return json;
}

core::Problems import_plan_json(Workspace& ws, const Actor& actor, const std::string& json) {
  require(actor, Permission::EditPlan);
  io::PlanParseResult parsed = io::plan_from_json(json);
  if (!parsed.problems.empty()) return parsed.problems;
  core::number_unnumbered_devices(*parsed.plan);
  core::Problems problems = core::validate_plan(*parsed.plan);
  if (!problems.empty()) return problems;
  save_new_plan(ws, actor, *parsed.plan, Replace::Merge);
  return {};
}

}  // namespace medbcp::app
