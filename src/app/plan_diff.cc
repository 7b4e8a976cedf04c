#include "app/plan_diff.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/plan_section.h"

namespace medbcp::app {
namespace {

using Json = nlohmann::ordered_json;

// {"columns": [names], "rows": [[values], …]}, the history's form of a long
// list (io::devices_history_json), as the list of objects it stands for.
Json expand_table(Json table) {
  const Json& columns = table["columns"];
  Json out = Json::array();
  for (Json& row : table["rows"]) {
    if (!row.is_array()) continue;
    Json record = Json::object();
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
      if (columns[i].is_string()) record[columns[i].get<std::string>()] = std::move(row[i]);
    }
    out.push_back(std::move(record));
  }
  return out;
}

Json parse(std::string_view text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Json(nullptr);
  if (j.is_object() && j.size() == 2 && j.contains("columns") && j["columns"].is_array() &&
      j.contains("rows") && j["rows"].is_array()) {
    return expand_table(std::move(j));
  }
  return j;
}

std::string as_text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

std::string label_of(const Json& record) {
  for (const char* key :
       {"name", "organization", "title", "business", "system_label", "asset_number"}) {
    if (record.contains(key) && record[key].is_string() &&
        !record[key].get<std::string>().empty()) {
      return record[key].get<std::string>();
    }
  }
  // Appended, not "#" + text: g++ 12 at -O3 misreads inserting before a
  // temporary as an overlapping copy (-Werror=restrict).
  if (record.contains("id")) return std::string("#").append(as_text(record["id"]));
  return "";
}

// Every field of a record that has a value, as changes from or to nothing.
std::vector<FieldChange> all_fields(const Json& record, bool as_after) {
  std::vector<FieldChange> out;
  if (!record.is_object()) return out;
  for (const auto& [key, value] : record.items()) {
    if (key == "id") continue;
    std::string text = as_text(value);
    if (text.empty() || text == "false") continue;
    out.push_back(as_after ? FieldChange{key, "", text} : FieldChange{key, text, ""});
  }
  return out;
}

std::vector<FieldChange> changed_fields(const Json& before, const Json& after) {
  std::vector<FieldChange> out;
  if (!after.is_object()) return out;
  for (const auto& [key, value] : after.items()) {
    if (key == "id") continue;
    Json old = before.is_object() && before.contains(key) ? before[key] : Json(nullptr);
    if (old != value) out.push_back({key, as_text(old), as_text(value)});
  }
  if (before.is_object()) {
    for (const auto& [key, value] : before.items()) {
      if (!after.contains(key) && key != "id") out.push_back({key, as_text(value), ""});
    }
  }
  return out;
}

std::int64_t id_of(const Json& record) {
  if (record.is_object() && record.contains("id") && record["id"].is_number_integer()) {
    return record["id"].get<std::int64_t>();
  }
  return 0;
}

void diff_list(const std::string& section, const Json& before, const Json& after,
               std::vector<RecordChange>& out) {
  std::map<std::int64_t, const Json*> old_by_id;
  std::vector<std::int64_t> old_order;
  if (before.is_array()) {
    for (const auto& r : before) {
      old_by_id[id_of(r)] = &r;
      old_order.push_back(id_of(r));
    }
  }
  std::map<std::int64_t, bool> seen;
  std::vector<std::int64_t> new_order;
  if (after.is_array()) {
    for (const auto& r : after) {
      std::int64_t id = id_of(r);
      seen[id] = true;
      new_order.push_back(id);
      auto it = old_by_id.find(id);
      if (it == old_by_id.end()) {
        out.push_back({ChangeKind::Added, section, id, label_of(r), all_fields(r, true)});
        continue;
      }
      auto fields = changed_fields(*it->second, r);
      if (!fields.empty()) {
        out.push_back({ChangeKind::Changed, section, id, label_of(r), std::move(fields)});
      }
    }
  }
  for (const auto& [id, record] : old_by_id) {
    if (!seen.contains(id)) {
      out.push_back(
          {ChangeKind::Removed, section, id, label_of(*record), all_fields(*record, false)});
    }
  }
  // Order matters in a contact chart; report it once when the records kept
  // on both sides appear in a different order.
  std::vector<std::int64_t> kept_old, kept_new;
  for (auto id : old_order) {
    if (seen.contains(id)) kept_old.push_back(id);
  }
  for (auto id : new_order) {
    if (old_by_id.contains(id)) kept_new.push_back(id);
  }
  if (kept_old != kept_new) out.push_back({ChangeKind::Reordered, section, 0, "", {}});
}

void diff_json(const std::string& section, const Json& before, const Json& after,
               std::vector<RecordChange>& out) {
  if (before == after) return;
  if (before.is_array() || after.is_array()) {
    diff_list(section, before, after, out);
    return;
  }
  if (before.is_null()) {
    out.push_back({ChangeKind::Added, section, 0, label_of(after), all_fields(after, true)});
    return;
  }
  auto fields = changed_fields(before, after);
  if (!fields.empty()) {
    out.push_back({ChangeKind::Changed, section, 0, label_of(after), std::move(fields)});
  }
}

}  // namespace

std::vector<RecordChange> diff_section(std::string_view section, std::string_view before_json,
                                       std::string_view after_json) {
  std::vector<RecordChange> out;
  diff_json(std::string(section), parse(before_json), parse(after_json), out);
  return out;
}

std::vector<RecordChange> diff_plans(std::string_view before_json, std::string_view after_json) {
  Json before = parse(before_json);
  Json after = parse(after_json);
  std::vector<RecordChange> out;
  for (const core::SectionInfo& info : core::plan_sections()) {
    const std::string section(info.code);
    Json b = before.is_object() && before.contains(section) ? before[section] : Json(nullptr);
    Json a = after.is_object() && after.contains(section) ? after[section] : Json(nullptr);
    diff_json(section, b, a, out);
  }
  return out;
}

}  // namespace medbcp::app
