// Lines copied from the paper timeline sheet (時系列記録用紙) of the paper
// kit, one entry each. The time written at the start of a line is when it
// happened: 「09:10 LANケーブルを抜いた」 is dated 09:10, not when it was
// typed in. The sheet runs in order from the discovery, so a time alone
// takes the day of the line before (the first line: the day of discovery)
// and the next day once the clock goes back (the sheet crossed midnight).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace medbcp::core {

struct PaperLine {
  int line_number = 0;        // 1-based, in the text given
  std::optional<Instant> at;  // the time written on the line, when there is one
  std::string text;           // the line without its time, as written
};

// Accepts 「09:10」「9:10」「０９：１０」「9時10分」, optionally after a date
// 「2026-12-04」「2026/12/4」「12/4」, then a space, 「、」 or nothing before the
// text. Blank lines are skipped.
std::vector<PaperLine> read_paper_lines(std::string_view text, const Date& first_day);

}  // namespace medbcp::core
