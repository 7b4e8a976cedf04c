// The drill scenarios of scenarios/, compiled into the binary so a clinic's
// single binary needs no files beside it (see medbcp_embed in CMakeLists.txt).
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace medbcp::app {

const std::vector<core::EmbeddedFile>& embedded_scenarios();

}  // namespace medbcp::app
