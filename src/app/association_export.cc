#include "app/association_export.h"

#include <algorithm>
#include <tuple>

#include "core/spreadsheet_safe.h"
#include "core/text.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace medbcp::app {
namespace {

std::string edition_text(const core::FacilityReadiness& r) {
  if (!r.edition) return "未発行";
  return std::string("第").append(std::to_string(*r.edition)).append("版");
}

}  // namespace

std::string checklist_text(const core::FacilityReadiness& r) {
  std::string out = "はい " + std::to_string(r.checklist_yes) + "・いいえ " +
                    std::to_string(r.checklist_no) + "・未回答 " +
                    std::to_string(r.checklist_unanswered);
  if (r.checklist_lapsed > 0) out += "・根拠切れ " + std::to_string(r.checklist_lapsed);
  if (r.checklist_target_passed > 0)
    out += "・目標日超過 " + std::to_string(r.checklist_target_passed);
  return out;
}

namespace {

std::string since_text(const core::FacilityReadiness& r) {
  return r.open_since ? r.open_since->tokyo_text() : std::string();
}

// The cells of a row, in the order of overview_headers(); numbers as text
// so that CSV and XLSX show the same thing.
std::vector<std::string> cells(const core::FacilityReadiness& r) {
  return {r.code,
          r.name,
          r.has_plan ? "あり" : "なし",
          std::to_string(r.gaps),
          std::to_string(r.overdue),
          std::to_string(r.due_soon),
          edition_text(r),
          r.published_on ? r.published_on->iso() : std::string(),
          std::to_string(r.acknowledged),
          std::to_string(r.accounts),
          core::label(r.kit),
          std::to_string(r.open_incidents),
          since_text(r),
          checklist_text(r),
          r.last_drill ? r.last_drill->iso() : std::string(),
          needs_attention(r) ? "要対応" : "",
          r.computed_on.iso()};
}

const std::vector<io::XlsxColumn>& overview_headers() {
  static const std::vector<io::XlsxColumn> headers = {
      {"施設コード", 14},   {"施設名", 28},         {"計画", 6},
      {"不備", 6},          {"点検 期限切れ", 9},   {"点検 期限間近", 9},
      {"最新の版", 9},      {"発行日", 11},         {"確認済み", 8},
      {"利用者", 7},        {"キット", 8},          {"対応中のインシデント", 10},
      {"最も古い発生", 17}, {"チェックリスト", 30}, {"最後の訓練", 11},
      {"要対応", 8},        {"集計日", 11}};
  return headers;
}

// What a sort key compares; for "acknowledged", the share of the staff.
auto sort_value(const core::FacilityReadiness& r, const std::string& key) {
  double number = 0;
  std::string text;
  if (key == "name") {
    text = r.name;
  } else if (key == "gaps") {
    number = r.gaps;
  } else if (key == "overdue") {
    number = r.overdue * 1000.0 + r.due_soon;
  } else if (key == "edition") {
    number = r.edition.value_or(0);
  } else if (key == "published") {
    text = r.published_on ? r.published_on->iso() : std::string();
  } else if (key == "acknowledged") {
    number = r.accounts == 0 ? 0.0 : static_cast<double>(r.acknowledged) / r.accounts;
  } else if (key == "kit") {
    number = static_cast<int>(r.kit);
  } else if (key == "incidents") {
    number = r.open_incidents;
  } else if (key == "drill") {
    text = r.last_drill ? r.last_drill->iso() : std::string();
  } else if (key == "checklist") {
    number = (r.checklist_lapsed + r.checklist_target_passed) * 1000.0 + r.checklist_no +
             r.checklist_unanswered;
  } else {
    text = r.code;  // "code", and any key it does not know
  }
  return std::make_tuple(number, text);
}

}  // namespace

const std::vector<OverviewColumn>& overview_columns() {
  static const std::vector<OverviewColumn> columns = {{"code", "施設コード"},
                                                      {"name", "施設名"},
                                                      {"gaps", "不備"},
                                                      {"overdue", "点検"},
                                                      {"edition", "版"},
                                                      {"published", "発行日"},
                                                      {"acknowledged", "確認"},
                                                      {"kit", "キット"},
                                                      {"incidents", "インシデント"},
                                                      {"checklist", "チェックリスト"},
                                                      {"drill", "訓練"}};
  return columns;
}

bool needs_attention(const core::FacilityReadiness& r) {
  return !r.has_plan || r.gaps > 0 || r.overdue > 0 || !r.edition || r.acknowledged < r.accounts ||
         r.kit != core::KitState::Current || r.open_incidents > 0 || r.checklist_lapsed > 0 ||
         r.checklist_target_passed > 0;
}

std::vector<core::FacilityReadiness> apply_overview_query(std::vector<core::FacilityReadiness> rows,
                                                          const OverviewQuery& query) {
  // Typed as people type: full-width letters and capitals match the codes.
  std::string text = core::nfkc(core::trim(query.text));
  std::string lower = text;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::erase_if(rows, [&](const core::FacilityReadiness& r) {
    if (query.needs_attention && !needs_attention(r)) return true;
    if (text.empty()) return false;
    return r.code.find(lower) == std::string::npos && r.name.find(text) == std::string::npos;
  });
  const std::string key = query.sort;
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const core::FacilityReadiness& a, const core::FacilityReadiness& b) {
                     const auto va = sort_value(a, key);
                     const auto vb = sort_value(b, key);
                     if (va != vb) return query.descending ? vb < va : va < vb;
                     return a.code < b.code;
                   });
  return rows;
}

OverviewPage overview_page(std::size_t total, std::size_t per_page, std::size_t requested) {
  OverviewPage page;
  per_page = std::max<std::size_t>(per_page, 1);
  page.pages = std::max<std::size_t>((total + per_page - 1) / per_page, 1);
  page.number = std::clamp<std::size_t>(requested, 1, page.pages);
  page.from = std::min(total, (page.number - 1) * per_page);
  page.to = std::min(total, page.from + per_page);
  return page;
}

std::string overview_csv(const std::vector<core::FacilityReadiness>& rows) {
  io::CsvWriter csv;
  for (const auto& column : overview_headers()) csv.field(column.header);
  csv.end_record();
  for (const auto& r : rows) {
    // Names come from the clinics: a cell that starts like a formula is
    // written so that a spreadsheet shows it as text.
    for (const auto& cell : cells(r)) csv.field(core::spreadsheet_safe(cell));
    csv.end_record();
  }
  return "\xEF\xBB\xBF" + csv.take();
}

std::string overview_xlsx(const std::vector<core::FacilityReadiness>& rows,
                          const core::Date& today) {
  io::XlsxTable table;
  table.sheet_name = "施設一覧";
  table.print_header = std::string("会員施設の準備状況（").append(today.iso()).append(" 現在）");
  table.columns = overview_headers();
  for (const auto& r : rows) {
    std::vector<io::XlsxCell> row;
    for (auto& cell : cells(r)) row.emplace_back(std::move(cell));
    // Dates as Excel dates, so they sort as dates.
    row[7] = r.published_on ? io::XlsxCell(*r.published_on) : io::XlsxCell();
    row[14] = r.computed_on;
    table.rows.push_back(std::move(row));
  }
  return io::xlsx_bytes(table);
}

}  // namespace medbcp::app
