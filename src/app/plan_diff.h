// What changed between two states of the plan, record by record and field
// by field — for the history page (one section's JSON before and after) and
// for comparing two published versions (whole plan documents). Works on the
// JSON of io/plan_json, so it needs no knowledge of each record type: list
// records are matched by their "id", singletons (facility, officer) field by
// field. Values come back as text; the page decides how to show them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace medbcp::app {

enum class ChangeKind { Added, Removed, Changed, Reordered };

struct FieldChange {
  std::string field;   // JSON key, e.g. "phone_day"
  std::string before;  // "" for null; "true"/"false" for booleans
  std::string after;
};

struct RecordChange {
  ChangeKind kind = ChangeKind::Changed;
  std::string section;              // "devices", "facility", …
  std::int64_t record_id = 0;       // 0 for singletons and Reordered
  std::string record_label;         // the record's name, organisation, title … for people to read
  std::vector<FieldChange> fields;  // Added: every non-empty field; Removed: likewise (before)
};

// One section's JSON (as written to plan_history), before and after.
// "null" stands for a section that did not exist yet.
std::vector<RecordChange> diff_section(std::string_view section, std::string_view before_json,
                                       std::string_view after_json);

// Two whole plan documents (io::plan_to_json), section by section in the
// document's order.
std::vector<RecordChange> diff_plans(std::string_view before_json, std::string_view after_json);

}  // namespace medbcp::app
