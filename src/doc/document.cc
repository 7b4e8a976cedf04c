#include "doc/document.h"

#include "core/numbering.h"

namespace medbcp::doc {

Text plain(std::string text) {
  if (text.empty()) return {};
  return {Span{Span::Kind::Text, std::move(text), 0}};
}

Text blank(int width) { return {Span{Span::Kind::Blank, {}, width}}; }

std::string blank_text(int width) {
  std::string out;
  for (int i = 0; i < width; ++i) out += "＿";
  return out;
}

std::string to_plain(const Text& text) {
  std::string out;
  for (const Span& s : text) out += s.kind == Span::Kind::Blank ? blank_text(s.width) : s.text;
  return out;
}

bool has_blank(const Text& text) {
  for (const Span& s : text)
    if (s.kind == Span::Kind::Blank) return true;
  return false;
}

bool is_empty(const Text& text) {
  for (const Span& s : text)
    if (s.kind == Span::Kind::Blank || !s.text.empty()) return false;
  return true;
}

void append(Text& text, const Text& more) {
  for (const Span& s : more) {
    if (s.kind == Span::Kind::Text && s.text.empty()) continue;
    if (s.kind == Span::Kind::Text && !text.empty() && text.back().kind == Span::Kind::Text) {
      text.back().text += s.text;
    } else {
      text.push_back(s);
    }
  }
}

void append(Text& text, std::string more) { append(text, plain(std::move(more))); }

std::string Heading::full_title() const {
  if (number.empty()) return title;
  // A parenthesised number reads as part of the title: （１）発見・報告.
  if (number.starts_with("（")) return number + title;
  return number + "　" + title;
}

std::string List::marker_text(std::size_t index) const {
  if (marker == Marker::Bullet) return "・";
  if (marker == Marker::Paren) return core::paren_number(static_cast<int>(index) + 1);
  return core::circled_number(static_cast<int>(index) + 1);
}

int ContactChart::box_count() const {
  int n = 1 + static_cast<int>(internal.size());
  for (const ChartGroup& g : external) n += static_cast<int>(g.boxes.size());
  return n;
}

std::vector<const Heading*> Document::headings(int max_level) const {
  std::vector<const Heading*> out;
  for (const Block& b : blocks)
    if (const auto* h = std::get_if<Heading>(&b); h && h->level <= max_level) out.push_back(h);
  return out;
}

std::string Document::edition_line() const {
  std::string line = edition;
  std::string date = to_plain(effective_date);
  if (!date.empty()) line += (line.empty() ? "" : "　") + date + "施行";
  return line;
}

}  // namespace medbcp::doc
