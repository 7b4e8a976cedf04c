// The plan document as a print-ready PDF, drawn with Pango and Cairo: A4
// (landscape where the template turns the page), embedded Japanese fonts with
// selectable text, a cover with sign-off boxes, a table of contents with page
// numbers and links, PDF bookmarks, tables whose header row repeats on every
// page and whose rows never break inside a line, the contact chart as vector
// drawing, and a footer with facility, page number, 版数 and 施行日.
#pragma once

#include <string>

#include "doc/document.h"

namespace medbcp::doc {

struct PdfInfo {
  int pages = 0;
  // Characters no installed font could draw (tofu). Counted only when asked
  // for, as it costs a pass over every layout.
  int missing_glyphs = 0;
};

std::string render_pdf(const Document& doc, PdfInfo* info = nullptr);

}  // namespace medbcp::doc
