#include "app/checklist_vendor.h"

#include <array>
#include <map>

#include "app/plan_service.h"
#include "core/text.h"
#include "core/wareki.h"
#include "doc/checklist_document.h"
#include "doc/pdf_renderer.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"
#include "store/checklist_store.h"
#include "store/database.h"

namespace medbcp::app {
namespace {

// The sheet's columns: what the vendor fills first, then who it is for
// (checked on the way back, so a sheet of another clinic, edition or vendor
// is refused).
constexpr std::array<const char*, 11> kHeaders = {
    "ID",         "項目", "対象",  "回答（はい／いいえ）", "確認日", "目標日", "備考", "事業者",
    "事業者番号", "施設", "年度版"};
enum Column {
  Id,
  Text,
  Target,
  Answer,
  Checked,
  Goal,
  Note,
  Vendor,
  VendorCode,
  Facility,
  Edition
};

bool is_vendor(const core::ExternalContact& c) {
  return c.category == core::ExternalCategory::SystemVendor ||
         c.category == core::ExternalCategory::Maintenance;
}

std::string vendor_code(std::int64_t id) { return std::string("e").append(std::to_string(id)); }

std::string at(const std::vector<std::string>& row, Column c) {
  return static_cast<std::size_t>(c) < row.size() ? core::trim(row[c]) : std::string();
}

std::optional<core::Date> date_of(const std::string& text) {
  if (auto d = core::Date::parse(text)) return d;
  return core::parse_wareki(text);
}

}  // namespace

std::vector<VendorSheet> vendor_sheets(Workspace& ws, const Actor& actor,
                                       const core::Checklist& checklist, const core::Date& today,
                                       std::optional<std::int64_t> only) {
  require(actor, Permission::Export);
  const core::Plan plan = load_plan(ws);
  std::vector<VendorSheet> out;
  for (const auto& c : plan.external_contacts) {
    if (!is_vendor(c) || (only && c.id.value != *only)) continue;
    io::XlsxTable t;
    t.sheet_name = "事業者確認用";
    t.print_header = checklist.title + "（事業者確認用）" +
                     core::fiscal_year_label(core::fiscal_year_of(today)) + "　" + c.organization;
    const std::array<double, kHeaders.size()> widths = {6, 60, 18, 12, 12, 12, 30, 24, 10, 20, 12};
    for (std::size_t i = 0; i < kHeaders.size(); ++i) t.columns.push_back({kHeaders[i], widths[i]});
    core::ChecklistSheet printed;
    printed.title = checklist.title;
    printed.edition = checklist.edition;
    printed.facility = plan.facility.name;
    printed.fiscal_year = core::fiscal_year_label(core::fiscal_year_of(today));
    printed.vendor = c.organization;
    for (const auto& item : checklist.items) {
      if (!item.vendor) continue;
      printed.lines.push_back({item.id, item.section, item.target, item.text, "", "", "", ""});
      std::vector<io::XlsxCell> row(kHeaders.size());
      row[Id] = item.id;
      row[Text] = item.text;
      row[Target] = item.target;
      row[Vendor] = c.organization;
      row[VendorCode] = vendor_code(c.id.value);
      row[Facility] = plan.facility.name;
      row[Edition] = checklist.edition;
      t.rows.push_back(std::move(row));
    }
    const std::string stem = "事業者確認用-" + vendor_code(c.id.value);
    out.push_back({c.id.value, c.organization, stem + ".xlsx", io::xlsx_bytes(t), stem + ".pdf",
                   doc::render_pdf(doc::checklist_document(printed))});
  }
  return out;
}

VendorImport import_vendor_sheet(Workspace& ws, const Actor& actor,
                                 const core::Checklist& checklist, std::string_view xlsx,
                                 const core::Date& today, core::Instant now) {
  require(actor, Permission::EditPlan);
  VendorImport out;
  auto fail = [&](int row, const std::string& message) {
    out.problems.push_back(
        core::Problem{"file", 0, row > 0 ? std::to_string(row) + "行目: " + message : message});
  };
  if (!io::looks_like_xlsx(xlsx)) {
    fail(0,
         "XLSX（Excel）のファイルではありません。送った事業者確認用のファイルを選んでください。");
    return out;
  }
  io::XlsxSheet sheet;
  try {
    sheet = io::read_xlsx(xlsx);
  } catch (const io::XlsxError& e) {
    fail(0, std::string("ファイルを読めません: ") + e.what());
    return out;
  }
  if (sheet.rows.empty()) {
    fail(1, "見出しがありません。");
    return out;
  }
  for (std::size_t c = 0; c < kHeaders.size(); ++c) {
    const std::string got = c < sheet.rows[0].size() ? core::trim(sheet.rows[0][c]) : "";
    if (got != kHeaders[c]) {
      fail(1, "見出しが事業者確認用のものではありません（" + std::to_string(c + 1) + "列目が「" +
                  got + "」、本来は「" + kHeaders[c] + "」）。");
      return out;
    }
  }
  const core::Plan plan = load_plan(ws);
  std::optional<std::int64_t> vendor;
  std::vector<core::VendorChecklistAnswer> rows;
  for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
    const auto& cells = sheet.rows[r];
    const int line = static_cast<int>(r + 1);
    if (cells.empty()) continue;
    if (at(cells, Facility) != plan.facility.name) {
      fail(line, "別の施設（" + at(cells, Facility) + "）のファイルです。");
      continue;
    }
    if (at(cells, Edition) != checklist.edition) {
      fail(line, "チェックリストの版が違います（" + at(cells, Edition) + "、いまは " +
                     checklist.edition + "）。");
      continue;
    }
    const std::string code = at(cells, VendorCode);
    const core::ExternalContact* contact = nullptr;
    for (const auto& c : plan.external_contacts) {
      if (is_vendor(c) && vendor_code(c.id.value) == code) contact = &c;
    }
    if (contact == nullptr) {
      fail(line, "事業者番号「" + code + "」は別紙１の事業者にありません。");
      continue;
    }
    if (vendor && *vendor != contact->id.value) {
      fail(line, "一つのファイルに複数の事業者の行があります。");
      continue;
    }
    vendor = contact->id.value;
    const std::string id = core::trim(core::nfkc(at(cells, Id)));
    const core::ChecklistItem* item = checklist.find(id);
    if (item == nullptr || !item->vendor) {
      fail(line, "項目「" + id + "」は事業者確認用にありません。");
      continue;
    }
    const std::string answer = core::nfkc(at(cells, Answer));
    if (answer.empty()) continue;  // not answered: the clinic asks again
    core::VendorChecklistAnswer a;
    if (answer == "はい" || answer == "yes" || answer == "○") {
      a.yes = true;
    } else if (answer == "いいえ" || answer == "no" || answer == "×") {
      a.yes = false;
    } else {
      fail(line, "回答「" + answer + "」は「はい」か「いいえ」で書いてください。");
      continue;
    }
    bool dates_ok = true;
    for (auto [column, target, label] :
         {std::tuple{Checked, &a.checked_on, "確認日"}, std::tuple{Goal, &a.target_on, "目標日"}}) {
      const std::string text = at(cells, column);
      if (text.empty()) continue;
      *target = date_of(text);
      if (!*target) {
        fail(line, std::string(label) + "「" + text + "」を読めません（例 2027-03-31）。");
        dates_ok = false;
      }
    }
    if (!dates_ok) continue;
    if (!a.yes && !a.target_on) {
      fail(line, "「いいえ」の項目には目標日が必要です。");
      continue;
    }
    a.fiscal_year = core::fiscal_year_of(today);
    a.edition = checklist.edition;
    a.vendor_id = contact->id.value;
    a.vendor_name = contact->organization;
    a.item_id = id;
    a.note = at(cells, Note);
    a.imported_at = now;
    a.imported_by = actor.name;
    out.vendor_name = contact->organization;
    rows.push_back(std::move(a));
  }
  if (out.problems.empty() && rows.empty()) fail(0, "回答のある行が一つもありません。");
  if (!out.problems.empty()) return out;
  store::Transaction tx(ws.db());
  store::insert_vendor_answers(ws.db(), rows);
  tx.commit();
  out.answered = static_cast<int>(rows.size());
  return out;
}

std::vector<VendorStatus> vendor_statuses(Workspace& ws, const Actor& actor,
                                          const core::Date& today) {
  require(actor, Permission::ReadPlan);
  const core::Plan plan = has_plan(ws) ? load_plan(ws) : core::Plan{};
  std::map<std::int64_t, std::map<std::string, core::VendorChecklistAnswer>> latest;
  for (auto& a : store::list_vendor_answers(ws.db(), core::fiscal_year_of(today))) {
    latest[a.vendor_id][a.item_id] = std::move(a);
  }
  std::vector<VendorStatus> out;
  for (const auto& c : plan.external_contacts) {
    if (!is_vendor(c)) continue;
    VendorStatus s;
    s.vendor_id = c.id.value;
    s.vendor_name = c.organization;
    for (auto& [id, a] : latest[c.id.value]) {
      s.no += a.yes ? 0 : 1;
      if (!s.imported_at || s.imported_at->seconds < a.imported_at.seconds)
        s.imported_at = a.imported_at;
      s.answers.push_back(a);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace medbcp::app
