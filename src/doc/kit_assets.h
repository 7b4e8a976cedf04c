// The offline kit's own CSS and JavaScript (assets/kit/), compiled into the
// binary by medbcp_embed in src/doc/CMakeLists.txt, so a kit can be made
// anywhere without the source tree, and doc/ never reaches into web/.
#pragma once

#include <string_view>
#include <vector>

#include "core/embedded_file.h"

namespace medbcp::doc {

const std::vector<core::EmbeddedFile>& embedded_kit_assets();

// The bytes of one file ("kit.js"); throws std::logic_error when missing,
// which is a build mistake, not a user's.
std::string_view kit_asset(std::string_view path);

}  // namespace medbcp::doc
