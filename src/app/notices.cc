#include "app/notices.h"

#include <algorithm>
#include <filesystem>

#include "app/audit.h"
#include "app/data_file.h"
#include "app/embedded_notices.h"
#include "core/text.h"
#include "doc/docx_renderer.h"
#include "doc/html_renderer.h"
#include "doc/notice_documents.h"
#include "doc/pdf_renderer.h"

namespace medbcp::app {
namespace {

core::Problems one(std::string field, std::string message) {
  return {core::Problem{std::move(field), 0, std::move(message)}};
}

}  // namespace

core::NoticeTemplateParse notice_template(core::NoticeKind kind, const std::string& dir) {
  const std::string file = std::string(core::code(kind)) + ".txt";
  if (!dir.empty()) {
    if (const auto text = read_data_file((std::filesystem::path(dir) / file).string())) {
      return core::parse_notice_template(*text);
    }
  }
  for (const auto& f : embedded_notices()) {
    if (f.path == file) return core::parse_notice_template(f.bytes);
  }
  core::NoticeTemplateParse missing;
  missing.problems = one("notice", "お知らせのひな形 " + file + " がありません。");
  return missing;
}

std::optional<NoticeFormat> notice_format_from_code(std::string_view text) {
  if (text == "pdf") return NoticeFormat::Pdf;
  if (text == "docx") return NoticeFormat::Docx;
  if (text == "html") return NoticeFormat::Html;
  if (text == "txt") return NoticeFormat::Text;
  return std::nullopt;
}

NoticeFile make_notice(Workspace& ws, const Actor& actor, core::IncidentId id,
                       core::NoticeKind kind, NoticeFormat format, bool draft, core::Instant now,
                       const std::string& templates_dir) {
  require(actor, Permission::Export);
  NoticeFile out;
  const auto parsed = notice_template(kind, templates_dir);
  if (!parsed.problems.empty()) {
    out.problems = parsed.problems;
    return out;
  }
  const IncidentView view = load_incident_view(ws, actor, id, now);
  const core::ComposedNotice notice =
      core::compose_notice(parsed.notice, core::notice_facts(view, now));
  if (!notice.missing.empty() && !draft) {
    for (const auto& m : notice.missing) {
      out.problems.push_back(
          {m.key, 0, "「" + m.label + "」がまだありません。入力する場所: " + m.where});
    }
    return out;
  }
  const std::string base = std::string(view.incident.drill ? "drill-" : "incident-") +
                           std::to_string(id.value) + "-" + core::code(kind);
  const doc::Document document = doc::notice_document(kind, notice, view.plan.facility.name);
  switch (format) {
    case NoticeFormat::Pdf:
      out.name = base + ".pdf";
      out.bytes =
          kind == core::NoticeKind::Door ? doc::large_print_pdf(notice) : doc::render_pdf(document);
      out.mime_type = "application/pdf";
      break;
    case NoticeFormat::Docx:
      out.name = base + ".docx";
      out.bytes = doc::render_docx(document);
      out.mime_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      break;
    case NoticeFormat::Html:
      out.name = base + ".html";
      out.bytes = doc::render_html(document);
      out.mime_type = "text/html; charset=utf-8";
      break;
    case NoticeFormat::Text:
      out.name = base + ".txt";
      out.bytes = doc::notice_text(notice);
      out.mime_type = "text/plain; charset=utf-8";
      break;
  }
  audit_export(ws, actor, out.name,
               std::string(core::label(kind)) + "（インシデント No." + std::to_string(id.value) +
                   (notice.missing.empty() ? "）" : "、下書き）"));
  return out;
}

AppendResult answer_report_item(Workspace& ws, const Actor& actor, core::IncidentId id,
                                const std::string& key, const std::string& value,
                                core::Instant now) {
  require(actor, Permission::ManageIncident);
  AppendResult r;
  const auto* item = core::find_report_item(key);
  if (item == nullptr) {
    std::string keys;
    for (const auto& i : core::report_items())
      keys += (keys.empty() ? "" : ", ") + std::string(i.key);
    r.problems = one("key", "報告事項「" + key + "」はありません（" + keys + "）。");
    return r;
  }
  const std::string text = core::trim(value);
  if (text.empty()) {
    r.problems = one(key, "「" + std::string(item->label) + "」の内容を入力してください。");
    return r;
  }
  return append_structured(ws, actor, id, core::EntryKind::Fact,
                           "報告事項「" + std::string(item->label) + "」: " + text,
                           core::report_item_payload(key, text), std::nullopt, now);
}

AppendResult record_notice_issued(Workspace& ws, const Actor& actor, core::IncidentId id,
                                  core::NoticeKind kind, const std::string& action,
                                  std::optional<core::Instant> at, core::Instant now) {
  require(actor, Permission::ManageIncident);
  const std::string how = core::trim(action).empty() ? "提出・送付" : core::trim(action);
  return append_structured(ws, actor, id, core::EntryKind::Note,
                           "届出・お知らせ: " + std::string(core::label(kind)) + "を" + how,
                           core::notice_issued_payload(kind, how), at, now);
}

AppendResult record_cost(Workspace& ws, const Actor& actor, core::IncidentId id,
                         const core::CostItem& item, core::Instant now) {
  require(actor, Permission::ManageIncident);
  AppendResult r;
  if (item.amount <= 0 || item.amount > std::int64_t{10'000'000'000}) {
    r.problems = one("amount", "金額を1円以上（100億円まで）の整数で入力してください。");
    return r;
  }
  core::CostItem clean = item;
  clean.note = core::trim(item.note);
  return append_structured(ws, actor, id, core::EntryKind::Fact,
                           "費用の記録: " + std::string(core::label(clean.category)) + " " +
                               core::format_yen(clean.amount) +
                               (clean.note.empty() ? "" : "（" + clean.note + "）"),
                           core::cost_payload(clean), std::nullopt, now);
}

std::vector<NoticeStatus> notice_statuses(const IncidentView& view, core::Instant now,
                                          const std::string& templates_dir) {
  const auto due = core::notices_due(view);
  const auto issued = core::notices_issued(view.timeline);
  const auto facts = core::notice_facts(view, now);
  std::vector<NoticeStatus> out;
  for (const auto kind : core::all_notice_kinds()) {
    NoticeStatus s;
    s.kind = kind;
    s.due = std::find(due.begin(), due.end(), kind) != due.end();
    if (auto it = issued.find(kind); it != issued.end()) s.issued = it->second;
    const auto parsed = notice_template(kind, templates_dir);
    if (parsed.problems.empty()) s.missing = core::compose_notice(parsed.notice, facts).missing;
    out.push_back(std::move(s));
  }
  std::stable_partition(out.begin(), out.end(), [](const NoticeStatus& s) { return s.due; });
  return out;
}

}  // namespace medbcp::app
