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
// A cell Excel would run as a formula (= + - @, full-width too) gets a
// leading apostrophe (core/spreadsheet_safe.h); the JSON export keeps the
// exact text.
std::string timeline_csv(const IncidentView& view);

// {"format":"medbcp-incident-timeline","version":1, "hash_scheme":{…},
//  "incident":{…}, "chain":{…}, "entries":[{… "payload":"<exact text>" …}]}
std::string timeline_json(const IncidentView& view, core::Instant exported_at);

// The files of an incident that leave medbcp: its report and its timeline.
enum class IncidentFile { ReportPdf, ReportDocx, TimelineCsv, TimelineJson };

struct ExportedFile {
  std::string name;  // incident-3.pdf, incident-3-timeline.csv …
  std::string bytes;
  std::string mime_type;
  std::string head_hash;  // the chain's final hash, as printed in the report
};

// Builds the file for someone with Export, and records in the audit log who
// took which file of which incident.
ExportedFile export_incident_file(Workspace& ws, const Actor& actor, core::IncidentId id,
                                  IncidentFile what, core::Instant now);

}  // namespace medbcp::app
