// Reading the JSON payloads of timeline entries, leniently: a payload that
// is not an object, or a field that is missing or of another type, reads as
// nothing — never an exception, because a timeline may hold entries written
// by an older medbcp or merged from an offline kit. Shared by the payload
// readers of core (incident_payload.cc, drill.cc, notice.cc); not a public
// interface of core.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace medbcp::core::payload_json {

using json = nlohmann::json;

// The payload as a JSON object, or nullopt.
inline std::optional<json> parse_object(std::string_view payload) {
  json j = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return j;
}

// The object under `key` of the payload object: {"report_item": {…}} → {…}.
inline std::optional<json> object_in(std::string_view payload, const char* key) {
  auto j = parse_object(payload);
  if (!j) return std::nullopt;
  auto it = j->find(key);
  if (it == j->end() || !it->is_object()) return std::nullopt;
  return *it;
}

inline std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::int64_t integer(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

}  // namespace medbcp::core::payload_json
