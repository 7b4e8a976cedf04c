// The plan templates of templates/, compiled into the binary so `medbcp
// render` works without the source tree (see medbcp_embed in CMakeLists.txt).
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace medbcp::doc {

const std::vector<core::EmbeddedFile>& embedded_templates();

}  // namespace medbcp::doc
