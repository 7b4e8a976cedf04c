// The one escaping of text into markup: web pages, the documents' HTML, SVG
// and WordprocessingML, and the offline kit all put every piece of text
// through escape_markup(), so raw markup is only ever our own literals.
#pragma once

#include <string>
#include <string_view>

namespace medbcp::core {

// &, <, >, " and ' as entities; a broken UTF-8 sequence as U+FFFD (whatever
// came in — a query string, an old row — the output is valid UTF-8); the
// control characters XML 1.0 forbids dropped (a pasted form feed must not
// make Word refuse the file). Tab, line feed and carriage return stay.
std::string escape_markup(std::string_view text);

}  // namespace medbcp::core
