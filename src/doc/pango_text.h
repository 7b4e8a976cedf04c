// Japanese text for the PDF (and the chart picture in DOCX): one private
// Pango font map and context per render (Pango objects must not be shared
// between threads), fonts from fonts-noto-cjk with IPAex as fallback, metrics
// unhinted so glyph positions in the PDF are exact, and helpers to lay out
// rich Text (blanks become tinted ＿＿＿ runs) and draw it line by line, which
// is what lets paragraphs and table rows continue on the next page without
// cutting a line in half.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "doc/chart_style.h"
#include "doc/document.h"

namespace medbcp::doc {

struct TextStyle {
  bool sans = false;   // Noto Sans CJK JP (else Noto Serif CJK JP)
  double size = 10.5;  // points
  bool bold = false;
  chart_style::Rgb color = chart_style::kInk;
  double line_spacing = 0;  // factor of the font height; 0 = the font's own
  double indent = 0;        // first line (negative: hanging indent)
  bool justify = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool ellipsize = false;  // one line, cut with …
};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

// One line of a laid-out paragraph, in points relative to the layout's top.
struct LineBox {
  double top = 0, bottom = 0, baseline = 0, x = 0;
};

class TextEngine {
 public:
  TextEngine();
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  LayoutPtr layout(const Text& text, const TextStyle& style, double width);
  LayoutPtr layout(const std::string& text, const TextStyle& style, double width);
  // Re-uses `layout` for new text (cheaper than a new layout per table cell).
  void set(PangoLayout* layout, const Text& text, const TextStyle& style, double width);
  // The extra space line_spacing puts between two lines of this style: put
  // it between list items too, so items read at the same rhythm as lines.
  double leading(const TextStyle& style);

  // Counts characters without a glyph in any font (tofu) in every layout
  // made from now on; for tests.
  void count_missing_glyphs() { count_missing_ = true; }
  int missing_glyphs() const { return missing_; }

 private:
  PangoFontDescription* font(const TextStyle& style);

  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoFontDescription* fonts_[2][2] = {};  // [sans][bold], at size 10 (size set per use)
  bool count_missing_ = false;
  int missing_ = 0;
};

// Height of the whole layout, points.
double layout_height(PangoLayout* layout);
// Width of the widest line, points.
double layout_width(PangoLayout* layout);
std::vector<LineBox> line_boxes(PangoLayout* layout);
// Draws lines [from, to) with the layout's top at (x, y); returns nothing
// because positions come from line_boxes.
void draw_lines(cairo_t* cr, PangoLayout* layout, double x, double y, std::size_t from,
                std::size_t to);
void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y);
void set_color(cairo_t* cr, const chart_style::Rgb& c);

}  // namespace medbcp::doc
