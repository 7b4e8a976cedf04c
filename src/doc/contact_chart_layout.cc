#include "doc/contact_chart_layout.h"

#include <algorithm>
#include <functional>

namespace medbcp::doc {
namespace {

// Sizes at scale 1 (points); the chosen arrangement is scaled to the page.
constexpr double kFont = 8;
constexpr double kLine = 11;
constexpr double kPad = 5;
constexpr double kTitleBand = 14;
constexpr double kTitleLine = 10.5;
constexpr double kBoxWidth = 132;
constexpr double kColumnGap = 14;
constexpr double kStackGap = 8;
constexpr double kIndent = 14;
constexpr double kBus = 14;          // root → bus → column top
constexpr double kSpineMargin = 10;  // left of the columns when rows wrap
constexpr double kRegionGap = 30;    // internal ↔ external
constexpr double kGroupTitle = 15;
constexpr double kGroupGap = 10;
constexpr double kHeader = 18;
constexpr double kMaxScale = 1.15;

// Decodes one UTF-8 code point at s[i]; advances i.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < len && i + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

double em_width(char32_t cp) {
  if (cp < 0x80) return 0.6;
  if (cp >= 0xFF61 && cp <= 0xFF9F) return 0.5;  // half-width katakana
  return 1.0;
}

// Titles are bold, and a synthetic bold face advances a little wider: they
// are fitted to 93% of the box.

// The officer's box is wider: its title is the longest (医療情報システム安全管理責任者).
constexpr double kOfficerWidth = kBoxWidth * 1.3;

std::size_t title_lines(const ChartBox& b, double box_width = kBoxWidth) {
  return wrap_text(b.title, kFont, (box_width - 2 * kPad) * 0.93, 2).size();
}

double box_height(const ChartBox& b, double box_width = kBoxWidth) {
  return kTitleBand + (title_lines(b, box_width) - 1) * kTitleLine + b.lines.size() * kLine + kPad +
         1;
}

PlacedBox place(const ChartBox& b, PlacedBox::Role role, double x, double y,
                double box_width = kBoxWidth) {
  PlacedBox p;
  p.role = role;
  p.rect = {x, y, box_width, box_height(b, box_width)};
  p.highlight = b.highlight;
  p.title = wrap_text(b.title, kFont, (box_width - 2 * kPad) * 0.93, 2);
  for (const std::string& l : b.lines) p.lines.push_back(fit_text(l, kFont, box_width - 2 * kPad));
  return p;
}

struct Column {
  std::vector<std::pair<int, int>> nodes;  // (internal index, depth)
  double width = kBoxWidth;
  double height = 0;
};

// One item of the external flow: a group title or a box.
struct FlowItem {
  int group;
  int box;  // -1 = the group's title
  double height;
};

// Greedy columns of at most `limit` height; returns the column of each item.
std::vector<int> flow(const std::vector<FlowItem>& items, double limit) {
  std::vector<int> column(items.size());
  int col = 0;
  double used = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    double h = items[i].height + (used > 0 ? kStackGap : 0);
    // A title must not end a column: it moves with its first box.
    if (items[i].box < 0 && i + 1 < items.size()) h += kStackGap + items[i + 1].height;
    if (used > 0 && used + h > limit) {
      ++col;
      used = 0;
      h = items[i].height;
      if (items[i].box < 0 && i + 1 < items.size()) h += kStackGap + items[i + 1].height;
    }
    column[i] = col;
    used += items[i].height + (used > 0 ? kStackGap : 0);
  }
  return column;
}

ChartLayout arrange(const ContactChart& chart, int max_columns, int external_columns) {
  ChartLayout out;
  out.font_size = kFont;
  out.line_height = kLine;
  out.padding = kPad;
  out.title_band = kTitleBand;
  out.title_line = kTitleLine;

  // Columns: each top-level member with its subtree, depth-first.
  std::vector<std::vector<int>> children(chart.internal.size());
  std::vector<int> tops;
  for (std::size_t i = 0; i < chart.internal.size(); ++i) {
    int p = chart.internal[i].parent;
    if (p >= 0 && p < static_cast<int>(chart.internal.size()))
      children[p].push_back(static_cast<int>(i));
    else
      tops.push_back(static_cast<int>(i));
  }
  std::vector<Column> columns;
  for (int top : tops) {
    Column c;
    std::function<void(int, int)> walk = [&](int node, int depth) {
      c.nodes.push_back({node, depth});
      c.width = std::max(c.width, kBoxWidth + depth * kIndent);
      for (int child : children[node]) walk(child, depth + 1);
    };
    walk(top, 0);
    for (auto [node, depth] : c.nodes) c.height += box_height(chart.internal[node].box);
    c.height += (c.nodes.size() - 1) * kStackGap;
    columns.push_back(std::move(c));
  }

  const bool wraps = static_cast<int>(columns.size()) > max_columns;
  const double left = wraps ? kSpineMargin : 0;
  // Rows of columns.
  std::vector<std::vector<int>> rows;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i % max_columns == 0) rows.emplace_back();
    rows.back().push_back(static_cast<int>(i));
  }
  double internal_width = kOfficerWidth;
  for (const auto& row : rows) {
    double w = 0;
    for (int c : row) w += columns[c].width + kColumnGap;
    internal_width = std::max(internal_width, left + w - kColumnGap);
  }
  const double officer_x = (internal_width - kOfficerWidth) / 2;
  PlacedBox officer =
      place(chart.officer, PlacedBox::Role::Officer, officer_x, kHeader / 2, kOfficerWidth);
  const double officer_cx = officer_x + kOfficerWidth / 2;
  const double officer_cy = officer.rect.y + std::min(officer.rect.h / 2, kTitleBand + kLine);
  const double officer_bottom = officer.rect.bottom();
  out.boxes.push_back(officer);

  double y = officer_bottom + 2 * kBus;
  double internal_bottom = officer_bottom;
  double last_bus = officer_bottom;
  for (const auto& row : rows) {
    double bus_y = y - kBus;
    double x = left;
    double row_height = 0;
    std::vector<double> centers;
    for (int ci : row) {
      const Column& col = columns[ci];
      std::vector<PlacedBox*> placed(chart.internal.size(), nullptr);
      std::size_t first = out.boxes.size();
      double cy = y;
      for (auto [node, depth] : col.nodes) {
        out.boxes.push_back(
            place(chart.internal[node].box, PlacedBox::Role::Internal, x + depth * kIndent, cy));
        cy += out.boxes.back().rect.h + kStackGap;
      }
      // Elbows from each parent down its left side to the child.
      for (std::size_t k = 0; k < col.nodes.size(); ++k)
        placed[col.nodes[k].first] = &out.boxes[first + k];
      for (std::size_t k = 1; k < col.nodes.size(); ++k) {
        int node = col.nodes[k].first;
        const PlacedBox* parent = placed[chart.internal[node].parent];
        const PlacedBox& child = out.boxes[first + k];
        double px = parent->rect.x + kIndent / 2;
        double child_cy = child.rect.y + kTitleBand / 2;
        out.connectors.push_back(
            {{{px, parent->rect.bottom()}, {px, child_cy}, {child.rect.x, child_cy}}});
      }
      centers.push_back(x + kBoxWidth / 2);
      row_height = std::max(row_height, col.height);
      x += col.width + kColumnGap;
    }
    // The bus joins the row's columns to the officer (directly, or by the spine).
    double from = wraps ? 0 : officer_cx;
    double lo = std::min(from, centers.front()), hi = std::max(from, centers.back());
    if (hi > lo) out.connectors.push_back({{{lo, bus_y}, {hi, bus_y}}});
    for (double cx : centers) out.connectors.push_back({{{cx, bus_y}, {cx, y}}});
    last_bus = bus_y;
    internal_bottom = y + row_height;
    y += row_height + 2 * kBus;
  }
  if (!rows.empty()) {
    if (wraps) {
      double first_bus = officer_bottom + kBus;
      out.connectors.push_back(
          {{{officer_cx, officer_bottom}, {officer_cx, first_bus}, {0, first_bus}, {0, last_bus}}});
    } else {
      out.connectors.push_back(
          {{{officer_cx, officer_bottom}, {officer_cx, officer_bottom + kBus}}});
    }
  }

  // External organisations, flowed into columns to the right.
  std::vector<FlowItem> items;
  double total = 0;
  for (std::size_t g = 0; g < chart.external.size(); ++g) {
    items.push_back({static_cast<int>(g), -1, kGroupTitle});
    for (std::size_t b = 0; b < chart.external[g].boxes.size(); ++b)
      items.push_back(
          {static_cast<int>(g), static_cast<int>(b), box_height(chart.external[g].boxes[b])});
  }
  double tallest = 0;
  for (const FlowItem& it : items) {
    total += it.height + kStackGap;
    tallest = std::max(tallest, it.height);
  }
  // The smallest column height that fits the items into the columns wanted.
  double lo = 0, hi = total + kGroupTitle + tallest;
  for (const FlowItem& it : items) lo = std::max(lo, it.height);
  for (int iter = 0; iter < 40 && !items.empty(); ++iter) {
    double mid = (lo + hi) / 2;
    std::vector<int> cols = flow(items, mid);
    if (cols.back() + 1 <= external_columns)
      hi = mid;
    else
      lo = mid;
  }
  std::vector<int> assignment = items.empty() ? std::vector<int>{} : flow(items, hi);
  int used_columns = assignment.empty() ? 1 : assignment.back() + 1;
  const double ex0 = internal_width + kRegionGap;
  const double external_width = used_columns * kBoxWidth + (used_columns - 1) * kColumnGap;
  PlacedLabel header{PlacedLabel::Role::ExternalHeader,
                     {ex0, officer_cy - kHeader / 2, external_width, kHeader},
                     "外部関係機関"};
  out.labels.push_back(header);
  out.connectors.push_back({{{officer.rect.right(), officer_cy}, {ex0, officer_cy}}, true});
  double external_bottom = header.rect.bottom();
  std::vector<double> column_y(used_columns, header.rect.bottom() + kGroupGap);
  for (std::size_t i = 0; i < items.size(); ++i) {
    int c = assignment[i];
    double x = ex0 + c * (kBoxWidth + kColumnGap);
    double& cy = column_y[c];
    const FlowItem& it = items[i];
    bool continues = it.box >= 0 && (i == 0 || assignment[i - 1] != c);
    if (it.box < 0 || continues) {
      if (cy > header.rect.bottom() + kGroupGap) cy += kGroupGap - kStackGap;
      std::string title = chart.external[it.group].title + (continues ? "（続き）" : "");
      out.labels.push_back({PlacedLabel::Role::GroupTitle, {x, cy, kBoxWidth, kGroupTitle}, title});
      cy += kGroupTitle + kStackGap * 0.5;
      if (it.box < 0) continue;
    }
    out.boxes.push_back(
        place(chart.external[it.group].boxes[it.box], PlacedBox::Role::External, x, cy));
    cy += out.boxes.back().rect.h + kStackGap;
    external_bottom = std::max(external_bottom, cy - kStackGap);
  }

  out.width = ex0 + external_width;
  out.height = std::max(internal_bottom, external_bottom);
  bool any_highlight = std::any_of(out.boxes.begin(), out.boxes.end(),
                                   [](const PlacedBox& b) { return b.highlight; });
  if (any_highlight) {
    out.labels.push_back({PlacedLabel::Role::Legend,
                          {0, out.height + 10, out.width, kLine},
                          "太枠の連絡先：インシデント発生時に必ず初報を入れる"});
    out.height += 10 + kLine;
  }
  return out;
}

