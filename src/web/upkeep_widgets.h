// Small pieces shared by the 平時 pages (stock-take, backups, checks): the
// compact labelled inputs of forms repeated on one page (one per device or
// per backup plan, so their ids carry a suffix), a problem list for those
// forms, and a facts list.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/problem.h"
#include "web/form.h"
#include "web/html.h"

namespace medbcp::web {

// <label for=id>label</label><input type=… id name value>, inside a
// div.field. `type` is an HTML input type ("text", "number",
// "datetime-local", "date").
void compact_input(Html& h, const std::string& id, const std::string& name,
                   const std::string& label, const std::string& type = "text",
                   const std::string& value = "", bool required = false,
                   const std::vector<Attr>& extra = {});
void compact_select(Html& h, const std::string& id, const std::string& name,
                    const std::string& label, const std::vector<Option>& options,
                    const std::string& selected = "");

// The problems of a refused form, as an error summary (role=alert).
void problem_summary(Html& h, const std::string& title, const core::Problems& problems);

// A table cell's text, or a muted dash when empty.
void text_or_dash(Html& h, const std::string& text);

// <dl class="facts"> of label/value pairs.
void facts(Html& h, const std::vector<std::pair<std::string, std::string>>& rows);

}  // namespace medbcp::web
