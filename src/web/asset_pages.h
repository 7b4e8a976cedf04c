// Serves the embedded assets under /assets/, with a content hash as the
// cache key: a URL carrying the current hash may be cached for a year.
#pragma once

#include <string>
#include <string_view>

#include "core/embedded_file.h"
#include "web/router.h"

namespace medbcp::web {

// nullptr when there is no such asset.
const core::EmbeddedFile* find_asset(std::string_view name);
// A short hash of the asset's bytes ("" when unknown).
std::string asset_hash(std::string_view name);

void register_asset_routes(Router& router);

}  // namespace medbcp::web
