// A file compiled into the binary by cmake/embed_files.cmake (migrations, web
// assets, the default plan template): medbcp needs no files beside itself.
#pragma once

#include <string_view>
#include <vector>

namespace medbcp::core {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder, '/'-separated
  std::string_view bytes;
};

}  // namespace medbcp::core