void scale(ChartLayout& l, double s, double dx) {
  auto r = [&](Rect& rc) { rc = {rc.x * s + dx, rc.y * s, rc.w * s, rc.h * s}; };
  for (PlacedBox& b : l.boxes) r(b.rect);
  for (PlacedLabel& lb : l.labels) r(lb.rect);
  for (Connector& c : l.connectors)
    for (Point& p : c.points) p = {p.x * s + dx, p.y * s};
  l.font_size *= s;
  l.line_height *= s;
  l.padding *= s;
  l.title_band *= s;
  l.title_line *= s;
  l.stroke *= s;
  l.height *= s;
}

}  // namespace

double estimate_text_width(std::string_view text, double font_size) {
  double em = 0;
  for (std::size_t i = 0; i < text.size();) em += em_width(next_code_point(text, i));
  return em * font_size;
}

std::string fit_text(std::string_view text, double font_size, double width) {
  if (estimate_text_width(text, font_size) <= width) return std::string(text);
  double budget = width - font_size;  // room for "…"
  double used = 0;
  std::size_t i = 0, cut = 0;
  while (i < text.size()) {
    std::size_t start = i;
    used += em_width(next_code_point(text, i)) * font_size;
    if (used > budget) break;
    cut = i;
    (void)start;
  }
  return std::string(text.substr(0, cut)) + "…";
}

