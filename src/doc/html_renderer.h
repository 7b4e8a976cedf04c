// The plan document as one self-contained HTML5 file: inline CSS with print
// rules (A4, page breaks, landscape pages for 別紙, footer with facility,
// 版数 and 施行日), inline SVG for 別紙１. Opens in any browser offline and
// prints like the PDF. Every piece of plan text is escaped.
#pragma once

#include <string>

#include "doc/document.h"

namespace medbcp::doc {

std::string render_html(const Document& doc);

}  // namespace medbcp::doc
