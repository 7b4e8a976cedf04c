// Column widths of a printed table. Each column has a weight (its share of
// the page, from the template's catalogue) and a minimum: the width of its
// header and of its longest run that must not break across lines (an IP
// address, a date such as R13.10.14, a 管理番号). A column whose share is
// below its minimum gets the minimum, and the room it takes comes from the
// others in proportion to their weights; so "192.168.10.10" stays on one
// line and the prose columns (機器名, 備考) absorb the difference.
#pragma once

#include <string_view>
#include <vector>

namespace medbcp::doc {

// Widths (points) that add up to `available`. When the minimums alone do not
// fit, they are scaled down together (the text then wraps as it must).
std::vector<double> column_widths(const std::vector<double>& weights,
                                  const std::vector<double>& minimums, double available);

// The same with two kinds of minimum: `hard` ones (headers, IP addresses,
// dates) always hold; `soft` ones (short labels kept on one line) hold only
// while no column is squeezed below 70% of its share by weight, since a
// crushed 組織名 column is worse than a wrapped label.
std::vector<double> column_widths(const std::vector<double>& weights,
                                  const std::vector<double>& hard, const std::vector<double>& soft,
                                  double available);

// The runs of a cell that must stay on one line: maximal runs of printable
// ASCII without spaces ("192.168.10.10", "SV-001", "R7.3.28"). Japanese
// text may break between any two characters and has none.
std::vector<std::string_view> unbreakable_runs(std::string_view text);

// The width of `text` in ems when no font is at hand to measure it (the DOCX,
// laid out later by Word or LibreOffice): a full-width character is one em,
// an ASCII one 0.62 (Noto Sans CJK's digits and capitals, a little over).
double estimated_width_em(std::string_view text);

// A cell short enough (at most ten characters, no space) to read as one
// word, such as 電子カルテシステム or 稼働中: breaking it would split a name.
bool is_short_label(std::string_view text);

}  // namespace medbcp::doc
