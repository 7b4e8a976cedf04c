// A zip archive built in memory with libzip: the container of DOCX (and any
// other Office Open XML part list). Entries are deflated in the order added.
#pragma once

#include <string>
#include <vector>

namespace medbcp::doc {

class ZipWriter {
 public:
  void add(std::string name, std::string bytes);
  // The finished archive; throws std::runtime_error when libzip fails.
  std::string finish();

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace medbcp::doc
