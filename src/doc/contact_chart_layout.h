// Places 別紙１ 連絡体制図 on a page: the officer's box at the top, the
// internal contacts as an org chart below it (departments side by side, their
// people stacked and indented), the external organisations in columns at the
// side grouped under their category. It tries the arrangements that could fit
// and keeps the one that needs the least shrinking, so up to ~30 contacts stay
// legible on one A4 page. Renderers (SVG, Cairo) only draw what it returns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "doc/contact_chart.h"

namespace medbcp::doc {

struct Point {
  double x = 0, y = 0;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

struct PlacedBox {
  enum class Role { Officer, Internal, External };
  Role role = Role::Internal;
  Rect rect;
  bool highlight = false;
  std::vector<std::string> title;  // one or two lines, fitted to the box (… when cut)
  std::vector<std::string> lines;  // fitted to the box
};

struct PlacedLabel {
  enum class Role { GroupTitle, ExternalHeader, Legend };
  Role role = Role::GroupTitle;
  Rect rect;
  std::string text;
};

struct Connector {
  std::vector<Point> points;  // a polyline
  bool dashed = false;        // officer → external organisations
};

struct ChartLayout {
  double width = 0, height = 0;  // the drawing's extent, origin top-left
  double font_size = 8;          // points, for every text line
  double line_height = 11;
  double padding = 5;      // inside boxes, left of text
  double title_band = 14;  // height of a one-line title band
  double title_line = 10;  // added to the band per further title line
  double stroke = 0.8;     // line width
  std::vector<PlacedBox> boxes;
  std::vector<PlacedLabel> labels;
  std::vector<Connector> connectors;
};

// Lays the chart out to fit within width × height (points).
ChartLayout layout_contact_chart(const ContactChart& chart, double width, double height);

// Width of UTF-8 text in a CJK font at `font_size`: full-width characters
// take 1 em, ASCII about 0.6 em. Good enough to fit lines into boxes the
// same way in every renderer.
double estimate_text_width(std::string_view text, double font_size);
// `text` cut with "…" so it fits `width`.
std::string fit_text(std::string_view text, double font_size, double width);
// `text` broken into at most `max_lines` lines of `width`, the last cut with "…".
std::vector<std::string> wrap_text(std::string_view text, double font_size, double width,
                                   int max_lines);
// Height of a box's title band for `lines` title lines.
double title_band_height(const ChartLayout& layout, std::size_t lines);

}  // namespace medbcp::doc
