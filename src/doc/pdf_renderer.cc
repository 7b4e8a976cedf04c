// Two passes over the same code: the first only measures (no glyphs are
// drawn), which fixes the page of every heading and the page count; the
// second draws cover, contents and body straight into the PDF with the real
// page numbers. Laid-out table cells are kept between the passes, so the
// second pass costs little more than the drawing itself. (Replaying Cairo
// recording surfaces instead was a third slower on a 1,000-row ledger.)
#include "doc/pdf_renderer.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "doc/cairo_chart.h"
#include "doc/contact_chart_layout.h"
#include "doc/pango_text.h"
#include "doc/table_widths.h"

namespace medbcp::doc {
namespace {

using namespace chart_style;

constexpr double kA4Short = 595.276;
constexpr double kA4Long = 841.890;
constexpr double kEm = 10.5;  // body font size; indents are in body ems

constexpr Rgb kMuted{0.357, 0.420, 0.498, "#5b6b7f"};
constexpr Rgb kRule{0.655, 0.694, 0.741, "#a7b1bd"};
constexpr Rgb kHairline{0.835, 0.859, 0.890, "#d5dbe3"};
constexpr Rgb kStripe{0.965, 0.973, 0.984, "#f6f8fb"};

struct Margins {
  double top, bottom, left, right;
};
constexpr Margins kPortrait{66, 74, 68, 62};
constexpr Margins kLandscape{46, 62, 52, 52};

// A heading's place, for the table of contents and the PDF bookmarks.
struct Mark {
  const Heading* heading;
  std::size_t page;  // index into the body pages
  double y;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfWriter {
 public:
  PdfWriter(const Document& doc, PdfInfo* info) : doc_(doc), info_(info) {
    if (info_) text_.count_missing_glyphs();
  }

  ~PdfWriter() {
    if (cr_) cairo_destroy(cr_);
    if (scratch_) cairo_surface_destroy(scratch_);
  }

  std::string run() {
    // Pass 1: measure. Shapes go to a scratch surface; text is not drawn.
    measuring_ = true;
    scratch_ = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cr_ = cairo_create(scratch_);
    body();
    cairo_destroy(cr_);
    cr_ = nullptr;
    return assemble();
  }

 private:
  // --- geometry of the current page ---------------------------------------
  const Margins& margins() const { return landscape_ ? kLandscape : kPortrait; }
  double page_width() const { return landscape_ ? kA4Long : kA4Short; }
  double page_height() const { return landscape_ ? kA4Short : kA4Long; }
  double left() const { return margins().left; }
  double width() const { return page_width() - margins().left - margins().right; }
  double top() const { return margins().top; }
  double bottom() const { return page_height() - margins().bottom; }

  void body() {
    page_ = -1;
    marks_.clear();
    new_page(false);
    for (const Block& b : doc_.blocks) std::visit([this](const auto& v) { block(v); }, b);
    end_page();
  }

  // Pass 2 closes each page with its footer (the page count is known).
  void end_page() {
    if (measuring_) return;
    footer(cr_, landscape_, first_body_ + page_, total_);
    cairo_show_page(cr_);
  }

  void new_page(bool landscape) {
    if (page_ >= 0) end_page();
    ++page_;
    landscape_ = landscape;
    if (measuring_) {
      pages_.push_back(landscape);
    } else {
      cairo_pdf_surface_set_size(pdf_, page_width(), page_height());
    }
    y_ = top();
    blank_page_ = true;
  }

  // Text is drawn only in the second pass.
  void show(PangoLayout* layout, double x, double y) {
    if (!measuring_) draw_layout(cr_, layout, x, y);
  }
  void show_lines(PangoLayout* layout, double x, double y, std::size_t from, std::size_t to) {
    if (!measuring_) draw_lines(cr_, layout, x, y, from, to);
  }

  // Moves to a new page unless `height` still fits on this one.
  void ensure(double height) {
    if (!blank_page_ && y_ + height > bottom()) new_page(landscape_);
  }

  void space(double points) {
    if (!blank_page_) y_ += points;
  }

  // Draws a laid-out paragraph at x, continuing on new pages between lines.
  void flow(PangoLayout* layout, double x, const Rgb& color) {
    std::vector<LineBox> lines = line_boxes(layout);
    std::size_t start = 0;
    double origin = 0;  // layout y drawn at y_
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (y_ + (lines[i].bottom - origin) <= bottom()) continue;
      if (i > start) {
        set_color(cr_, color);
        show_lines(layout, x, y_ - origin, start, i);
        new_page(landscape_);
      } else if (!blank_page_) {
        new_page(landscape_);
      } else {
        continue;  // a line taller than a page: draw it anyway
      }
      start = i;
      origin = lines[i].top;
    }
    set_color(cr_, color);
    show_lines(layout, x, y_ - origin, start, lines.size());
    y_ += lines.back().bottom - origin;
    blank_page_ = false;
  }

