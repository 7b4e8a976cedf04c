// A table of records on a page: in a labelled region that scrolls sideways
// on a narrow screen (and can be reached with the keyboard to do so), with
// one header row. The caller writes the body rows, then closes it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "web/html.h"

namespace medbcp::web {

// `table_class` adds to "data" (「data--timeline」: a list on a phone).
void open_data_table(Html& h, const std::string& label,
                     std::initializer_list<std::string_view> columns,
                     const std::string& table_class = "");
void close_data_table(Html& h);

}  // namespace medbcp::web
