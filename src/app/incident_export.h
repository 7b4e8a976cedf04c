// The timeline of an incident for people outside the clinic (police, a
// forensic vendor, the insurer): CSV for reading in Excel (UTF-8 with BOM)
// and JSON that carries every field exactly as hashed, with the hash scheme
// described, so the chain can be recomputed independently of medbcp.
#pragma once

#include <string>

#include "app/incident_service.h"

namespace medbcp::app {

// Columns: seq, 発生日時, 記録日時 (Asia/Tokyo), 種類, 記録者, 内容, 訂正対象,
// オフライン記録, 記録ID, 発生日時(UTC), 記録日時(UTC), 直前のハッシュ, ハッシュ.
// A cell Excel would run as a formula (=, +, -, @ first) gets a leading
// apostrophe; the JSON export keeps the exact text.
std::string timeline_csv(const IncidentView& view);

// {"format":"medbcp-incident-timeline","version":1, "hash_scheme":{…},
//  "incident":{…}, "chain":{…}, "entries":[{… "payload":"<exact text>" …}]}
std::string timeline_json(const IncidentView& view, core::Instant exported_at);

}  // namespace medbcp::app