std::vector<std::string> wrap_text(std::string_view text, double font_size, double width,
                                   int max_lines) {
  std::vector<std::string> lines;
  std::size_t i = 0;
  while (i < text.size() && static_cast<int>(lines.size()) < max_lines - 1) {
    if (estimate_text_width(text.substr(i), font_size) <= width) break;
    double used = 0;
    std::size_t cut = i;
    for (std::size_t j = i; j < text.size();) {
      used += em_width(next_code_point(text, j)) * font_size;
      if (used > width) break;
      cut = j;
    }
    if (cut == i) break;
    lines.emplace_back(text.substr(i, cut - i));
    i = cut;
  }
  lines.push_back(fit_text(text.substr(i), font_size, width));
  return lines;
}

double title_band_height(const ChartLayout& layout, std::size_t lines) {
  return layout.title_band + (lines > 1 ? (lines - 1) * layout.title_line : 0);
}

ChartLayout layout_contact_chart(const ContactChart& chart, double width, double height) {
  int tops = 0;
  for (const ChartMember& m : chart.internal)
    if (m.parent < 0 || m.parent >= static_cast<int>(chart.internal.size())) ++tops;
  int external_boxes = 0;
  for (const ChartGroup& g : chart.external) external_boxes += static_cast<int>(g.boxes.size());
  ChartLayout best;
  double best_scale = -1, best_score = -1;
  for (int cols = 1; cols <= std::max(1, std::min(tops, 12)); ++cols) {
    for (int ext = 1; ext <= std::max(1, std::min(external_boxes, 5)); ++ext) {
      ChartLayout l = arrange(chart, cols, ext);
      double s = std::min({width / l.width, height / l.height, kMaxScale});
      // An org chart reads best with all departments side by side: wrap
      // them into rows only when that saves a lot of shrinking.
      double score = s * (cols < tops ? 0.8 : 1.0);
      if (score > best_score + 1e-9) {
        best_score = score;
        best_scale = s;
        best = std::move(l);
      }
    }
  }
  double natural_width = best.width;
  scale(best, best_scale, (width - natural_width * best_scale) / 2);
  best.width = width;
  return best;
}

}  // namespace medbcp::doc
