// The plan's tables as an Excel workbook (libxlsxwriter): 別紙２ 情報機器台帳
// first, then every other table of the document, one sheet each, printed on
// A4 landscape fitted to the page width, the header row frozen and repeated
// on every printed page, blanks shaded as fields to fill.
#pragma once

#include <string>

#include "doc/document.h"

namespace medbcp::doc {

std::string render_xlsx(const Document& doc);

}  // namespace medbcp::doc
