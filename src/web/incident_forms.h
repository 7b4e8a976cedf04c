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
std::vector<FieldSpec> contact_fields(const core::Plan& plan);
std::vector<FieldSpec> decision_fields(const app::IncidentView& view);
std::vector<FieldSpec> evidence_fields(const core::Plan& plan);
std::vector<FieldSpec> custody_fields(const app::IncidentView& view);
std::vector<FieldSpec> correction_fields(const app::IncidentView& view);
std::vector<FieldSpec> close_fields();
std::vector<FieldSpec> reopen_fields();

// Checkbox keys of the start form's system and device lists.
std::string system_key(core::SystemId id);
std::string device_key(core::DeviceId id);

// Reads state.value(key) as a time. Empty gives nullopt (now); text that is
// not a time adds a message to `state` and also gives nullopt.
std::optional<core::Instant> read_time(FormState& state, const std::string& key, core::Instant now);

// "内容|担当|2024-07-01" per line -> follow-ups; a bad date adds a message.
std::vector<core::FollowUp> read_follow_ups(FormState& state, const std::string& key);

// The form key of a use case's problem (field path -> form key).
std::string incident_problem_key(const core::Problem& problem);

}  // namespace medbcp::web
