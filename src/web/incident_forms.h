// The forms of the incident pages: what each asks (field specs, built from
// the plan so contacts, systems and devices are chosen, not typed) and how a
// submitted time is read. Times are typed as staff say them ("2024-06-03
// 08:40", or "08:40" for the latest such time); empty means now.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/incident_service.h"
#include "web/form.h"

namespace medbcp::web {

inline constexpr const char* kTimeHint = "例：2024-06-03 08:40、または 08:40（空欄なら今）";

std::vector<FieldSpec> start_fields(const core::Plan& plan);
std::vector<FieldSpec> log_fields();
// The contact picker; contacts the incident must reach are starred
// (core::must_reach).
std::vector<FieldSpec> contact_fields(const core::Plan& plan, bool leak_suspected);
std::vector<FieldSpec> decision_fields(const app::IncidentView& view);
std::vector<FieldSpec> evidence_fields(const core::Plan& plan);
std::vector<FieldSpec> custody_fields(const app::IncidentView& view);
std::vector<FieldSpec> correction_fields(const app::IncidentView& view);
// Correcting what was reported at the start (app/incident_revision.h): the
// fields, filled with the facts as they read now.
std::vector<FieldSpec> revision_fields(const app::IncidentView& view);
FormState revision_state(const app::IncidentView& view);
// 教訓, then kFollowUpRows rows of 再発防止策 (内容, 担当, 期限), each a
// field of its own: follow_up_key(row, "title"|"owner"|"due"), and last the
// "close_anyway" checkbox (shown only while something is still undone).
inline constexpr int kFollowUpRows = 5;
std::string follow_up_key(int row, const char* part);
std::vector<FieldSpec> close_fields();
std::vector<FieldSpec> reopen_fields();

// Checkbox keys of the start form's system and device lists.
std::string system_key(core::SystemId id);
std::string device_key(core::DeviceId id);

// Reads state.value(key) as a time. Empty gives nullopt (now); text that is
// not a time adds a message to `state` and also gives nullopt.
std::optional<core::Instant> read_time(FormState& state, const std::string& key, core::Instant now);

// The filled rows; a row with a 担当 or 期限 but no 内容, or an unreadable
// 期限, is an error on its field.
std::vector<core::FollowUp> read_follow_ups(FormState& state);

// The form key of a use case's problem (field path -> form key).
std::string incident_problem_key(const core::Problem& problem);

}  // namespace medbcp::web
