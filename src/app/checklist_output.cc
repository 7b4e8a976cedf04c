#include "app/checklist_output.h"

#include <nlohmann/json.hpp>

#include "doc/checklist_document.h"
#include "doc/pdf_renderer.h"
#include "doc/xlsx_renderer.h"

namespace medbcp::app {
namespace {

std::string answer_word(const ChecklistRow& row) {
  if (row.not_applicable) return "対象外";
  if (!row.effective) return "";
  return *row.effective ? "はい" : "いいえ";
}

}  // namespace

core::ChecklistSheet checklist_sheet(const ChecklistAssessment& a) {
  core::ChecklistSheet s;
  s.title = a.title;
  s.edition = a.edition;
  s.facility = a.facility;
  s.fiscal_year = core::fiscal_year_label(a.fiscal_year);
  for (const auto& row : a.rows) {
    core::ChecklistSheetLine line;
    line.id = row.item.id;
    line.section = row.item.section;
    line.target = row.item.target;
    line.text = row.item.text;
    line.answer = answer_word(row);
    if (row.answer) {
      line.checked_on = row.answer->checked_on.iso();
      if (row.answer->target_on) line.target_on = row.answer->target_on->iso();
      line.note = row.answer->note;
      if (row.lapsed)
        line.note += (line.note.empty() ? "" : "／") + std::string("根拠切れ: ") + row.proposal.why;
    } else if (row.proposal.answer) {
      line.note = "記録から: " + row.proposal.why;
    }
    s.lines.push_back(std::move(line));
  }
  for (const auto& row : a.bcp) {
    core::BcpSheetLine line{row.item.id, row.item.section, row.item.heading, row.item.text, "", ""};
    if (!row.coverage.answer) {
      line.state = "要確認";
    } else {
      line.state = *row.coverage.answer ? "記載あり" : "記載なし";
    }
    line.where = row.coverage.why;
    s.bcp.push_back(std::move(line));
  }
  return s;
}

std::string render_checklist(const Actor& actor, const ChecklistAssessment& assessment,
                             ChecklistFormat format) {
  require(actor, Permission::Export);
  const doc::Document d = doc::checklist_document(checklist_sheet(assessment));
  return format == ChecklistFormat::Pdf ? doc::render_pdf(d) : doc::render_xlsx(d);
}

std::string checklist_json(const ChecklistAssessment& a) {
  using nlohmann::json;
  json items = json::array();
  for (const auto& row : a.rows) {
    json item = {{"id", row.item.id},
                 {"section", row.item.section},
                 {"target_kind", row.item.target},
                 {"text", row.item.text},
                 {"answer", nullptr},
                 {"source", nullptr},
                 {"checked_on", nullptr},
                 {"target", nullptr},
                 {"evidence", row.answer ? row.answer->evidence : std::string()},
                 {"note", row.answer ? row.answer->note : std::string()},
                 {"reason", row.proposal.why},
                 {"lapsed", row.lapsed},
                 {"target_passed", row.target_passed},
                 {"not_applicable", row.not_applicable},
                 {"unconfirmed_wording", row.item.unconfirmed}};
    if (row.effective && !row.not_applicable) {
      item["answer"] = *row.effective ? "yes" : "no";
      item["source"] = row.answered_by_person ? "manual" : "auto";
    }
    if (row.answer) {
      item["checked_on"] = row.answer->checked_on.iso();
      if (row.answer->target_on) item["target"] = row.answer->target_on->iso();
      item["answered_by"] = row.answer->answered_by;
    }
    if (row.last_year) item["last_year"] = row.last_year->yes ? "yes" : "no";
    items.push_back(std::move(item));
  }
  json bcp = json::array();
  for (const auto& row : a.bcp) {
    json item = {{"id", row.item.id},
                 {"text", row.item.text},
                 {"covered", nullptr},
                 {"where", row.coverage.why}};
    if (row.coverage.answer) item["covered"] = *row.coverage.answer;
    bcp.push_back(std::move(item));
  }
  json out = {{"edition", a.edition},
              {"fiscal_year", a.fiscal_year},
              {"fiscal_year_label", core::fiscal_year_label(a.fiscal_year)},
              {"facility", a.facility},
              {"counts",
               {{"yes", a.yes},
                {"no", a.no},
                {"unanswered", a.unanswered},
                {"lapsed", a.lapsed},
                {"target_passed", a.target_passed}}},
              {"items", items},
              {"bcp", bcp}};
  return out.dump(2);
}

}  // namespace medbcp::app
