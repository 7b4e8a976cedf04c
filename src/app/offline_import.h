// Merging an offline log (io/offline_log.h) — what staff recorded in the
// offline kit while the server was down — back into an incident's timeline.
//
// The merge is lossless and idempotent because every offline entry carries
// the random id the browser gave it, and the timeline entry keeps that id:
//  - an entry already in the database is skipped (after checking it is the
//    same record: a different record under a known id is refused);
//  - new entries keep their original times and authors, are marked
//    recorded_offline, and are appended after the existing ones, sorted by
//    (occurred_at, recorded_at, id) — a deterministic order, so two laptops'
//    logs merged in either order hold the same entries, and the chain is
//    only ever extended, never rewritten;
//  - the discovery report of a log becomes the opening of a new incident, or,
//    when merged into an existing one, a fact that keeps the report whole;
//  - a merge that adds anything ends with a note saying who merged which
//    file (its integrity hash), so the timeline tells where entries came from.
// A malformed or edited file, or one that does not fit the incident, comes
// back as problems and nothing is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/incident.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::app {

// Whether the file carries the seal of a kit this server made
// (io/offline_log.h): what the import can say about where it came from.
enum class OfflineSeal {
  Verified,    // sealed with the key of the kit it names: written with that kit
  KitUnknown,  // the kit is not one this server made, or made before kits had keys
  Missing,     // the kit has a key, the file no seal: rewritten, or not from that kit
  Mismatch,    // a seal that is not the kit's: rewritten, or not from that kit
};
const char* label(OfflineSeal);  // 確認済み, 確認できない（…）

struct OfflineImportResult {
  core::Problems problems;           // when not empty, nothing was written
  core::IncidentId incident;         // where the entries are (valid without problems)
  bool created = false;              // a new incident was started from the log's report
  int added = 0;                     // entries of the log newly on the timeline
  int already_present = 0;           // entries of the log that were merged before
  std::vector<std::string> notices;  // worth saying, not stopping for (another facility's kit …)
  OfflineSeal seal = OfflineSeal::KitUnknown;
};

// `into`: the incident to merge into. Without it, the incident that already
// holds entries of this log, else a new incident from the log's report.
// ReportIncident permission (any staff member logged offline).
OfflineImportResult import_offline_log(Workspace& ws, const Actor& actor, std::string_view file,
                                       std::optional<core::IncidentId> into, core::Instant now);

}  // namespace medbcp::app
