// Readiness rules: every gap that keeps a plan from being usable on the day,
// as a pure function of the plan. Each gap says where and what to do.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"

namespace medbcp::core {

enum class Section {
  Facility,
  Officer,
  Systems,
  Threats,
  InternalContacts,
  ExternalContacts,
  Devices,
  Fallbacks,
  Backups,
  EffectiveDate
};
const char* label(Section);  // 日本語の節名
const char* code(Section);   // "facility", "officer", … (URLs, JSON)

struct Gap {
  Section section = Section::Facility;
  std::string where;  // 人が読む場所: 「総則 ５ 文書の管理部門」「代替運用 2行目」
  std::string field;    // machine path: "facility.document_department", "fallbacks[2].fallback"
  std::string message;  // 何をすべきか（日本語）
};

// True when text is empty or still holds a template placeholder (〇〇, ○○, ◯◯ …).
bool is_placeholder(std::string_view text);

std::vector<Gap> readiness_gaps(const Plan& plan);

}  // namespace medbcp::core
