#include "doc/cairo_chart.h"

#include <cmath>

namespace medbcp::doc {
namespace {

using namespace chart_style;

void rounded(cairo_t* cr, const Rect& r, double radius) {
  double x = r.x, y = r.y, w = r.w, h = r.h;
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - radius, y + radius, radius, -M_PI / 2, 0);
  cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, M_PI / 2);
  cairo_arc(cr, x + radius, y + h - radius, radius, M_PI / 2, M_PI);
  cairo_arc(cr, x + radius, y + radius, radius, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

// The top band of a box: rounded at the top only, so it sits in the frame.
void top_band(cairo_t* cr, const Rect& r, double h, double radius) {
  cairo_new_sub_path(cr);
  cairo_move_to(cr, r.x, r.y + h);
  cairo_arc(cr, r.x + radius, r.y + radius, radius, M_PI, 3 * M_PI / 2);
  cairo_arc(cr, r.x + r.w - radius, r.y + radius, radius, -M_PI / 2, 0);
  cairo_line_to(cr, r.x + r.w, r.y + h);
  cairo_close_path(cr);
}

void text_line(cairo_t* cr, TextEngine& engine, const std::string& s, const TextStyle& style,
               double x, double y, double width, double band) {
  LayoutPtr l = engine.layout(s, style, width);
  double h = layout_height(l.get());
  set_color(cr, style.color);
  draw_layout(cr, l.get(), x, y + (band - h) / 2);
}

}  // namespace

void draw_contact_chart(cairo_t* cr, TextEngine& engine, const ChartLayout& l, double x, double y) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);

  set_color(cr, kLineGrey);
  cairo_set_line_width(cr, l.stroke);
  for (const Connector& c : l.connectors) {
    if (c.points.empty()) continue;
    if (c.dashed) {
      double dash[] = {4 * l.stroke / 0.8, 3 * l.stroke / 0.8};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, c.points[0].x, c.points[0].y);
    for (std::size_t i = 1; i < c.points.size(); ++i)
      cairo_line_to(cr, c.points[i].x, c.points[i].y);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  }

  const double radius = l.padding * 0.6;
  TextStyle bold{.sans = true, .size = l.font_size, .bold = true, .ellipsize = true};
  TextStyle normal{.sans = true, .size = l.font_size, .ellipsize = true};
  for (const PlacedLabel& lb : l.labels) {
    TextStyle s = bold;
    switch (lb.role) {
      case PlacedLabel::Role::ExternalHeader:
        rounded(cr, lb.rect, radius);
        set_color(cr, kWhite);
        cairo_fill_preserve(cr);
        set_color(cr, kTeal);
        cairo_stroke(cr);
        s.color = kTeal;
        s.align = PANGO_ALIGN_CENTER;
        text_line(cr, engine, lb.text, s, lb.rect.x, lb.rect.y, lb.rect.w, lb.rect.h);
        break;
      case PlacedLabel::Role::GroupTitle:
        rounded(cr, lb.rect, radius);
        set_color(cr, kTeal);
        cairo_fill(cr);
        s.color = kWhite;
        text_line(cr, engine, lb.text, s, lb.rect.x + l.padding, lb.rect.y,
                  lb.rect.w - 2 * l.padding, lb.rect.h);
        break;
      case PlacedLabel::Role::Legend:
        s = normal;
        s.color = kAlert;
        s.align = PANGO_ALIGN_RIGHT;
        text_line(cr, engine, lb.text, s, lb.rect.x, lb.rect.y, lb.rect.w, lb.rect.h);
        break;
    }
  }

  for (const PlacedBox& b : l.boxes) {
    bool officer = b.role == PlacedBox::Role::Officer;
    bool external = b.role == PlacedBox::Role::External;
    rounded(cr, b.rect, radius);
    set_color(cr, kWhite);
    cairo_fill(cr);
    const double band = title_band_height(l, b.title.size());
    top_band(cr, b.rect, band, radius);
    set_color(cr, officer ? kNavy : external ? kTealTint : kNavyTint);
    cairo_fill(cr);
    rounded(cr, b.rect, radius);
    set_color(cr, b.highlight ? kAlert : external ? kTeal : kNavy);
    cairo_set_line_width(cr, b.highlight ? l.stroke * 2.4 : l.stroke);
    cairo_stroke(cr);
    double inner = b.rect.w - 2 * l.padding;
    TextStyle t = bold;
    t.color = officer ? kWhite : kInk;
    double ty = b.rect.y + (l.title_band - l.title_line) / 2;
    for (const std::string& title : b.title) {
      text_line(cr, engine, title, t, b.rect.x + l.padding, ty, inner, l.title_line);
      ty += l.title_line;
    }
    double ly = b.rect.y + band + l.line_height * 0.1;
    for (const std::string& line : b.lines) {
      text_line(cr, engine, line, normal, b.rect.x + l.padding, ly, inner, l.line_height);
      ly += l.line_height;
    }
  }
  cairo_restore(cr);
}

std::string contact_chart_png(const ChartLayout& l, double dpi) {
  double s = dpi / 72.0;
  int w = static_cast<int>(std::ceil(l.width * s)), h = static_cast<int>(std::ceil(l.height * s));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, s, s);
  {
    TextEngine engine;
    draw_contact_chart(cr, engine, l, 0, 0);
  }
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_surface_destroy(surface);
  return png;
}

}  // namespace medbcp::doc
