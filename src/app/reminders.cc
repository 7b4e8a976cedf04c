#include "app/reminders.h"

#include "app/checklist_service.h"
#include "app/drills.h"
#include "app/plan_change.h"
#include "app/plan_service.h"
#include "core/text.h"
#include "core/wareki.h"
#include "store/database_backup_store.h"
#include "store/plan_store.h"
#include "store/stocktake_store.h"
#include "store/upkeep_store.h"

namespace medbcp::app {
namespace {

core::Problems not_in_future(const core::Date& on, const core::Date& today) {
  if (on > today) {
    return {{"on", 0, "確認日が未来の日付（" + core::format_wareki(on) + "）になっています。"}};
  }
  return {};
}

}  // namespace

std::vector<core::Reminder> current_reminders(Workspace& ws, const Actor& actor,
                                              const core::Date& today,
                                              ChecklistAssessment* checklist) {
  require(actor, Permission::ReadPlan);
  std::vector<core::Reminder> list = plan_reminders(ws, today);
  auto assessment =
      assess_checklist(ws, default_checklist(), today, core::fiscal_year_of(today), list);
  for (auto& r : checklist_reminders(assessment, today,
                                     store::load_reminder_settings(ws.db()).due_soon_days)) {
    list.push_back(std::move(r));
  }
  if (checklist != nullptr) *checklist = std::move(assessment);
  return list;
}

std::vector<core::Reminder> plan_reminders(Workspace& ws, const core::Date& today) {
  store::Database& db = ws.db();
  core::Plan plan = load_plan(ws);
  core::UpkeepRecords records;
  records.backups = store::backup_histories(db);
  if (auto closed = store::last_round_closed_at(db)) {
    records.last_stocktake_completed = closed->tokyo_date();
    for (const auto& round : store::list_rounds(db)) {
      if (round.closed_at != closed) continue;
      const auto report = core::difference_report(store::round_items(db, round.id),
                                                  store::round_results(db, round.id));
      for (const auto& line : report.unchecked)
        records.unchecked_in_last_round.push_back(line.item.device);
    }
  }
  const DrillStanding drills = drill_standing(ws, plan, today);
  records.last_drill = drills.last_drill;
  records.not_in_recent_drill = drills.not_trained;
  if (const auto own = store::database_backup_standing(db); own.newest) {
    records.own_backups = core::UpkeepRecords::OwnBackups{*own.newest, own.newest_copied};
  }
  return core::reminders(plan, records, store::load_reminder_settings(db), today);
}

core::ReminderSettings reminder_settings(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  return store::load_reminder_settings(ws.db());
}

core::Problems update_reminder_settings(Workspace& ws, const Actor& actor,
                                        const core::ReminderSettings& s) {
  require(actor, Permission::EditPlan);
  core::Problems problems;
  auto range = [&](const char* field, int value, int min, int max, const char* what) {
    if (value < min || value > max) {
      problems.push_back({field, 0,
                          std::string(what) + "は " + std::to_string(min) + "〜" +
                              std::to_string(max) + " の範囲で入力してください。"});
    }
  };
  range("stocktake_cycle_days", s.stocktake_cycle_days, 1, 3660, "棚卸しの周期（日）");
  range("restore_test_months", s.restore_test_months, 1, 120, "復旧テストの周期（月）");
  range("contact_verify_months", s.contact_verify_months, 1, 120, "連絡先確認の周期（月）");
  range("plan_review_months", s.plan_review_months, 1, 120, "計画見直しの周期（月）");
  range("due_soon_days", s.due_soon_days, 0, 365, "期限前の通知（日）");
  range("support_end_warning_days", s.support_end_warning_days, 0, 3660,
        "サポート終了前の通知（日）");
  if (!problems.empty()) return problems;
  store::Database& db = ws.db();
  store::Transaction tx(db);
  store::save_reminder_settings(db, s);
  tx.commit();
  return {};
}

core::Problems record_contact_verification(Workspace& ws, const Actor& actor,
                                           core::ExternalContactId contact, const core::Date& on,
                                           const core::Date& today, const std::string& note) {
  require(actor, Permission::EditPlan);
  if (auto p = not_in_future(on, today); !p.empty()) return p;
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  core::Plan after = *plan;
  core::ExternalContact* target = nullptr;
  for (auto& c : after.external_contacts) {
    if (c.id == contact) target = &c;
  }
  if (target == nullptr) {
    return {{"contact", 0, "指定された外部連絡先が見つかりません。"}};
  }
  // An older check entered late never moves the date back.
  if (!target->last_verified || *target->last_verified < on) target->last_verified = on;
  store::insert_contact_verification(db, {0, contact, target->organization, on, core::trim(note),
                                          core::Instant::now(), actor.name});
  auto problems = save_plan_change(db, actor, *plan, std::move(after));
  if (!problems.empty()) return problems;
  tx.commit();
  return {};
}

core::Problems record_plan_review(Workspace& ws, const Actor& actor, const core::Date& on,
                                  const core::Date& today, const std::string& note) {
  require(actor, Permission::EditPlan);
  if (auto p = not_in_future(on, today); !p.empty()) return p;
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  core::Plan after = *plan;
  if (!after.facility.last_reviewed || *after.facility.last_reviewed < on) {
    after.facility.last_reviewed = on;
  }
  store::insert_plan_review(db, {0, on, core::trim(note), core::Instant::now(), actor.name});
  auto problems = save_plan_change(db, actor, *plan, std::move(after));
  if (!problems.empty()) return problems;
  tx.commit();
  return {};
}

}  // namespace medbcp::app
