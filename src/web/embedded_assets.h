// The files of assets/ (stylesheet, script, icon), compiled into the binary
// by medbcp_embed in src/web/CMakeLists.txt: the server reads nothing from
// disk and loads nothing from the internet.
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace medbcp::web {

const std::vector<core::EmbeddedFile>& embedded_assets();

}  // namespace medbcp::web
