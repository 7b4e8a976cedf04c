#include "core/clinic_backup_record.h"

namespace medbcp::core {

const char* label(Outcome o) { return o == Outcome::Ok ? "成功" : "失敗"; }
const char* code(Outcome o) { return o == Outcome::Ok ? "ok" : "fail"; }

std::optional<Outcome> outcome_from_code(std::string_view c) {
  if (c == "ok") return Outcome::Ok;
  if (c == "fail") return Outcome::Failed;
  return std::nullopt;
}

}  // namespace medbcp::core
