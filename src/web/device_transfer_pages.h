// 別紙２ 情報機器台帳 to and from Excel in the web app: export as XLSX or
// CSV (Shift_JIS as Excel saves it, or UTF-8 with BOM), and import a file
// in two steps — what would change, row by row with every bad row named,
// then "この内容で取り込む" — all or nothing, as `medbcp devices import`.
#pragma once

#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

// The export and import links under the ledger's table.
void device_transfer_links(const RequestContext& ctx, Html& h);

void register_device_transfer_routes(Router& router);

}  // namespace medbcp::web
