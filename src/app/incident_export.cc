#include "app/incident_export.h"

#include "core/spreadsheet_safe.h"

#include <nlohmann/json.hpp>

#include "app/audit.h"
#include "doc/incident_report.h"
#include "io/csv_writer.h"

namespace medbcp::app {
namespace {

using json = nlohmann::json;

std::string tokyo_seconds(core::Instant t) {
  // tokyo_text() is to the minute; forensic readers want the second.
  const std::string utc = core::Instant{t.seconds + core::kTokyoOffsetSeconds}.iso_utc();
  return utc.substr(0, 10) + " " + utc.substr(11, 8);
}

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string timeline_csv(const IncidentView& view) {
  io::CsvWriter csv;
  if (view.incident.drill) {
    // First line of the file: a spreadsheet opened alone still says 訓練.
    csv.field("【訓練】この記録は訓練です（実際のインシデントではありません）");
    csv.end_record();
  }
  for (const char* h :
       {"seq", "発生日時", "記録日時", "種類", "記録者", "内容", "訂正対象", "オフライン記録",
        "記録ID", "発生日時(UTC)", "記録日時(UTC)", "直前のハッシュ", "ハッシュ"}) {
    csv.field(h);
  }
  csv.end_record();
  for (const auto& e : view.timeline) {
    csv.field(std::to_string(e.seq));
    csv.field(tokyo_seconds(e.occurred_at));
    csv.field(tokyo_seconds(e.recorded_at));
    csv.field(core::label(e.kind));
    csv.field(core::spreadsheet_safe(e.author));
    csv.field(core::spreadsheet_safe(e.text));
    csv.field(e.corrects);
    csv.field(e.recorded_offline ? "はい" : "");
    csv.field(e.id);
    csv.field(e.occurred_at.iso_utc());
    csv.field(e.recorded_at.iso_utc());
    csv.field(e.prev_hash);
    csv.field(e.hash);
    csv.end_record();
  }
  return "\xEF\xBB\xBF" + csv.take();
}

std::string timeline_json(const IncidentView& view, core::Instant exported_at) {
  const core::Incident& i = view.incident;
  json systems = json::array();
  for (const auto& s : i.systems) systems.push_back({{"id", s.id.value}, {"name", s.name}});
  json devices = json::array();
  for (const auto& d : i.devices) {
    devices.push_back({{"id", d.id.value}, {"name", d.name}, {"asset_number", d.asset_number}});
  }
  json incident = {
      {"id", i.id.value},
      {"title", i.title},
      {"threat", core::code(i.threat)},
      {"threat_label", core::label(i.threat)},
      {"discoverer", i.discovery.discoverer},
      {"discovered_at", i.discovery.discovered_at.iso_utc()},
      {"how_found", i.discovery.how_found},
      {"situation", i.discovery.situation},
      {"actions_taken", i.discovery.actions_taken},
      {"systems", systems},
      {"devices", devices},
      {"personal_data_leak", i.personal_data_leak},
      {"aware_at", i.aware_at.iso_utc()},
      {"status", core::code(i.status)},
      {"opened_at", i.opened_at.iso_utc()},
      {"opened_by", i.opened_by},
      {"closed_at", i.closed_at ? json(i.closed_at->iso_utc()) : json(nullptr)},
      {"drill", i.drill},  // 訓練: never a real incident
  };
  json breaks = json::array();
  for (const auto& b : view.chain.breaks) {
    breaks.push_back({{"kind", core::code(b.kind)},
                      {"seq", b.seq},
                      {"entry_id", b.entry_id},
                      {"message", b.message}});
  }
  json entries = json::array();
  for (const auto& e : view.timeline) {
    entries.push_back({
        {"id", e.id},
        {"incident_id", e.incident.value},
        {"seq", e.seq},
        {"kind", core::code(e.kind)},
        {"occurred_at", e.occurred_at.iso_utc()},
        {"recorded_at", e.recorded_at.iso_utc()},
        {"author", e.author},
        {"text", e.text},
        {"payload", e.payload},
        {"corrects", e.corrects},
        {"recorded_offline", e.recorded_offline},
        {"prev_hash", e.prev_hash},
        {"hash", e.hash},
    });
  }
  json scheme = {
      {"algorithm", "SHA-256"},
      {"hash", "SHA-256(prev_hash as 32 raw bytes || canonical encoding of the entry)"},
      {"genesis_prev_hash", core::genesis_hash()},
      {"canonical_encoding",
       "the fields below in order, each as its UTF-8 byte length (8-byte unsigned big-endian) "
       "followed by its bytes"},
      {"fields",
       {std::string("format tag \"") + std::string(core::kTimelineFormatTag) + "\"", "id",
        "incident_id (decimal)", "seq (decimal)", "kind", "occurred_at", "recorded_at", "author",
        "text", "payload", "corrects", "recorded_offline (\"1\" or \"0\")"}},
  };
  json root = {
      {"format", "medbcp-incident-timeline"},
      {"drill", view.incident.drill},
      {"version", 1},
      {"exported_at", exported_at.iso_utc()},
      {"facility", view.plan.facility.name},
      {"hash_scheme", scheme},
      {"incident", incident},
      {"chain",
       {{"entries", view.chain.entries},
        {"head_hash", view.chain.head_hash},
        {"verified", view.chain.ok()},
        {"breaks", breaks}}},
      {"entries", entries},
  };
  return dump(root) + "\n";
}

ExportedFile export_incident_file(Workspace& ws, const Actor& actor, core::IncidentId id,
                                  IncidentFile what, core::Instant now) {
  require(actor, Permission::Export);
  const IncidentView view = load_incident_view(ws, actor, id, now);
  // A drill's files say so in their names too (訓練 is in every title).
  const std::string base =
      (view.incident.drill ? "drill-" : "incident-") + std::to_string(id.value);
  ExportedFile out;
  out.head_hash = view.chain.head_hash;
  switch (what) {
    case IncidentFile::ReportPdf:
      out = {base + ".pdf", doc::incident_report_pdf(view, now), "application/pdf", out.head_hash};
      break;
    case IncidentFile::ReportDocx:
      out = {base + ".docx", doc::incident_report_docx(view, now),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             out.head_hash};
      break;
    case IncidentFile::TimelineCsv:
      out = {base + "-timeline.csv", timeline_csv(view), "text/csv; charset=utf-8", out.head_hash};
      break;
    case IncidentFile::TimelineJson:
      out = {base + "-timeline.json", timeline_json(view, now), "application/json; charset=utf-8",
             out.head_hash};
      break;
  }
  audit_export(ws, actor, out.name,
               "インシデント No." + std::to_string(id.value) + "（最終ハッシュ " +
                   out.head_hash.substr(0, 16) + "…）");
  return out;
}

}  // namespace medbcp::app
