#include "store/checklist_store.h"

namespace medbcp::store {
namespace {

std::string yes_no(bool yes) { return yes ? "yes" : "no"; }

}  // namespace

std::int64_t insert_checklist_answer(Database& db, const core::ChecklistAnswer& a) {
  auto stmt = db.prepare(
      "INSERT INTO checklist_answers (fiscal_year, edition, item_id, answer, checked_on, "
      "target_on, note, evidence, proposed, proposal_reason, answered_by, answered_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  stmt->bind(1, a.fiscal_year)
      .bind(2, a.edition)
      .bind(3, a.item_id)
      .bind(4, yes_no(a.yes))
      .bind(5, a.checked_on.iso())
      .bind(6, a.target_on ? a.target_on->iso() : std::string())
      .bind(7, a.note)
      .bind(8, a.evidence)
      .bind(9, a.proposed ? yes_no(*a.proposed) : std::string())
      .bind(10, a.proposal_reason)
      .bind(11, a.answered_by)
      .bind(12, a.answered_at.seconds);
  return stmt->run_returning_id();
}

std::vector<core::ChecklistAnswer> list_checklist_answers(Database& db, int fiscal_year) {
  auto stmt = db.prepare(
      "SELECT id, fiscal_year, edition, item_id, answer, checked_on, target_on, note, evidence, "
      "proposed, proposal_reason, answered_by, answered_at FROM checklist_answers "
      "WHERE fiscal_year = ? ORDER BY id");
  stmt->bind(1, fiscal_year);
  std::vector<core::ChecklistAnswer> out;
  while (stmt->step()) {
    core::ChecklistAnswer a;
    a.id = stmt->integer(0);
    a.fiscal_year = static_cast<int>(stmt->integer(1));
    a.edition = stmt->text(2);
    a.item_id = stmt->text(3);
    a.yes = stmt->text(4) == "yes";
    a.checked_on = core::Date::parse(stmt->text(5)).value_or(core::Date{});
    a.target_on = core::Date::parse(stmt->text(6));
    a.note = stmt->text(7);
    a.evidence = stmt->text(8);
    if (const std::string p = stmt->text(9); !p.empty()) a.proposed = p == "yes";
    a.proposal_reason = stmt->text(10);
    a.answered_by = stmt->text(11);
    a.answered_at = core::Instant{stmt->integer(12)};
    out.push_back(std::move(a));
  }
  return out;
}

void insert_vendor_answers(Database& db, const std::vector<core::VendorChecklistAnswer>& rows) {
  auto stmt = db.prepare(
      "INSERT INTO vendor_checklist_answers (fiscal_year, edition, vendor_id, vendor_name, "
      "item_id, answer, checked_on, target_on, note, imported_at, imported_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& a : rows) {
    stmt->reset();
    stmt->bind(1, a.fiscal_year)
        .bind(2, a.edition)
        .bind(3, a.vendor_id)
        .bind(4, a.vendor_name)
        .bind(5, a.item_id)
        .bind(6, yes_no(a.yes))
        .bind(7, a.checked_on ? a.checked_on->iso() : std::string())
        .bind(8, a.target_on ? a.target_on->iso() : std::string())
        .bind(9, a.note)
        .bind(10, a.imported_at.seconds)
        .bind(11, a.imported_by)
        .run();
  }
}

std::vector<core::VendorChecklistAnswer> list_vendor_answers(Database& db, int fiscal_year) {
  auto stmt = db.prepare(
      "SELECT fiscal_year, edition, vendor_id, vendor_name, item_id, answer, checked_on, "
      "target_on, note, imported_at, imported_by FROM vendor_checklist_answers "
      "WHERE fiscal_year = ? ORDER BY id");
  stmt->bind(1, fiscal_year);
  std::vector<core::VendorChecklistAnswer> out;
  while (stmt->step()) {
    core::VendorChecklistAnswer a;
    a.fiscal_year = static_cast<int>(stmt->integer(0));
    a.edition = stmt->text(1);
    a.vendor_id = stmt->integer(2);
    a.vendor_name = stmt->text(3);
    a.item_id = stmt->text(4);
    a.yes = stmt->text(5) == "yes";
    a.checked_on = core::Date::parse(stmt->text(6));
    a.target_on = core::Date::parse(stmt->text(7));
    a.note = stmt->text(8);
    a.imported_at = core::Instant{stmt->integer(9)};
    a.imported_by = stmt->text(10);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<int> checklist_years(Database& db) {
  auto stmt =
      db.prepare("SELECT DISTINCT fiscal_year FROM checklist_answers ORDER BY fiscal_year DESC");
  std::vector<int> out;
  while (stmt->step()) out.push_back(static_cast<int>(stmt->integer(0)));
  return out;
}

}  // namespace medbcp::store
