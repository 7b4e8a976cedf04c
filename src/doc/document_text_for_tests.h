// Tests only: a document's words in reading order (title, cover facts,
// headings, paragraphs, and each table as `[name]cell|cell|…`), so a test can
// ask what a printout says without rendering it.
#pragma once

#include <string>
#include <variant>

#include "doc/document.h"

namespace medbcp::doc {

inline std::string text_of(const Document& d) {
  std::string out = d.title + "\n" + d.subtitle + "\n";
  for (const auto& f : d.cover_facts) out += f.label + ":" + to_plain(f.value) + "\n";
  for (const Block& b : d.blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) out += h->full_title() + "\n";
    if (const auto* p = std::get_if<Paragraph>(&b)) out += to_plain(p->text) + "\n";
    if (const auto* t = std::get_if<Table>(&b)) {
      out += "[" + t->name + "]";
      for (const auto& row : t->rows)
        for (const Text& cell : row) out += to_plain(cell) + "|";
      out += "\n";
    }
  }
  return out;
}

}  // namespace medbcp::doc
