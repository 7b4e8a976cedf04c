// 別紙１ 連絡体制図 as a figure: the security officer at the top, the internal
// contacts in their reports-to tree below, the external organisations grouped
// by category beside it. Plain data filled by the plan-document builder;
// contact_chart_layout.h places it on a page and the renderers draw it.
#pragma once

#include <string>
#include <vector>

namespace medbcp::doc {

// One box: a bold first line (role or organisation) and a few detail lines
// (name, phones). Empty fields arrive already as visible blanks (＿＿＿).
struct ChartBox {
  std::string title;
  std::vector<std::string> lines;
  bool highlight = false;  // 初報で必ず連絡する先: drawn with a heavier frame
};

struct ChartMember {
  ChartBox box;
  int parent = -1;  // index into ContactChart::internal; -1 = the officer
};

struct ChartGroup {
  std::string title;  // システム事業者, 警察, …
  std::vector<ChartBox> boxes;
};

struct ContactChart {
  ChartBox officer;
  std::vector<ChartMember> internal;
  std::vector<ChartGroup> external;

  int box_count() const;
};

}  // namespace medbcp::doc
