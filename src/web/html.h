// The one HTML writer of the web layer. Every piece of text and every
// attribute value goes through core::escape_markup(); tag and attribute names are
// literals of our own code and are checked to be plain names. Markup that
// did not come from this writer can only enter through
// raw_html_unescaped(), so `grep raw_html_unescaped` lists every exception.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/markup_escape.h"

namespace medbcp::web {

// One attribute. A flag (checked, selected, required, disabled …) is
// written as its bare name when on and left out when off.
struct Attr {
  Attr(std::string_view name, std::string_view value) : name(name), value(value) {}
  Attr(std::string_view name, const char* value) : name(name), value(value) {}
  Attr(std::string_view name, const std::string& value) : name(name), value(value) {}
  static Attr flag(std::string_view name, bool on) {
    Attr a(name, "");
    a.is_flag = true;
    a.present = on;
    return a;
  }
  // Left out entirely when value is empty (e.g. an optional aria-describedby).
  static Attr optional(std::string_view name, std::string_view value) {
    Attr a(name, value);
    a.present = !value.empty();
    return a;
  }

  std::string_view name;
  std::string value;
  bool is_flag = false;
  bool present = true;
};

class Html {
 public:
  using Attrs = std::initializer_list<Attr>;

  // <tag attrs>; must be matched by close(tag).
  Html& open(std::string_view tag, Attrs attrs = {});
  Html& open(std::string_view tag, const std::vector<Attr>& attrs);
  Html& close(std::string_view tag);
  // <tag attrs>text</tag>
  Html& el(std::string_view tag, Attrs attrs, std::string_view text);
  Html& el(std::string_view tag, std::string_view text) { return el(tag, {}, text); }
  // A void element: <input …>, <meta …>, <link …>, <br>.
  Html& empty(std::string_view tag, Attrs attrs = {});
  Html& empty(std::string_view tag, const std::vector<Attr>& attrs);
  // A childless element inside <svg>: <rect … />. Foreign content has no
  // void elements, so without the slash what follows would nest inside.
  Html& self_closing(std::string_view tag, Attrs attrs);
  Html& text(std::string_view text);
  // A fragment built by another Html writer (already escaped).
  Html& append(const Html& fragment);
  // The only way to insert markup this writer did not build. Use for
  // trusted constant markup only — never for anything a user typed.
  Html& raw_html_unescaped(std::string_view trusted_markup);

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }
  bool empty_output() const { return out_.empty(); }
  // Tags opened and not yet closed (for checks in tests and layouts).
  std::size_t depth() const { return open_.size(); }

 private:
  void start_tag(std::string_view tag, const Attr* begin, const Attr* end, bool self_close = false);
  std::string out_;
  std::vector<std::string> open_;  // copies: a tag may be built at run time
};

}  // namespace medbcp::web