  // --- blocks ----------------------------------------------------------------
  void block(const Heading& h) {
    TextStyle style{.sans = true, .bold = true, .color = kNavy};
    double before = 0, after = 0, keep = 0, x = left();
    switch (h.level) {
      case 1:
        style.size = 16;
        before = 24;
        after = 12;
        keep = 90;
        break;
      case 2:
        style.size = 12;
        before = 14;
        after = 5;
        keep = 60;
        break;
      default:
        style.size = 10.5;
        style.color = kInk;
        before = 8;
        after = 3;
        keep = 45;
        x += kEm;
        break;
    }
    space(before);
    LayoutPtr l = text_.layout(h.full_title(), style, left() + width() - x);
    double height = layout_height(l.get());
    ensure(height + after + keep);
    marks_.push_back({&h, static_cast<std::size_t>(page_), y_});
    set_color(cr_, style.color);
    show(l.get(), x, y_);
    y_ += height;
    if (h.level == 1) {
      y_ += 5;
      set_color(cr_, kNavy);
      cairo_set_line_width(cr_, 1.2);
      cairo_move_to(cr_, left(), y_);
      cairo_line_to(cr_, left() + width(), y_);
      cairo_stroke(cr_);
    }
    y_ += after;
    blank_page_ = false;
  }

  void block(const Paragraph& p) {
    double x = left() + kEm;
    if (p.style == Paragraph::Style::Note) {
      const double pad = 8;
      TextStyle style{.size = 9.5, .line_spacing = 1.6, .justify = true};
      LayoutPtr l = text_.layout(p.text, style, width() - kEm - 2 * pad);
      double h = layout_height(l.get()) + 2 * pad;
      space(4);
      ensure(h);
      cairo_rectangle(cr_, x, y_, width() - kEm, h);
      set_color(cr_, kStripe);
      cairo_fill_preserve(cr_);
      set_color(cr_, kRule);
      cairo_set_line_width(cr_, 0.6);
      cairo_stroke(cr_);
      set_color(cr_, kInk);
      show(l.get(), x + pad, y_ + pad);
      y_ += h + 8;
      blank_page_ = false;
      return;
    }
    if (p.style == Paragraph::Style::Remark) {
      TextStyle style{.sans = true, .size = 9.5, .bold = true, .color = kNavy, .line_spacing = 1.5};
      LayoutPtr l = text_.layout(p.text, style, width() - kEm);
      space(2);
      flow(l.get(), x, kNavy);
      y_ += 6;
      return;
    }
    TextStyle style{.size = kEm, .line_spacing = 1.75, .indent = kEm, .justify = true};
    LayoutPtr l = text_.layout(p.text, style, width() - kEm);
    flow(l.get(), x, kInk);
    y_ += 5;
  }

  void block(const List& list) {
    double x = left() + kEm;
    TextStyle style{.size = kEm, .line_spacing = 1.6, .justify = true};
    const double gap = text_.leading(style);
    double marker = 0;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      LayoutPtr m = text_.layout(list.marker_text(i), style, -1);
      marker = std::max(marker, layout_width(m.get()));
    }
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      Text t = plain(list.marker_text(i));
      append(t, list.items[i]);
      style.indent = -marker;  // hanging: wrapped lines align with the text
      LayoutPtr l = text_.layout(t, style, width() - kEm);
      flow(l.get(), x, kInk);
      y_ += gap;
    }
    y_ += 5 - gap / 2;
  }

