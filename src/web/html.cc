#include "web/html.h"

#include <stdexcept>

#include "core/markup_escape.h"

namespace medbcp::web {
namespace {

// Names come from our own code; this catches a typo or a misuse (a name
// built from user data) before it can break out of the tag.
void check_name(std::string_view name) {
  if (name.empty()) throw std::logic_error("empty HTML name");
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == ':' || c == '_';
    if (!ok) throw std::logic_error("invalid HTML name: " + std::string(name));
  }
}

}  // namespace

void Html::start_tag(std::string_view tag, const Attr* begin, const Attr* end, bool self_close) {
  check_name(tag);
  out_ += '<';
  out_ += tag;
  for (const Attr* a = begin; a != end; ++a) {
    if (!a->present) continue;
    check_name(a->name);
    out_ += ' ';
    out_ += a->name;
    if (a->is_flag) continue;
    out_ += "=\"";
    out_ += core::escape_markup(a->value);
    out_ += '"';
  }
  out_ += self_close ? "/>" : ">";
}

Html& Html::open(std::string_view tag, Attrs attrs) {
  start_tag(tag, attrs.begin(), attrs.end());
  open_.emplace_back(tag);
  return *this;
}

Html& Html::open(std::string_view tag, const std::vector<Attr>& attrs) {
  start_tag(tag, attrs.data(), attrs.data() + attrs.size());
  open_.emplace_back(tag);
  return *this;
}

Html& Html::close(std::string_view tag) {
  if (open_.empty() || open_.back() != tag) {
    throw std::logic_error("HTML close of <" + std::string(tag) + "> does not match the open tag");
  }
  open_.pop_back();
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

Html& Html::el(std::string_view tag, Attrs attrs, std::string_view text) {
  start_tag(tag, attrs.begin(), attrs.end());
  out_ += core::escape_markup(text);
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

Html& Html::empty(std::string_view tag, Attrs attrs) {
  start_tag(tag, attrs.begin(), attrs.end());
  return *this;
}

Html& Html::empty(std::string_view tag, const std::vector<Attr>& attrs) {
  start_tag(tag, attrs.data(), attrs.data() + attrs.size());
  return *this;
}

Html& Html::self_closing(std::string_view tag, Attrs attrs) {
  start_tag(tag, attrs.begin(), attrs.end(), true);
  return *this;
}

Html& Html::text(std::string_view text) {
  out_ += core::escape_markup(text);
  return *this;
}

Html& Html::append(const Html& fragment) {
  if (fragment.depth() != 0) throw std::logic_error("appending an HTML fragment with open tags");
  out_ += fragment.out_;
  return *this;
}

Html& Html::raw_html_unescaped(std::string_view trusted_markup) {
  out_ += trusted_markup;
  return *this;
}

}  // namespace medbcp::web
