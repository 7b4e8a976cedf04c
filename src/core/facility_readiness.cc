#include "core/facility_readiness.h"

namespace medbcp::core {

const char* label(KitState state) {
  switch (state) {
    case KitState::Current:
      return "最新";
    case KitState::Outdated:
      return "古い";
    case KitState::None:
      return "未作成";
  }
  return "";
}

const char* code(KitState state) {
  switch (state) {
    case KitState::Current:
      return "current";
    case KitState::Outdated:
      return "outdated";
    case KitState::None:
      return "none";
  }
  return "";
}

}  // namespace medbcp::core
