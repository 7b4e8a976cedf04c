// The numbered migration files of src/store/migrations, compiled in.
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace medbcp::store {

const std::vector<core::EmbeddedFile>& embedded_migrations();

}  // namespace medbcp::store
