// The notice templates of notices/, compiled into the binary (see
// medbcp_embed in CMakeLists.txt).
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace medbcp::app {

const std::vector<core::EmbeddedFile>& embedded_notices();

}  // namespace medbcp::app
