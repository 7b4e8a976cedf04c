// The backup page (/backups): each row of the plan's バックアップ体制 with
// its last good run, when the next is due, the last restore test and whether
// a copy is kept offline, the recent records, and two forms — record a
// backup run, record a restore test with its measured duration. Jobs record
// runs with `medbcp backup record`; this page is for people.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_backup_routes(Router& router);

}  // namespace medbcp::web