  struct TableStyle {
    TextStyle cell, header;
    double pad_x, pad_y;
  };

  TableStyle table_style(const Table& t) const {
    double size = t.compact ? 7.2 : 8.6;
    TableStyle s;
    s.cell = {.sans = true, .size = size, .line_spacing = 1.25};
    s.header = {.sans = true, .size = size, .bold = true, .color = kNavy, .line_spacing = 1.2};
    s.pad_x = t.compact ? 3 : 4.5;
    s.pad_y = t.compact ? 2.2 : 3.5;
    return s;
  }

  // A laid-out cell. Ledgers repeat the same words row after row (種別,
  // 設置場所, 保守業者, dates), so each distinct text of a column is laid
  // out once and drawn as often as it occurs.
  struct Cell {
    LayoutPtr layout;
    double height = 0;
    std::vector<LineBox> lines;  // filled only when a row must split
  };

  class CellCache {
   public:
    CellCache(TextEngine& text, const TextStyle& style, double width)
        : text_(text), style_(style), width_(width) {}
    Cell* get(const Text& value) {
      std::string key = to_plain(value);
      if (has_blank(value)) key.insert(key.begin(), '\x01');  // drawn tinted
      auto [it, inserted] = cells_.try_emplace(std::move(key));
      if (inserted) {
        it->second.layout = text_.layout(value, style_, width_);
        it->second.height = layout_height(it->second.layout.get());
      }
      return &it->second;
    }

   private:
    TextEngine& text_;
    TextStyle style_;
    double width_;
    std::unordered_map<std::string, Cell> cells_;
  };

  // One page's part of a table: the grid is stroked once per part, not per
  // cell, which keeps a 1,000-row ledger small and fast.
  struct Segment {
    double top = 0;                 // top of the header row
    std::vector<double> row_lines;  // y of each row's bottom border
  };

  void draw_table_header(const Table& t, const TableStyle& s, const std::vector<double>& xs,
                         const std::vector<LayoutPtr>& headers, double height, Segment& seg) {
    seg = Segment{y_, {}};
    cairo_rectangle(cr_, xs.front(), y_, xs.back() - xs.front(), height);
    set_color(cr_, kNavyTint);
    cairo_fill(cr_);
    set_color(cr_, kNavy);
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      show(headers[c].get(), xs[c] + s.pad_x, y_ + s.pad_y);
    y_ += height;
    blank_page_ = false;
  }

