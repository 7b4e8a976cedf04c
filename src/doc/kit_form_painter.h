// Drawing blank paper forms with Cairo and Pango: labelled boxes to write
// in, tick boxes, ruled tables with empty rows, cut lines. The paper kit's
// forms (kit_forms.h) are filled by hand with a pen, often through carbon
// paper, so sizes are generous and lines are dark enough to photocopy.
// All units are PDF points (1/72 inch); the origin is the page's top left.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "doc/pango_text.h"

namespace medbcp::doc {

inline constexpr double kA4Width = 595.276;
inline constexpr double kA4Height = 841.890;

struct FormColumn {
  std::string header;
  double weight = 1;
};

class FormPainter {
 public:
  FormPainter(cairo_t* cr, TextEngine& text) : cr_(cr), text_(text) {}

  // Text wrapped to `width`; returns its height.
  double text(const std::string& s, const TextStyle& style, double x, double y, double width);
  // Height `s` would take, without drawing.
  double measure(const std::string& s, const TextStyle& style, double width);
  // Width of one line of `label` in the tick-box type, or in `style`.
  double measure_width(const std::string& label);
  double measure_width(const std::string& label, const TextStyle& style);

  // A rectangle with a small label in its top-left corner: space to write.
  void box(double x, double y, double w, double h, const std::string& label);
  // Faint lines to write on inside a box, `pitch` apart, below `top`.
  void writing_lines(double x, double y, double w, double h, double pitch);
  // A tick box and its label; returns the x after the label.
  double checkbox(double x, double y, const std::string& label, double size = 10);
  // A row of tick boxes, wrapping within `width`; returns the height used.
  double checkboxes(const std::vector<std::string>& labels, double x, double y, double width);

  // A ruled table: header row and `rows` rows of `row_height`. `cells` fill
  // the first rows (pre-printed text, small); the rest are empty.
  // Returns the y below the table.
  double table(double x, double y, double width, const std::vector<FormColumn>& columns, int rows,
               double row_height, const std::vector<std::vector<std::string>>& cells = {});

  // A dashed cut line across the page with a scissors note.
  void cut_line(double y, double x0, double x1, const std::string& note);

  // A heavy title band: the form's name (what a test or a reader finds
  // first) and a right-aligned subtitle. Returns the y below it.
  double title(const std::string& name, const std::string& subtitle, double x, double y, double w);

  // The form's footer: facility, form name, kit stamp.
  void footer(const std::string& left, const std::string& right, double x, double y, double w);

  cairo_t* cr() const { return cr_; }

 private:
  void stroke(double width, double grey);
  cairo_t* cr_;
  TextEngine& text_;
};

TextStyle sans(double size, bool bold = false);
TextStyle serif(double size, bool bold = false);

}  // namespace medbcp::doc
