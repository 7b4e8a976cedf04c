// Use cases behind the reminders (平時の点検): the current list for the
// dashboard and `medbcp status`, the settings that shape it (棚卸し cycle …),
// and the two checks that clear a reminder without another record type:
// verifying an external contact and reviewing the plan. Both keep a record
// of the check and update the plan (最終確認日 / 最終見直し日) in the same
// transaction, with a history entry attributed to the actor.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/reminders.h"

namespace medbcp::app {

struct ChecklistAssessment;  // app/checklist_service.h

// Everything overdue or coming due as of `today` (a Tokyo date): the plan's
// and upkeep's, then the checklist's (app/checklist_service.h).
// `checklist`, when given, receives the checklist's assessment the list was
// made from (the dashboard and the overview show it too, without making it
// again).
std::vector<core::Reminder> current_reminders(Workspace& ws, const Actor& actor,
                                              const core::Date& today,
                                              ChecklistAssessment* checklist = nullptr);
// The plan's and upkeep's alone (the checklist's evidence).
std::vector<core::Reminder> plan_reminders(Workspace& ws, const core::Date& today);

core::ReminderSettings reminder_settings(Workspace& ws, const Actor& actor);
core::Problems update_reminder_settings(Workspace& ws, const Actor& actor,
                                        const core::ReminderSettings& settings);

// `on` may not be in the future (relative to `today`).
core::Problems record_contact_verification(Workspace& ws, const Actor& actor,
                                           core::ExternalContactId contact, const core::Date& on,
                                           const core::Date& today, const std::string& note);
core::Problems record_plan_review(Workspace& ws, const Actor& actor, const core::Date& on,
                                  const core::Date& today, const std::string& note);

}  // namespace medbcp::app
