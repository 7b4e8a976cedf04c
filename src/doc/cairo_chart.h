// 別紙１ 連絡体制図 drawn with Cairo: vector boxes, lines and real text in the
// PDF, and (through an image surface) the picture embedded in the DOCX.
#pragma once

#include <cairo.h>

#include <string>

#include "doc/contact_chart_layout.h"
#include "doc/pango_text.h"

namespace medbcp::doc {

// Draws the layout with its origin at (x, y).
void draw_contact_chart(cairo_t* cr, TextEngine& text, const ChartLayout& layout, double x,
                        double y);

// The layout as a PNG, `dpi` dots per inch (1 layout unit = 1 point).
std::string contact_chart_png(const ChartLayout& layout, double dpi);

}  // namespace medbcp::doc
