// Use cases of what an incident sends out (core/notice.h): the notices it
// calls for and which were issued, the report items the 責任者 answers,
// making a notice (PDF, DOCX, HTML, text) from its template, and recording
// that it was filed, sent or posted — each a timeline entry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/incident_service.h"
#include "app/workspace.h"
#include "core/notice.h"

namespace medbcp::app {

// The notice templates: the built-in ones (notices/, compiled in), or a
// folder's files of the same names (--notices DIR) where it has them.
core::NoticeTemplateParse notice_template(core::NoticeKind kind, const std::string& dir = "");

enum class NoticeFormat { Pdf, Docx, Html, Text };
std::optional<NoticeFormat> notice_format_from_code(std::string_view);  // pdf, docx, html, txt

struct NoticeFile {
  core::Problems problems;  // missing facts (field = the key, message says where to fill it)
  std::string name;         // incident-3-ppc-prompt.pdf
  std::string bytes;
  std::string mime_type;
};

// Export permission. Missing facts refuse the notice (problems) unless
// `draft`: then it is made with 「（未記入：…）」 where they go.
NoticeFile make_notice(Workspace& ws, const Actor& actor, core::IncidentId id,
                       core::NoticeKind kind, NoticeFormat format, bool draft, core::Instant now,
                       const std::string& templates_dir = "");

// The 責任者 (ManageIncident) answers a report item; an empty value is refused.
AppendResult answer_report_item(Workspace& ws, const Actor& actor, core::IncidentId id,
                                const std::string& key, const std::string& value,
                                core::Instant now);

// 提出した・送付した・掲示した・公開した: the notice's entry on the timeline.
AppendResult record_notice_issued(Workspace& ws, const Actor& actor, core::IncidentId id,
                                  core::NoticeKind kind, const std::string& action,
                                  std::optional<core::Instant> at, core::Instant now);

// A cost for the insurer's claim (ManageIncident): a positive amount in yen.
AppendResult record_cost(Workspace& ws, const Actor& actor, core::IncidentId id,
                         const core::CostItem& item, core::Instant now);

struct NoticeStatus {
  core::NoticeKind kind;
  bool due = false;                          // this incident calls for it
  std::optional<core::NoticeIssued> issued;  // when and how it went out
  std::vector<core::MissingFact> missing;    // what its template still lacks
};
// Every kind, those due first.
std::vector<NoticeStatus> notice_statuses(const IncidentView& view, core::Instant now,
                                          const std::string& templates_dir = "");

}  // namespace medbcp::app
