// 別紙１ 連絡体制図 as inline SVG for the HTML document: the same layout the
// PDF draws, as vector shapes with real (selectable) text.
#pragma once

#include <string>

#include "doc/contact_chart_layout.h"

namespace medbcp::doc {

std::string contact_chart_svg(const ChartLayout& layout);

}  // namespace medbcp::doc
