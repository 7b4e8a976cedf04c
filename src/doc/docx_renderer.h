// The plan document as DOCX, written by hand as WordprocessingML so a clinic
// can keep editing it in Word or LibreOffice: real Heading 1–3 styles (the
// navigation pane and a TOC field work), the spec's numbering （１／（１）／①）
// as Word numbering, real tables with a repeating header row, landscape
// sections for 別紙, the contact chart as a picture, blanks as shaded ＿＿＿.
#pragma once

#include <string>

#include "doc/document.h"

namespace medbcp::doc {

std::string render_docx(const Document& doc);

}  // namespace medbcp::doc
