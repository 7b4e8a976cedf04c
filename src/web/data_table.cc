#include "web/data_table.h"

namespace medbcp::web {

void open_data_table(Html& h, const std::string& label,
                     std::initializer_list<std::string_view> columns,
                     const std::string& table_class) {
  h.open("div",
         {{"class", "table-wrap"}, {"role", "region"}, {"aria-label", label}, {"tabindex", "0"}});
  h.open("table", {{"class", table_class.empty() ? "data" : "data " + table_class}});
  h.open("thead").open("tr");
  for (std::string_view c : columns) h.el("th", {{"scope", "col"}}, c);
  h.close("tr").close("thead");
  h.open("tbody");
}

void close_data_table(Html& h) { h.close("tbody").close("table").close("div"); }

}  // namespace medbcp::web
