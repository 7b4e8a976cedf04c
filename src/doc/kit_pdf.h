// Joining PDFs into one file (the paper kit is the plan document followed by
// the forms). The first document is the base: its bookmarks, links and
// metadata stay; the pages of the others are appended after its own.
#pragma once

#include <string>
#include <vector>

namespace medbcp::doc {

// Throws std::runtime_error when a part is not a readable PDF.
std::string concatenate_pdfs(const std::vector<std::string>& parts);

}  // namespace medbcp::doc
