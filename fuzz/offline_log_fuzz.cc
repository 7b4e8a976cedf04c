// Fuzzes the offline kit's log file (io/offline_log.h), which arrives from
// laptops that were off the network and is merged into incident timelines.
// Any bytes give a log or problems, never an exception. Because the file
// carries a SHA-256 of its content, almost every mutation would stop at the
// hash; so each input is also tried with the hash recomputed, letting the
// fuzzer reach the accepted path, where the log must write back and read
// again unchanged.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "io/offline_log.h"

namespace {

namespace io = medbcp::io;
using Json = nlohmann::json;

std::optional<std::string> text(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<medbcp::core::Instant> instant(const Json& object, const char* key) {
  auto t = text(object, key);
  return t ? medbcp::core::Instant::parse(*t) : std::nullopt;
}

// The log as the parser would read it, loosely, just to hash it.
std::optional<io::OfflineLog> loose_log(const Json& root) {
  if (!root.is_object() || !root.contains("kit") || !root["kit"].is_object()) return std::nullopt;
  const Json& kit = root["kit"];
  io::OfflineLog log;
  auto kit_id = text(kit, "id");
  auto facility = text(kit, "facility");
  auto made_at = instant(kit, "made_at");
  auto log_id = text(root, "log_id");
  if (!kit_id || !facility || !made_at || !log_id || !kit.contains("edition") ||
      !kit["edition"].is_number_integer()) {
    return std::nullopt;
  }
  log.kit = {*kit_id, *facility, static_cast<int>(kit["edition"].get<std::int64_t>()), *made_at};
  log.log_id = *log_id;
  if (!root.contains("entries") || !root["entries"].is_array()) return std::nullopt;
  for (const Json& e : root["entries"]) {
    if (!e.is_object()) return std::nullopt;
    io::OfflineEntry entry;
    auto id = text(e, "id");
    auto kind = text(e, "kind");
    auto occurred = instant(e, "occurred_at");
    auto recorded = instant(e, "recorded_at");
    auto author = text(e, "author");
    auto body = text(e, "text");
    auto payload = text(e, "payload");
    if (!id || !kind || !occurred || !recorded || !author || !body || !payload) {
      return std::nullopt;
    }
    auto k = io::offline_entry_kind_from_code(*kind);
    if (!k) return std::nullopt;
    log.entries.push_back({*id, *k, *occurred, *recorded, *author, *body, *payload});
  }
  return log;
}

void check(std::string_view json) {
  io::OfflineLogParse parsed = io::parse_offline_log(json);
  FUZZ_CHECK(parsed.log.has_value() == parsed.problems.empty());
  for (const auto& p : parsed.problems) FUZZ_CHECK(!p.message.empty());
  if (!parsed.log) return;
  std::string written = io::offline_log_to_json(*parsed.log);
  io::OfflineLogParse again = io::parse_offline_log(written);
  FUZZ_CHECK(again.log.has_value());
  FUZZ_CHECK(io::offline_log_digest(*again.log) == io::offline_log_digest(*parsed.log));
  FUZZ_CHECK(again.log->entries.size() == parsed.log->entries.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input);

  Json root = Json::parse(input.begin(), input.end(), nullptr, false);
  if (root.is_discarded()) return 0;
  auto log = loose_log(root);
  if (!log) return 0;
  root["sha256"] = io::offline_log_digest(*log);
  check(root.dump());
  return 0;
}
