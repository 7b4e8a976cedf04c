// Readiness rules: every gap that keeps a plan from being usable on the day,
// as a pure function of the plan. Each gap says where and what to do.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "core/plan_section.h"

namespace medbcp::core {

struct Gap {
  // The section whose editor fixes it (施行日 is the facility's).
  Section section = Section::Facility;
  std::string where;  // 人が読む場所: 「総則 ５ 文書の管理部門」「代替運用 2行目」
  std::string field;    // machine path: "facility.document_department", "fallbacks[2].fallback"
  std::string message;  // 何をすべきか（日本語）
};

// True when text is empty or still holds a template placeholder (〇〇, ○○, ◯◯ …).
bool is_placeholder(std::string_view text);

std::vector<Gap> readiness_gaps(const Plan& plan);

}  // namespace medbcp::core
