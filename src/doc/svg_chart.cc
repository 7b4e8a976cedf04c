#include "doc/svg_chart.h"

#include <cstdio>

#include "core/markup_escape.h"
#include "doc/chart_style.h"
#include "doc/markup.h"

namespace medbcp::doc {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string rect(const Rect& r, const char* fill, const char* stroke, double width,
                 double radius = 0) {
  return "<rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) + "\" width=\"" + num(r.w) +
         "\" height=\"" + num(r.h) + "\" rx=\"" + num(radius) + "\" fill=\"" + fill +
         "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"/>";
}

std::string text(double x, double y, const std::string& s, const char* fill, bool bold,
                 const char* anchor = "start") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" fill=\"" + fill + "\"" +
         (bold ? " font-weight=\"bold\"" : "") + " text-anchor=\"" + anchor + "\">" +
         core::escape_markup(s) + "</text>";
}

// The title band: rounded at the top only, so it sits inside the frame.
std::string band_path(const Rect& b, double h, double r, const char* fill) {
  return "<path fill=\"" + std::string(fill) + "\" d=\"M" + num(b.x) + " " + num(b.y + h) + " V" +
         num(b.y + r) + " Q" + num(b.x) + " " + num(b.y) + " " + num(b.x + r) + " " + num(b.y) +
         " H" + num(b.right() - r) + " Q" + num(b.right()) + " " + num(b.y) + " " + num(b.right()) +
         " " + num(b.y + r) + " V" + num(b.y + h) + " Z\"/>";
}

}  // namespace

std::string contact_chart_svg(const ChartLayout& l) {
  using namespace chart_style;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
                    num(l.width) + " " + num(l.height) +
                    "\" role=\"img\" aria-label=\"連絡体制図\"" +
                    " font-family=\"'Noto Sans CJK JP','Noto Sans JP','IPAexGothic',sans-serif\"" +
                    " font-size=\"" + num(l.font_size) + "\">\n";
  for (const Connector& c : l.connectors) {
    std::string pts;
    for (const Point& p : c.points) pts += num(p.x) + "," + num(p.y) + " ";
    out += "<polyline fill=\"none\" stroke=\"" + std::string(kLineGrey.hex) + "\" stroke-width=\"" +
           num(l.stroke) + "\"" + (c.dashed ? " stroke-dasharray=\"4 3\"" : "") + " points=\"" +
           pts + "\"/>\n";
  }
  const double r = l.padding * 0.6;
  for (const PlacedLabel& lb : l.labels) {
    double baseline = lb.rect.y + lb.rect.h / 2 + l.font_size * 0.36;
    switch (lb.role) {
      case PlacedLabel::Role::ExternalHeader:
        out += rect(lb.rect, kWhite.hex, kTeal.hex, l.stroke, r);
        out += text(lb.rect.x + lb.rect.w / 2, baseline, lb.text, kTeal.hex, true, "middle");
        break;
      case PlacedLabel::Role::GroupTitle:
        out += rect(lb.rect, kTeal.hex, kTeal.hex, l.stroke, r);
        out += text(lb.rect.x + l.padding, baseline, lb.text, kWhite.hex, true);
        break;
      case PlacedLabel::Role::Legend:
        out += text(lb.rect.x + lb.rect.w, baseline, lb.text, kAlert.hex, false, "end");
        break;
    }
    out += "\n";
  }
  for (const PlacedBox& b : l.boxes) {
    bool officer = b.role == PlacedBox::Role::Officer;
    bool external = b.role == PlacedBox::Role::External;
    const char* frame = b.highlight ? kAlert.hex : external ? kTeal.hex : kNavy.hex;
    const char* band = officer ? kNavy.hex : external ? kTealTint.hex : kNavyTint.hex;
    double width = b.highlight ? l.stroke * 2.4 : l.stroke;
    out += "<g>";
    out += rect(b.rect, kWhite.hex, "none", 0, r);
    const double band_h = title_band_height(l, b.title.size());
    out += band_path(b.rect, band_h, r, band);
    out += rect(b.rect, "none", frame, width, r);
    double y = b.rect.y + l.title_band / 2 + l.font_size * 0.36;
    for (const std::string& title : b.title) {
      out += text(b.rect.x + l.padding, y, title, officer ? kWhite.hex : kInk.hex, true);
      y += l.title_line;
    }
    y = b.rect.y + band_h + l.line_height * 0.8;
    for (const std::string& line : b.lines) {
      out += text(b.rect.x + l.padding, y, line, kInk.hex, false);
      y += l.line_height;
    }
    out += "</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace medbcp::doc
