// A kit made from the plan — the offline kit (HTML on a USB stick) or the
// paper kit (PDF for the binder) — with the fingerprint of the plan it
// carries, so medbcp can tell when the kit no longer matches the plan.
#pragma once

#include <optional>
#include <string>

#include "core/time.h"

namespace medbcp::core {

enum class KitKind { Offline, Paper };
const char* code(KitKind);  // "offline", "paper"

struct KitRecord {
  std::string id;  // 32 hex digits, also written into the kit
  KitKind kind = KitKind::Offline;
  core::Instant made_at;
  std::string made_by;
  int edition = 0;
  std::string plan_sha256;  // of the plan's JSON export when the kit was made
  // An offline kit's key (64 hex digits, random), written into the kit and
  // kept here: the kit seals its exported log with it (HMAC-SHA256), so a
  // log file rewritten by someone without the kit no longer matches.
  std::string seal_key;
  std::optional<core::Instant> printed_at;
  std::string printed_by;
};

}  // namespace medbcp::core
