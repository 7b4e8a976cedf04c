#include "doc/kit_form_painter.h"

#include <numeric>

namespace medbcp::doc {
namespace {

using namespace chart_style;

constexpr Rgb kLabel{0.357, 0.420, 0.498, "#5b6b7f"};
constexpr Rgb kBand{0.890, 0.918, 0.953, "#e3eaf3"};

}  // namespace

TextStyle sans(double size, bool bold) {
  TextStyle s;
  s.sans = true;
  s.size = size;
  s.bold = bold;
  return s;
}

TextStyle serif(double size, bool bold) {
  TextStyle s;
  s.size = size;
  s.bold = bold;
  return s;
}

void FormPainter::stroke(double width, double grey) {
  cairo_set_line_width(cr_, width);
  cairo_set_source_rgb(cr_, grey, grey, grey);
  cairo_stroke(cr_);
}

double FormPainter::text(const std::string& s, const TextStyle& style, double x, double y,
                         double width) {
  LayoutPtr layout = text_.layout(s, style, width);
  set_color(cr_, style.color);
  draw_layout(cr_, layout.get(), x, y);
  return layout_height(layout.get());
}

double FormPainter::measure(const std::string& s, const TextStyle& style, double width) {
  LayoutPtr layout = text_.layout(s, style, width);
  return layout_height(layout.get());
}

void FormPainter::box(double x, double y, double w, double h, const std::string& label) {
  cairo_rectangle(cr_, x, y, w, h);
  stroke(0.9, 0.25);
  if (label.empty()) return;
  TextStyle s = sans(8.5, true);
  s.color = kLabel;
  text(label, s, x + 4, y + 2.5, w - 8);
}

void FormPainter::writing_lines(double x, double y, double w, double h, double pitch) {
  const double dash[] = {1.5, 2.0};
  cairo_set_dash(cr_, dash, 2, 0);
  for (double line = y + pitch; line < y + h - 4; line += pitch) {
    cairo_move_to(cr_, x + 6, line);
    cairo_line_to(cr_, x + w - 6, line);
  }
  stroke(0.4, 0.6);
  cairo_set_dash(cr_, nullptr, 0, 0);
}

double FormPainter::checkbox(double x, double y, const std::string& label, double size) {
  cairo_rectangle(cr_, x, y + 1.5, size, size);
  stroke(0.8, 0.2);
  TextStyle s = sans(size);
  LayoutPtr layout = text_.layout(label, s, -1);
  set_color(cr_, s.color);
  draw_layout(cr_, layout.get(), x + size + 3, y);
  return x + size + 3 + layout_width(layout.get()) + size;
}

double FormPainter::checkboxes(const std::vector<std::string>& labels, double x, double y,
                               double width) {
  const double line = 16;
  double cx = x;
  double cy = y;
  for (const auto& label : labels) {
    const double needed = 10 + 3 + measure_width(label) + 10;
    if (cx > x && cx + needed > x + width) {
      cx = x;
      cy += line;
    }
    cx = checkbox(cx, cy, label);
  }
  return cy + line - y;
}

double FormPainter::measure_width(const std::string& label) {
  return measure_width(label, sans(10));
}

double FormPainter::measure_width(const std::string& label, const TextStyle& style) {
  LayoutPtr layout = text_.layout(label, style, -1);
  return layout_width(layout.get());
}

double FormPainter::table(double x, double y, double width, const std::vector<FormColumn>& columns,
                          int rows, double row_height,
                          const std::vector<std::vector<std::string>>& cells) {
  const double total =
      std::accumulate(columns.begin(), columns.end(), 0.0,
                      [](double sum, const FormColumn& c) { return sum + c.weight; });
  std::vector<double> xs{x};
  for (const auto& c : columns) xs.push_back(xs.back() + width * c.weight / total);
  const double header_h = 20;

  cairo_rectangle(cr_, x, y, width, header_h);
  set_color(cr_, kBand);
  cairo_fill(cr_);
  TextStyle head = sans(9, true);
  head.color = kNavy;
  head.align = PANGO_ALIGN_CENTER;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const double w = xs[i + 1] - xs[i];
    const double h = measure(columns[i].header, head, w - 4);
    text(columns[i].header, head, xs[i] + 2, y + (header_h - h) / 2, w - 4);
  }
  TextStyle cell = sans(8.5);
  for (int r = 0; r < rows && r < static_cast<int>(cells.size()); ++r) {
    for (std::size_t c = 0; c < columns.size() && c < cells[r].size(); ++c) {
      TextStyle one = cell;
      one.ellipsize = true;
      text(cells[r][c], one, xs[c] + 3, y + header_h + r * row_height + 3, xs[c + 1] - xs[c] - 6);
    }
  }
  const double bottom = y + header_h + rows * row_height;
  for (int r = 0; r <= rows; ++r) {
    cairo_move_to(cr_, x, y + header_h + r * row_height);
    cairo_line_to(cr_, x + width, y + header_h + r * row_height);
  }
  for (double vx : xs) {
    cairo_move_to(cr_, vx, y);
    cairo_line_to(cr_, vx, bottom);
  }
  cairo_move_to(cr_, x, y);
  cairo_line_to(cr_, x + width, y);
  stroke(0.7, 0.3);
  return bottom;
}

void FormPainter::cut_line(double y, double x0, double x1, const std::string& note) {
  const double dash[] = {4.0, 3.0};
  cairo_set_dash(cr_, dash, 2, 0);
  cairo_move_to(cr_, x0, y);
  cairo_line_to(cr_, x1, y);
  stroke(0.6, 0.45);
  cairo_set_dash(cr_, nullptr, 0, 0);
  if (note.empty()) return;
  TextStyle s = sans(7);
  s.color = kLabel;
  const double w = measure_width(note) * 0.7 + 8;
  cairo_rectangle(cr_, x1 - w - 2, y - 5, w, 10);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_fill(cr_);
  text(note, s, x1 - w + 2, y - 4.5, w);
}

double FormPainter::title(const std::string& name, const std::string& subtitle, double x, double y,
                          double w) {
  TextStyle big = sans(18, true);
  big.color = kNavy;
  const double h = text(name, big, x, y, w * 0.62);
  if (!subtitle.empty()) {
    TextStyle small = sans(9);
    small.color = kLabel;
    small.align = PANGO_ALIGN_RIGHT;
    const double sh = measure(subtitle, small, w * 0.38);
    text(subtitle, small, x + w * 0.62, y + h - sh - 2, w * 0.38);
  }
  const double rule = y + h + 3;
  cairo_move_to(cr_, x, rule);
  cairo_line_to(cr_, x + w, rule);
  cairo_set_line_width(cr_, 2);
  set_color(cr_, kNavy);
  cairo_stroke(cr_);
  return rule + 10;
}

void FormPainter::footer(const std::string& left, const std::string& right, double x, double y,
                         double w) {
  TextStyle s = sans(7.5);
  s.color = kLabel;
  s.ellipsize = true;
  text(left, s, x, y, w * 0.62);
  s.align = PANGO_ALIGN_RIGHT;
  text(right, s, x + w * 0.62, y, w * 0.38);
}

}  // namespace medbcp::doc