  void close_table_segment(const std::vector<double>& xs, const Segment& seg, double header_h) {
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.5);
    for (std::size_t i = 1; i + 1 < xs.size(); ++i) {
      cairo_move_to(cr_, xs[i], seg.top);
      cairo_line_to(cr_, xs[i], y_);
    }
    for (double ly : seg.row_lines) {
      if (ly >= y_ - 0.01) continue;  // the last one is the closing rule
      cairo_move_to(cr_, xs.front(), ly);
      cairo_line_to(cr_, xs.back(), ly);
    }
    cairo_stroke(cr_);
    // The frame: navy rules above the header, under it and at the bottom;
    // thin sides.
    set_color(cr_, kNavy);
    cairo_set_line_width(cr_, 1);
    for (double ly : {seg.top, seg.top + header_h, y_}) {
      cairo_move_to(cr_, xs.front(), ly);
      cairo_line_to(cr_, xs.back(), ly);
    }
    cairo_stroke(cr_);
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, xs.front(), seg.top);
    cairo_line_to(cr_, xs.front(), y_);
    cairo_move_to(cr_, xs.back(), seg.top);
    cairo_line_to(cr_, xs.back(), y_);
    cairo_stroke(cr_);
  }

  // Width of a run of printable ASCII in `style`, from per-character
  // advances measured once per style (kerning is left out: these are
  // minimum column widths, not positions).
  double ascii_width(std::string_view run, const TextStyle& style) {
    auto [it, inserted] = ascii_advances_.try_emplace({style.size, style.bold});
    if (inserted) {
      for (char c = ' '; c < 0x7f; ++c)
        it->second[c - ' '] = layout_width(text_.layout(std::string(1, c), style, 0).get());
    }
    double w = 0;
    for (char c : run) w += it->second[c - ' '];
    return w;
  }

  // Column edges: widths by weight, but wide enough for each header and for
  // the longest run of each column that must not break (see table_widths.h).
  std::vector<double> column_edges(const Table& t, const TableStyle& s) {
    std::vector<double> weights, hard, soft;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      weights.push_back(t.columns[c].weight);
      double need = layout_width(text_.layout(t.columns[c].header, s.header, 0).get());
      double label = 0;
      std::unordered_map<std::string, bool> seen;
      for (const auto& row : t.rows) {
        if (c >= row.size()) continue;
        std::string plain = to_plain(row[c]);
        if (!seen.try_emplace(plain, true).second) continue;  // ledgers repeat their words
        if (is_short_label(plain)) {
          // 「電子カルテシステム」「稼働中」: a label read as one word.
          label = std::max(label, layout_width(text_.layout(plain, s.cell, 0).get()));
          continue;
        }
        for (std::string_view run : unbreakable_runs(plain))
          need = std::max(need, ascii_width(run, s.cell));
      }
      // A run wider than a third of the page (a URL, an e-mail address)
      // wraps rather than squeeze every other column.
      hard.push_back(std::min(need + 0.5, width() / 3) + 2 * s.pad_x);
      soft.push_back(std::min(label + 0.5, width() / 3) + 2 * s.pad_x);
    }
    std::vector<double> xs{left()};
    for (double w : column_widths(weights, hard, soft, width())) xs.push_back(xs.back() + w);
    return xs;
  }

  void block(const Table& t) {
    if (t.columns.empty()) return;
    TableStyle s = table_style(t);
    auto [edges, new_table] = table_edges_.try_emplace(&t);
    if (new_table) edges->second = column_edges(t, s);
    const std::vector<double>& xs = edges->second;
    const std::size_t n = t.columns.size();
    // The cells laid out in the first pass are drawn in the second.
    auto [cached, first_pass] = table_cells_.try_emplace(&t);
    std::vector<CellCache>& caches = cached->second;
    std::vector<LayoutPtr> headers;
    double header_h = 0;
    for (std::size_t c = 0; c < n; ++c) {
      double inner = xs[c + 1] - xs[c] - 2 * s.pad_x;
      if (first_pass) caches.emplace_back(text_, s.cell, inner);
      headers.push_back(text_.layout(t.columns[c].header, s.header, inner));
      header_h = std::max(header_h, layout_height(headers.back().get()));
    }
    header_h += 2 * s.pad_y;

    LayoutPtr caption;
    double caption_h = 0;
    if (!t.caption.empty()) {
      caption = text_.layout(t.caption, {.sans = true, .size = 9.5, .bold = true, .color = kNavy},
                             width());
      caption_h = layout_height(caption.get()) + 4;
    }
    std::vector<Cell*> row(n);
    const Text empty;
    auto measure = [&](std::size_t r) {
      double h = 0;
      for (std::size_t c = 0; c < n; ++c) {
        row[c] = caches[c].get(c < t.rows[r].size() ? t.rows[r][c] : empty);
        h = std::max(h, row[c]->height);
      }
      return h + 2 * s.pad_y;
    };

    space(6);
    double first_row = t.rows.empty() ? 0 : measure(0);
    ensure(caption_h + header_h + std::min(first_row, 60.0));
    if (caption) {
      set_color(cr_, kNavy);
      show(caption.get(), left(), y_);
      y_ += caption_h;
    }
    Segment seg;
    draw_table_header(t, s, xs, headers, header_h, seg);

    const double page_room = bottom() - top() - header_h;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      // Row 0 was measured before the header; `row` still holds it.
      double row_h = r == 0 ? first_row : measure(r);
      if (y_ + row_h > bottom() + 0.01 && row_h <= page_room) {
        close_table_segment(xs, seg, header_h);
        new_page(landscape_);
        draw_table_header(t, s, xs, headers, header_h, seg);
      }
      if (y_ + row_h <= bottom() + 0.01) {
        stripe(xs, r, row_h);
        set_color(cr_, kInk);
        for (std::size_t c = 0; c < n; ++c)
          show_lines(row[c]->layout.get(), xs[c] + s.pad_x, y_ + s.pad_y, 0, SIZE_MAX);
        y_ += row_h;
        seg.row_lines.push_back(y_);
        continue;
      }
      split_row(xs, s, row, r, seg, headers, header_h, t);
    }
    close_table_segment(xs, seg, header_h);
    y_ += 10;
  }

  void stripe(const std::vector<double>& xs, std::size_t r, double height) {
    if (r % 2 == 0) return;
    cairo_rectangle(cr_, xs.front(), y_, xs.back() - xs.front(), height);
    set_color(cr_, kStripe);
    cairo_fill(cr_);
  }

  // A row taller than a page continues on the next page between two lines
  // of text, never through one.
  void split_row(const std::vector<double>& xs, const TableStyle& s, std::vector<Cell*>& row,
                 std::size_t r, Segment& seg, const std::vector<LayoutPtr>& headers,
                 double header_h, const Table& t) {
    const std::size_t n = row.size();
    std::vector<std::size_t> start(n, 0);
    std::vector<double> origin(n, 0);
    for (Cell* c : row)
      if (c->lines.empty()) c->lines = line_boxes(c->layout.get());
    while (true) {
      double remaining = 0;
      for (std::size_t c = 0; c < n; ++c)
        if (start[c] < row[c]->lines.size())
          remaining = std::max(remaining, row[c]->lines.back().bottom - origin[c]);
      remaining += 2 * s.pad_y;
      bool last = y_ + remaining <= bottom() + 0.01;
      double height = last ? remaining : bottom() - y_;
      double avail = height - 2 * s.pad_y;
      stripe(xs, r, height);
      set_color(cr_, kInk);
      std::vector<std::size_t> end(start);
      for (std::size_t c = 0; c < n; ++c) {
        const std::vector<LineBox>& lines = row[c]->lines;
        while (end[c] < lines.size() && lines[end[c]].bottom - origin[c] <= avail + 0.01) ++end[c];
        // On a page holding only the header, at least one line must go.
        if (end[c] == start[c] && start[c] < lines.size() && y_ <= seg.top + header_h + 0.01)
          ++end[c];
        if (start[c] < end[c])
          show_lines(row[c]->layout.get(), xs[c] + s.pad_x, y_ + s.pad_y - origin[c], start[c],
                     end[c]);
      }
      y_ += height;
      seg.row_lines.push_back(y_);
      if (last) return;
      close_table_segment(xs, seg, header_h);
      new_page(landscape_);
      draw_table_header(t, s, xs, headers, header_h, seg);
      for (std::size_t c = 0; c < n; ++c) {
        start[c] = end[c];
        if (start[c] < row[c]->lines.size()) origin[c] = row[c]->lines[start[c]].top;
      }
    }
  }

  void block(const Figure& f) {
    LayoutPtr caption;
    double caption_h = 0;
    if (!f.caption.empty()) {
      caption = text_.layout(f.caption, {.sans = true, .size = 9.5, .bold = true, .color = kNavy},
                             width());
      caption_h = layout_height(caption.get()) + 8;
    }
    space(4);
    ChartLayout chart = layout_contact_chart(f.chart, width(), bottom() - y_ - caption_h);
    // Only a page mostly used up already moves the chart to the next page.
    if (bottom() - y_ < (bottom() - top()) * 0.45 && !blank_page_) {
      new_page(landscape_);
      chart = layout_contact_chart(f.chart, width(), bottom() - y_ - caption_h);
    }
    if (caption) {
      set_color(cr_, kNavy);
      show(caption.get(), left(), y_);
      y_ += caption_h;
    }
    if (!measuring_) draw_contact_chart(cr_, text_, chart, left(), y_);
    y_ += chart.height + 10;
    blank_page_ = false;
  }

  void block(const PageBreak& p) {
    bool landscape = p.orientation == PageBreak::Orientation::Landscape;
    if (!blank_page_) {
      new_page(landscape);
      return;
    }
    // Nothing on this page yet: only turn it.
    landscape_ = landscape;
    if (measuring_)
      pages_.back() = landscape;
    else
      cairo_pdf_surface_set_size(pdf_, page_width(), page_height());
    y_ = top();
  }

  // --- cover, contents, footer ---------------------------------------------
  void cover(cairo_t* cr) {
    const double x = kPortrait.left + 6;
    const double w = kA4Short - x - kPortrait.right;
    // A navy band down the left edge and a thin one at the foot.
    set_color(cr, kNavy);
    cairo_rectangle(cr, 0, 0, 18, kA4Long);
    cairo_fill(cr);
    set_color(cr, kNavyTint);
    cairo_rectangle(cr, 18, 0, 5, kA4Long);
    cairo_fill(cr);

    double y = 190;
    if (!doc_.subtitle.empty()) {
      LayoutPtr l = text_.layout(doc_.subtitle, {.sans = true, .size = 15, .color = kMuted}, w);
      set_color(cr, kMuted);
      draw_layout(cr, l.get(), x, y);
      y += layout_height(l.get()) + 6;
    }
    LayoutPtr title =
        text_.layout(doc_.title, {.sans = true, .size = 30, .bold = true, .color = kNavy}, w);
    set_color(cr, kNavy);
    draw_layout(cr, title.get(), x, y);
    y += layout_height(title.get()) + 14;
    cairo_rectangle(cr, x, y, 72, 3.5);
    cairo_fill(cr);
    y += 34;
    LayoutPtr facility =
        text_.layout(doc_.facility_name, {.sans = true, .size = 21, .bold = true}, w);
    set_color(cr, kInk);
    draw_layout(cr, facility.get(), x, y);
    y += layout_height(facility.get()) + 40;

    // The plan's facts as a quiet two-column list.
    const double label_w = 150;
    for (const CoverFact& f : doc_.cover_facts) {
      LayoutPtr label =
          text_.layout(f.label, {.sans = true, .size = 9, .color = kMuted}, label_w - 8);
      LayoutPtr value = text_.layout(f.value, {.size = 11}, w - label_w);
      double h = std::max(layout_height(label.get()), layout_height(value.get()));
      set_color(cr, kMuted);
      draw_layout(cr, label.get(), x, y + (h - layout_height(label.get())) / 2);
      set_color(cr, kInk);
      draw_layout(cr, value.get(), x + label_w, y);
      y += h + 7;
      set_color(cr, kHairline);
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, x, y - 3.5);
      cairo_line_to(cr, x + w, y - 3.5);
      cairo_stroke(cr);
    }

    // Sign-off boxes: 作成 / 確認 / 承認, to be stamped on paper.
    const double box_w = 66, head_h = 17, box_h = 60;
    double bx = x + w - 3 * box_w, by = kA4Long - 205;
    for (int i = 0; i < 3; ++i) {
      const char* who[] = {"作成", "確認", "承認"};
      double cx = bx + i * box_w;
      cairo_rectangle(cr, cx, by, box_w, head_h);
      set_color(cr, kNavyTint);
      cairo_fill(cr);
      LayoutPtr l = text_.layout(
          who[i], {.sans = true, .size = 8.5, .color = kNavy, .align = PANGO_ALIGN_CENTER}, box_w);
      set_color(cr, kNavy);
      draw_layout(cr, l.get(), cx, by + (head_h - layout_height(l.get())) / 2);
    }
    set_color(cr, kRule);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, bx, by, 3 * box_w, head_h + box_h);
    cairo_move_to(cr, bx, by + head_h);
    cairo_line_to(cr, bx + 3 * box_w, by + head_h);
    for (int i = 1; i < 3; ++i) {
      cairo_move_to(cr, bx + i * box_w, by);
      cairo_line_to(cr, bx + i * box_w, by + head_h + box_h);
    }
    cairo_stroke(cr);

    if (!doc_.source_note.empty()) {
      LayoutPtr l = text_.layout(
          doc_.source_note, {.sans = true, .size = 7.5, .color = kMuted, .line_spacing = 1.5}, w);
      set_color(cr, kMuted);
      draw_layout(cr, l.get(), x, kA4Long - 72 - layout_height(l.get()));
    }
  }

  struct TocEntry {
    LayoutPtr title;
    double height;
    int level;
  };

  // Lays out (cr == nullptr) or draws the contents; returns its page count.
  int contents(cairo_t* cr, int first_body_page, int total) {
    const double x = kPortrait.left, w = kA4Short - kPortrait.left - kPortrait.right;
    const double bottom = kA4Long - kPortrait.bottom;
    int pages = 1;
    double y = kPortrait.top;
    auto heading = [&] {
      LayoutPtr l =
          text_.layout("目次", {.sans = true, .size = 16, .bold = true, .color = kNavy}, w);
      if (cr) {
        set_color(cr, kNavy);
        draw_layout(cr, l.get(), x, y);
      }
      y += layout_height(l.get()) + 5;
      if (cr) {
        cairo_set_line_width(cr, 1.2);
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + w, y);
        cairo_stroke(cr);
      }
      y += 18;
    };
    heading();
    for (const Mark& m : marks_) {
      const Heading& h = *m.heading;
      if (h.level > 2) continue;
      bool chapter = h.level == 1;
      double indent = chapter ? 0 : 2 * kEm;
      TextStyle style = chapter ? TextStyle{.sans = true, .size = 11, .bold = true, .color = kNavy}
                                : TextStyle{.size = kEm};
      double before = chapter ? 10 : 2;
      LayoutPtr l = text_.layout(h.full_title(), style, w - indent - 40);
      double lh = layout_height(l.get());
      if (y + before + lh > bottom) {
        ++pages;
        if (cr) {
          footer(cr, false, pages, total);
          cairo_show_page(cr);
        }
        y = kPortrait.top;
      } else {
        y += before;
      }
      if (cr) {
        int page = first_body_page + static_cast<int>(m.page);
        char link[96];
        std::snprintf(link, sizeof link, "page=%d pos=[0 %.1f]", page, std::max(0.0, m.y - 12));
        cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
        set_color(cr, style.color);
        draw_layout(cr, l.get(), x + indent, y);
        std::string number = std::to_string(page);
        LayoutPtr n =
            text_.layout(number, {.sans = true, .size = chapter ? 10.5 : 9.5, .color = kInk}, -1);
        double nw = layout_width(n.get());
        set_color(cr, kInk);
        draw_layout(cr, n.get(), x + w - nw, y + (lh - layout_height(n.get())) / 2);
        // Dotted leader from the title to the page number.
        double from = x + indent + layout_width(l.get()) + 6, to = x + w - nw - 6;
        set_color(cr, kRule);
        for (double d = from; d < to; d += 4.2) {
          cairo_arc(cr, d, y + lh * 0.62, 0.55, 0, 2 * M_PI);
          cairo_fill(cr);
        }
        cairo_tag_end(cr, CAIRO_TAG_LINK);
      }
      y += lh;
    }
    return pages;
  }

  void footer(cairo_t* cr, bool landscape, int page, int total) {
    const Margins& m = landscape ? kLandscape : kPortrait;
    double pw = landscape ? kA4Long : kA4Short, ph = landscape ? kA4Short : kA4Long;
    double w = pw - m.left - m.right;
    double rule_y = ph - m.bottom + 22;
    set_color(cr, kHairline);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, m.left, rule_y);
    cairo_line_to(cr, m.left + w, rule_y);
    cairo_stroke(cr);
    TextStyle s{.sans = true, .size = 7.5, .color = kMuted, .ellipsize = true};
    double y = rule_y + 5;
    set_color(cr, kMuted);
    LayoutPtr facility = text_.layout(to_plain(doc_.facility_name), s, w / 3);
    draw_layout(cr, facility.get(), m.left, y);
    s.align = PANGO_ALIGN_CENTER;
    std::string number =
        total > 0 ? std::to_string(page) + " / " + std::to_string(total) : std::to_string(page);
    LayoutPtr n = text_.layout(number, s, w / 3);
    draw_layout(cr, n.get(), m.left + w / 3, y);
    s.align = PANGO_ALIGN_RIGHT;
    LayoutPtr edition = text_.layout(doc_.edition_line(), s, w / 3);
    draw_layout(cr, edition.get(), m.left + 2 * w / 3, y);
  }

  // Pass 2: cover, contents, then the body again, into the PDF.
  std::string assemble() {
    std::string out;
    pdf_ = cairo_pdf_surface_create_for_stream(append_to_string, &out, kA4Short, kA4Long);
    if (cairo_surface_status(pdf_) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(pdf_);
      throw std::runtime_error("PDF を作成できません");
    }
    std::string facility = to_plain(doc_.facility_name);
    cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_TITLE,
                                   (doc_.title + "　" + facility).c_str());
    cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_AUTHOR, facility.c_str());
    cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_SUBJECT, doc_.subtitle.c_str());
    cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_CREATOR, "medbcp");
    cr_ = cairo_create(pdf_);

    const int toc_pages = contents(nullptr, 0, 0);
    first_body_ = 2 + toc_pages;  // 1-based page number of the first body page
    total_ = 1 + toc_pages + static_cast<int>(pages_.size());
    const std::size_t measured_pages = pages_.size();

    cover(cr_);
    cairo_show_page(cr_);
    contents(cr_, first_body_, total_);
    footer(cr_, false, 1 + toc_pages, total_);
    cairo_show_page(cr_);

    measuring_ = false;
    body();
    if (static_cast<std::size_t>(page_ + 1) != measured_pages)
      throw std::logic_error("PDF: the two passes paginated differently");

    // Bookmarks: chapters with their sections beneath.
    int chapter_id = CAIRO_PDF_OUTLINE_ROOT;
    for (const Mark& m : marks_) {
      if (m.heading->level > 2) continue;
      char link[96];
      std::snprintf(link, sizeof link, "page=%d pos=[0 %.1f]",
                    first_body_ + static_cast<int>(m.page), std::max(0.0, m.y - 12));
      int parent = m.heading->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : chapter_id;
      int id = cairo_pdf_surface_add_outline(pdf_, parent, m.heading->full_title().c_str(), link,
                                             static_cast<cairo_pdf_outline_flags_t>(0));
      if (m.heading->level == 1) chapter_id = id;
    }

    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(pdf_);
    cairo_status_t status = cairo_surface_status(pdf_);
    cairo_surface_destroy(pdf_);
    pdf_ = nullptr;
    if (info_) *info_ = {total_, text_.missing_glyphs()};
    if (status != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("PDF の書き出しに失敗しました: ") +
                               cairo_status_to_string(status));
    return out;
  }

  const Document& doc_;
  PdfInfo* info_;
  TextEngine text_;
  bool measuring_ = true;
  std::vector<bool> pages_;  // orientation of each body page (pass 1)
  int page_ = -1;            // current body page, 0-based
  int first_body_ = 0;       // page number of the first body page
  int total_ = 0;            // pages in the PDF
  std::vector<Mark> marks_;
  std::unordered_map<const Table*, std::vector<CellCache>> table_cells_;
  std::unordered_map<const Table*, std::vector<double>> table_edges_;
  std::map<std::pair<double, bool>, std::array<double, 0x7f - ' '>> ascii_advances_;
  cairo_surface_t* scratch_ = nullptr;  // pass 1 draws its shapes here
  cairo_surface_t* pdf_ = nullptr;
  cairo_t* cr_ = nullptr;
  bool landscape_ = false;
  double y_ = 0;
  bool blank_page_ = true;
};

}  // namespace

std::string render_pdf(const Document& doc, PdfInfo* info) { return PdfWriter(doc, info).run(); }

}  // namespace medbcp::doc
