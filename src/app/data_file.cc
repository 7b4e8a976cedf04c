#include "app/data_file.h"

#include <fstream>
#include <sstream>

namespace medbcp::app {

std::optional<std::string> read_data_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

}  // namespace medbcp::app
