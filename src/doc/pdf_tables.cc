// Tables in the PDF: column widths, header rows repeated on each page, rows
// split between lines of text, the grid stroked once per page part.
#include "doc/pdf_writer.h"

namespace medbcp::doc::pdf {

PdfWriter::TableStyle PdfWriter::table_style(const Table& t) const {
  double size = t.compact ? 7.2 : 8.6;
  TableStyle s;
  s.cell = {.sans = true, .size = size, .line_spacing = 1.25};
  s.header = {.sans = true, .size = size, .bold = true, .color = kNavy, .line_spacing = 1.2};
  s.pad_x = t.compact ? 3 : 4.5;
  s.pad_y = t.compact ? 2.2 : 3.5;
  return s;
}

void PdfWriter::draw_table_header(const Table& t, const TableStyle& s,
                                  const std::vector<double>& xs,
                                  const std::vector<LayoutPtr>& headers, double height,
                                  Segment& seg) {
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

void PdfWriter::close_table_segment(const std::vector<double>& xs, const Segment& seg,
                                    double header_h) {
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

double PdfWriter::ascii_width(std::string_view run, const TextStyle& style) {
  auto [it, inserted] = ascii_advances_.try_emplace({style.size, style.bold});
  if (inserted) {
    for (char c = ' '; c < 0x7f; ++c)
      it->second[c - ' '] = layout_width(text_.layout(std::string(1, c), style, 0).get());
  }
  double w = 0;
  for (char c : run) w += it->second[c - ' '];
  return w;
}

std::vector<double> PdfWriter::column_edges(const Table& t, const TableStyle& s) {
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

void PdfWriter::block(const Table& t) {
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
    caption =
        text_.layout(t.caption, {.sans = true, .size = 9.5, .bold = true, .color = kNavy}, width());
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

void PdfWriter::stripe(const std::vector<double>& xs, std::size_t r, double height) {
  if (r % 2 == 0) return;
  cairo_rectangle(cr_, xs.front(), y_, xs.back() - xs.front(), height);
  set_color(cr_, kStripe);
  cairo_fill(cr_);
}

void PdfWriter::split_row(const std::vector<double>& xs, const TableStyle& s,
                          std::vector<Cell*>& row, std::size_t r, Segment& seg,
                          const std::vector<LayoutPtr>& headers, double header_h, const Table& t) {
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

}  // namespace medbcp::doc::pdf
