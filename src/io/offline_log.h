// The offline incident log: what the offline kit's browser logger exports
// when the server is unreachable (a discovery report, checklist steps,
// timeline entries, calls), as a JSON file that `medbcp incident import`
// merges back. This file is the one definition of that format; the kit's
// JavaScript (assets/kit/kit.js) writes the same thing.
//
//   {
//     "format": "medbcp-offline-log", "version": 1,
//     "kit": {"id": 32 hex, "facility": "…", "edition": 3, "made_at": UTC},
//     "log_id": 32 hex,                  // one per browser that logged
//     "exported_at": UTC,                // informational, not hashed
//     "entries": [{"id": 32 hex, "kind": "report|fact|action|note|step|contact",
//                  "occurred_at": UTC, "recorded_at": UTC, "author": "…",
//                  "text": "…", "payload": "<JSON object as a string>"}],
//     "sha256": 64 hex,
//     "seal": 64 hex                     // kits made since keys exist
//   }
//
// UTC times are exactly "YYYY-MM-DDTHH:MM:SSZ". The payload is kept as the
// string the kit wrote, so the integrity hash covers the very bytes in the
// file and no JSON re-serialisation can disagree between the browser and
// medbcp. Its shape is the timeline's (core/incident_payload.h): a report
// carries {"opening": {…}}, a step {"step", "state", "reason", "note"}, a contact
// {"contact": {…}, "called_by", …}; fact, action and note carry "{}" — but a
// note of the kit's drill mode carries {"drill_inject": {…}}, and a report
// written in drill mode also {"drill": {"scenario", "title"}}.
//
// Integrity. "sha256" is SHA-256 over the canonical encoding: each of these
// fields as an 8-byte big-endian byte length followed by its UTF-8 bytes —
// "medbcp-offline-log-1", kit.id, kit.facility, kit.edition (decimal),
// kit.made_at, log_id, the number of entries (decimal), then for each entry
// in file order id, kind, occurred_at, recorded_at, author, text, payload.
// It is not a signature (anyone can recompute it); it makes an edited or
// truncated file fail loudly instead of merging a silently changed record.
//
// Seal. "seal" is HMAC-SHA256 of the same encoding under the kit's own key
// (32 random bytes, written into the kit and kept by the server when the kit
// was made). A file rewritten with new ids and a recomputed "sha256" by
// someone who does not hold the kit cannot carry a matching seal, and the
// import says so. What it can't prove: the key is in the kit file, so whoever
// holds a copy of the kit (a USB stick, the clinic's PC) can seal anything; it
// proves "written with this kit", not "written by this person", and not when.
//
// Parsing never throws: every problem comes back with its JSON path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "core/time.h"

namespace medbcp::io {

inline constexpr std::string_view kOfflineLogFormat = "medbcp-offline-log";
inline constexpr int kOfflineLogVersion = 1;
inline constexpr std::string_view kOfflineLogHashTag = "medbcp-offline-log-1";

enum class OfflineEntryKind {
  Report,   // 発見・報告 (the discovery report; becomes the incident's opening)
  Fact,     // 事実
  Action,   // 対応
  Note,     // メモ
  Step,     // 第３章の手順の実施・対象外
  Contact,  // 連絡
};
const char* code(OfflineEntryKind);  // "report", "fact", …
std::optional<OfflineEntryKind> offline_entry_kind_from_code(std::string_view);

// The kit the log was written in: which plan edition the staff had in hand.
struct OfflineKitInfo {
  std::string id;  // 32 hex digits, made with the kit
  std::string facility;
  int edition = 0;
  core::Instant made_at;
};

struct OfflineEntry {
  std::string id;  // 32 hex digits made in the browser; the timeline entry keeps it
  OfflineEntryKind kind = OfflineEntryKind::Note;
  core::Instant occurred_at;
  core::Instant recorded_at;
  std::string author;
  std::string text;
  std::string payload = "{}";  // JSON object text exactly as in the file
};

struct OfflineLog {
  OfflineKitInfo kit;
  std::string log_id;
  std::optional<core::Instant> exported_at;
  std::vector<OfflineEntry> entries;
  std::string sha256;  // as written in the file
  std::string seal;    // as written in the file ("" : none)
};

// A report written in the kit's drill mode (訓練モード): the scenario the
// clinic rehearsed. Such a log imports as a drill, never as an incident.
struct OfflineDrill {
  std::string scenario;  // its code (core/drill_scenario.h)
  std::string title;
};
// nullopt for a report of a real incident (or any other entry).
std::optional<OfflineDrill> offline_drill(const OfflineEntry& report);

// A note the drill mode wrote when an inject was revealed:
// {"drill_inject": {"index": 0, "minute": 10, "text": "…"}}. It merges as
// the drill's inject entry (core/drill.h).
struct OfflineDrillInject {
  int index = 0;
  int minute = 0;
  std::string text;
};
std::optional<OfflineDrillInject> offline_drill_inject(const OfflineEntry& note);

struct OfflineLogParse {
  std::optional<OfflineLog> log;  // set only when problems is empty
  core::Problems problems;  // field = JSON path ("entries[3].occurred_at"), row = entry (1-based)
};

// Reads and checks the whole file: structure, types, ids, times, each
// payload's shape for its kind, duplicate ids, and the integrity hash.
OfflineLogParse parse_offline_log(std::string_view json);

// The hash the file must carry (lower-case hex), from the canonical encoding.
std::string offline_log_digest(const OfflineLog& log);
// The seal a kit holding `key_hex` (its 64 hex digits) writes: HMAC-SHA256
// under the key's 32 bytes of the same canonical encoding.
std::string offline_log_seal(const OfflineLog& log, std::string_view key_hex);

// Writes the format (with "sha256" recomputed); what the kit's JavaScript
// does, here for tests and tools.
std::string offline_log_to_json(const OfflineLog& log);

}  // namespace medbcp::io
