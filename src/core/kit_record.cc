#include "core/kit_record.h"

namespace medbcp::core {

const char* code(KitKind kind) { return kind == KitKind::Paper ? "paper" : "offline"; }

}  // namespace medbcp::core
