#include "app/checklist_service.h"

#include <algorithm>
#include <stdexcept>

#include "app/data_file.h"
#include "app/drills.h"
#include "app/embedded_checklists.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "app/reminders.h"
#include "core/text.h"
#include "core/wareki.h"
#include "store/checklist_store.h"

namespace medbcp::app {
namespace {

core::Problem problem(std::string field, std::string message) {
  return core::Problem{std::move(field), 0, std::move(message)};
}

// The latest answer per item, in a 年度.
std::map<std::string, core::ChecklistAnswer> latest_answers(store::Database& db, int year) {
  std::map<std::string, core::ChecklistAnswer> out;
  for (auto& a : store::list_checklist_answers(db, year)) out[a.item_id] = std::move(a);
  return out;
}

}  // namespace

const core::Checklist& default_checklist() {
  // Read on first use: every reminder list, dashboard and overview count
  // asks for it, and the compiled-in text never changes.
  static const core::Checklist newest_edition = [] {
    // The newest edition: the files are named so that a later one sorts last.
    const core::EmbeddedFile* newest = nullptr;
    for (const auto& f : embedded_checklists()) {
      if (!f.path.ends_with(".txt")) continue;
      if (newest == nullptr || f.path > newest->path) newest = &f;
    }
    if (newest == nullptr) throw std::logic_error("no checklist compiled in");
    auto parsed = core::parse_checklist(newest->bytes);
    if (!parsed.problems.empty()) {
      throw std::logic_error("the compiled-in checklist does not read: " +
                             parsed.problems.front().message);
    }
    return std::move(parsed.checklist);
  }();
  return newest_edition;
}

core::ChecklistParse read_checklist_file(const std::string& path) {
  const auto text = read_data_file(path);
  if (!text) {
    core::ChecklistParse failed;
    failed.problems.push_back(
        problem("checklist", "チェックリストのファイルを開けません: " + path));
    return failed;
  }
  return core::parse_checklist(*text);
}

ChecklistAssessment assess_checklist(Workspace& ws, const Actor& actor,
                                     const core::Checklist& checklist, const core::Date& today,
                                     std::optional<int> fiscal_year) {
  require(actor, Permission::ReadPlan);
  return assess_checklist(ws, checklist, today, fiscal_year.value_or(core::fiscal_year_of(today)),
                          plan_reminders(ws, today));
}

ChecklistAssessment assess_checklist(Workspace& ws, const core::Checklist& checklist,
                                     const core::Date& today, int fiscal_year,
                                     std::vector<core::Reminder> plan_reminders) {
  ChecklistAssessment out;
  out.edition = checklist.edition;
  out.title = checklist.title;
  out.fiscal_year = fiscal_year;
  const core::Plan plan = has_plan(ws) ? load_plan(ws) : core::Plan{};
  out.facility = plan.facility.name;
  core::ChecklistFacts facts;
  facts.reminders = std::move(plan_reminders);
  facts.plan_published = current_version(ws).has_value();
  facts.last_drill = last_drill_day(ws);
  for (const auto& item : checklist.items) {
    if (item.evidence != core::EvidenceRule::RemoteMaintenance) continue;
    for (const auto& a : store::list_vendor_answers(ws.db(), fiscal_year)) {
      if (a.item_id == item.id) facts.vendor_remote_answers[a.vendor_name] = a.yes;
    }
  }
  const auto answers = latest_answers(ws.db(), fiscal_year);
  const auto last_year = latest_answers(ws.db(), fiscal_year - 1);

  bool gate_closed = false;  // いいえ to 「医療情報システムを導入、運用している」
  for (const auto& item : checklist.items) {
    ChecklistRow row;
    row.item = item;
    row.proposal = core::propose(item.evidence, plan, facts);
    if (auto a = answers.find(item.id); a != answers.end()) row.answer = a->second;
    if (auto a = last_year.find(item.id); a != last_year.end()) row.last_year = a->second;
    row.not_applicable = gate_closed && !item.gate;
    if (row.answer) {
      row.effective = row.answer->yes;
      row.answered_by_person = true;
      row.lapsed = row.answer->yes && row.proposal.answer == false;
      row.target_passed =
          !row.answer->yes && row.answer->target_on && *row.answer->target_on < today;
    } else {
      row.effective = row.proposal.answer;
    }
    if (item.gate && row.effective == false) gate_closed = true;
    if (!row.not_applicable) {
      if (!row.effective) {
        ++out.unanswered;
      } else if (*row.effective) {
        ++out.yes;
      } else {
        ++out.no;
      }
      out.lapsed += row.lapsed ? 1 : 0;
      out.target_passed += row.target_passed ? 1 : 0;
    }
    out.rows.push_back(std::move(row));
  }
  for (const auto& item : checklist.bcp_items) {
    out.bcp.push_back(BcpRow{item, core::propose(item.evidence, plan, facts)});
  }
  return out;
}

core::Problems answer_checklist_item(Workspace& ws, const Actor& actor,
                                     const core::Checklist& checklist,
                                     const ChecklistAnswerRequest& request, const core::Date& today,
                                     core::Instant now) {
  require(actor, Permission::EditPlan);
  core::Problems problems;
  const std::string id = core::trim(core::nfkc(request.item_id));
  const core::ChecklistItem* item = checklist.find(id);
  if (item == nullptr) {
    problems.push_back(problem("item", "項目「" + request.item_id + "」は" + checklist.edition +
                                           "のチェックリストにありません（例 1-1、2-7）。"));
    return problems;
  }
  const core::Date checked_on = request.checked_on.value_or(today);
  if (checked_on > today) {
    problems.push_back(problem(
        "checked_on", "確認日が未来の日付（" + core::format_wareki(checked_on) + "）です。"));
  }
  if (!request.yes && !request.target_on) {
    problems.push_back(
        problem("target_on", "「いいえ」の項目には、対応する目標日が必要です（例 2027-03-31）。"));
  }
  if (!request.yes && request.target_on && *request.target_on < checked_on) {
    problems.push_back(problem("target_on", "目標日が確認日より前です。"));
  }
  if (!problems.empty()) return problems;

  // The proposal as of now is kept beside the answer, so an override shows.
  const auto assessment = assess_checklist(ws, actor, checklist, today);
  core::ChecklistAnswer a;
  a.fiscal_year = core::fiscal_year_of(checked_on);
  a.edition = checklist.edition;
  a.item_id = id;
  a.yes = request.yes;
  a.checked_on = checked_on;
  if (!request.yes) a.target_on = request.target_on;
  a.note = core::trim(request.note);
  a.evidence = core::trim(request.evidence);
  for (const auto& row : assessment.rows) {
    if (row.item.id != id) continue;
    a.proposed = row.proposal.answer;
    a.proposal_reason = row.proposal.why;
  }
  a.answered_by = actor.name;
  a.answered_at = now;
  store::insert_checklist_answer(ws.db(), a);
  return {};
}

std::vector<core::Reminder> checklist_reminders(const ChecklistAssessment& assessment,
                                                const core::Date& today, int due_soon_days) {
  std::vector<core::Reminder> out;
  for (const auto& row : assessment.rows) {
    if (row.not_applicable) continue;
    const std::string field = "checklist:" + row.item.id;
    const std::string subject = row.item.id + " " + row.item.text;
    if (row.lapsed) {
      out.push_back({core::ReminderKind::ChecklistLapsed, core::Urgency::Overdue, subject,
                     "「はい」と回答しましたが、記録では満たしていません: " + row.proposal.why,
                     std::nullopt, field});
    }
    if (row.answer && !row.answer->yes && row.answer->target_on) {
      const core::Date& target = *row.answer->target_on;
      if (target < today) {
        out.push_back({core::ReminderKind::ChecklistNo, core::Urgency::Overdue, subject,
                       "「いいえ」の目標日（" + core::format_wareki(target) + "）を過ぎています。",
                       target, field});
      } else if (core::days_between(today, target) <= due_soon_days) {
        out.push_back(
            {core::ReminderKind::ChecklistNo, core::Urgency::DueSoon, subject,
             "「いいえ」の目標日（" + core::format_wareki(target) + "）が近づいています。", target,
             field});
      }
    }
  }
  return out;
}

std::vector<core::Reminder> bcp_gaps(const ChecklistAssessment& assessment) {
  std::vector<core::Reminder> out;
  for (const auto& row : assessment.bcp) {
    if (row.coverage.answer != false) continue;
    out.push_back({core::ReminderKind::BcpNotCovered, core::Urgency::Overdue,
                   row.item.id + " " + row.item.text, row.coverage.why, std::nullopt,
                   "bcp:" + row.item.id});
  }
  return out;
}

}  // namespace medbcp::app
