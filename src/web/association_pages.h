// The association's pages (医師会・都道府県): the overview of every member
// facility's readiness — filter, sort, CSV and XLSX — and adding a facility
// with its first administrator. Counts and dates only; nothing here opens a
// clinic's plan or incident to the association's accounts.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_association_routes(Router& router);

}  // namespace medbcp::web
