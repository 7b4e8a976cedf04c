// The association's overview as people work with it: filtered to what they
// look for, sorted by what matters to them today, and taken away as a
// spreadsheet (CSV for any tool, XLSX to print) with exactly the rows and
// the order of the page.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/facility_readiness.h"

namespace medbcp::app {

struct OverviewQuery {
  std::string text;              // part of the code or the name ("" : every facility)
  bool needs_attention = false;  // only facilities with something to do
  // code, name, gaps, overdue, edition, published, acknowledged, kit,
  // incidents; anything else sorts by code.
  std::string sort = "code";
  bool descending = false;
};

// The sort keys OverviewQuery::sort accepts, with their Japanese column names.
struct OverviewColumn {
  const char* key;
  const char* label;
};
const std::vector<OverviewColumn>& overview_columns();

// Whether a facility has something to do: no plan, gaps, overdue checks,
// no published 版, staff who have not confirmed it, a kit missing or out of
// date, or an open incident.
bool needs_attention(const core::FacilityReadiness& r);
// The checklist's counts in a few words: 「はい 5・いいえ 2・未回答 12・根拠切れ 1」.
std::string checklist_text(const core::FacilityReadiness& r);

// The rows `query` asks for, in its order (ties by code).
std::vector<core::FacilityReadiness> apply_overview_query(std::vector<core::FacilityReadiness> rows,
                                                          const OverviewQuery& query);

// One page of `total` rows, `per_page` a page: `requested` (1-based, as
// the URL gives it; 0 or past the end: the nearest page) made valid, and
// the rows [from, to) it shows.
struct OverviewPage {
  std::size_t number = 1;
  std::size_t pages = 1;
  std::size_t from = 0;
  std::size_t to = 0;
};
OverviewPage overview_page(std::size_t total, std::size_t per_page, std::size_t requested);

// As CSV (UTF-8 with the BOM Excel needs) and as an XLSX workbook.
std::string overview_csv(const std::vector<core::FacilityReadiness>& rows);
std::string overview_xlsx(const std::vector<core::FacilityReadiness>& rows,
                          const core::Date& today);

}  // namespace medbcp::app
