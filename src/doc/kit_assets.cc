#include "doc/kit_assets.h"

#include <stdexcept>
#include <string>

namespace medbcp::doc {

std::string_view kit_asset(std::string_view path) {
  for (const auto& f : embedded_kit_assets()) {
    if (f.path == path) return f.bytes;
  }
  throw std::logic_error("assets/kit/" + std::string(path) + " is not embedded");
}

}  // namespace medbcp::doc
