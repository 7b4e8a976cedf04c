// The files of api/ (the OpenAPI document of the JSON API), compiled into
// the binary by medbcp_embed in src/web/CMakeLists.txt.
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace medbcp::web {

const std::vector<core::EmbeddedFile>& embedded_api();

}  // namespace medbcp::web
