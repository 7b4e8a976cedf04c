// What an incident must send out (届出・お知らせ): the PPC's 漏えい等報告
// (速報 and 確報), the letter to the people affected, the public notice, the
// 休診・縮小 notice for the door and the website, the reception's telephone
// script, the summary for the police, MHLW and the prefecture, and the
// insurer's claim summary. Each is a template (notices/*.txt, data like the
// plan template) filled from the incident's record, the plan, and the
// report items only the 責任者 can answer (原因, 本人の数 …), which are
// written on the timeline like every other fact. A notice whose facts are
// missing lists them with where to fill them — never blanks posing as a
// finished notice.
//
// Template format (core/data_lines.h): one line per block,
//   title   | 表題 {{key}}
//   heading | 見出し
//   para    | 本文 {{key}} …
//   field   | 欄の名前 | {{key}}          (a labelled field: the PPC form's items, pasted one by
//   one) list    | timeline / actions / systems (a list the record makes)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident_view.h"
#include "core/problem.h"

namespace medbcp::core {

enum class NoticeKind { PpcPrompt, PpcFinal, Person, Public, Door, Web, Phone, Police, Insurer };
const std::vector<NoticeKind>& all_notice_kinds();
const char* code(
    NoticeKind);  // ppc-prompt, ppc-final, person, public, door, web, phone, police, insurer
const char* label(NoticeKind);  // 個人情報保護委員会への速報 …
std::optional<NoticeKind> notice_kind_from_code(std::string_view);

// The items of the reports that the record cannot know; the 責任者 answers them.
struct ReportItem {
  std::string_view key;    // cause, affected_people …
  std::string_view label;  // 原因
  std::string_view hint;   // what to write
};
const std::vector<ReportItem>& report_items();
const ReportItem* find_report_item(std::string_view key);

// A report item's answer is a fact entry of the timeline with this payload;
// the latest (not withdrawn) answer of each key counts.
std::string report_item_payload(std::string_view key, std::string_view value);
std::map<std::string, std::string, std::less<>> report_answers(
    const std::vector<TimelineEntry>& timeline);

// The cost log (費用の記録) for the insurer: each cost a fact entry with
// {"cost": {"category", "amount", "note"}}; amounts in yen.
enum class CostCategory { Vendor, Equipment, Overtime, LostRevenue, Other };
const char* code(CostCategory);  // vendor, equipment, overtime, lost_revenue, other
const char* label(
    CostCategory);  // 業者の作業費, 機器・ソフトウェア, 時間外勤務, 減収の見込み, その他
std::optional<CostCategory> cost_category_from_code(std::string_view);
struct CostItem {
  CostCategory category = CostCategory::Other;
  std::int64_t amount = 0;  // yen
  std::string note;
  Instant at;
};
std::string cost_payload(const CostItem& item);
std::vector<CostItem> cost_log(const std::vector<TimelineEntry>& timeline);  // not withdrawn
// 「1,234,567円」
std::string format_yen(std::int64_t amount);

// A notice printed, sent, filed or posted is a note entry with this payload.
std::string notice_issued_payload(NoticeKind kind, std::string_view action);
// The first time each notice was issued, with how (提出, 送付, 掲示 …).
struct NoticeIssued {
  Instant at;
  std::string action;
};
std::map<NoticeKind, NoticeIssued> notices_issued(const std::vector<TimelineEntry>& timeline);

// Which notices this incident calls for now: the PPC's and the people's
// when personal data may have leaked; the door, website and telephone when
// care is reduced or suspended; the police and MHLW summary always; the
// insurer's when 別紙１ names an insurer.
std::vector<NoticeKind> notices_due(const IncidentView& view);

struct NoticeLine {
  enum class Type { Heading, Para, Field, List };
  Type type = Type::Para;
  std::string label;  // a field's name
  std::string text;   // with {{key}} placeholders; for a list, its name
};

struct NoticeTemplate {
  std::string title;
  std::vector<NoticeLine> lines;
};

struct NoticeTemplateParse {
  NoticeTemplate notice;
  Problems problems;  // field "notice", row = line
};
NoticeTemplateParse parse_notice_template(std::string_view text);

// Everything a template may name: the plan's, the record's and the
// answers' values (empty when unknown), and the lists the record makes.
struct NoticeFacts {
  std::map<std::string, std::string, std::less<>> values;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
};
NoticeFacts notice_facts(const IncidentView& view, Instant now);

struct MissingFact {
  std::string key;
  std::string label;  // 原因
  std::string where;  // where a person fills it
};

struct ComposedBlock {
  NoticeLine::Type type = NoticeLine::Type::Para;
  std::string label;
  std::string text;
  std::vector<std::string> items;  // a list
};

struct ComposedNotice {
  std::string title;
  std::vector<ComposedBlock> blocks;
  std::vector<MissingFact> missing;  // each once, in the order met
};

// Fills the template; an unknown placeholder or an empty value is missing
// and printed as 「（未記入：原因）」.
ComposedNotice compose_notice(const NoticeTemplate& notice, const NoticeFacts& facts);

}  // namespace medbcp::core
