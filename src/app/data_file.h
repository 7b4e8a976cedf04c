// Reading a data file a clinic or an association supplies beside the
// binary (a checklist edition, drill scenarios, notice templates, a plan
// template): the whole file, or nothing when it cannot be opened or read —
// each caller says in Japanese which file and why.
#pragma once

#include <optional>
#include <string>

namespace medbcp::app {

std::optional<std::string> read_data_file(const std::string& path);

}  // namespace medbcp::app
