// medbcp's own scheduled backups (`medbcp db backup --dir`, run daily by
// medbcp-backup.timer): how a backup file is named and which old ones go.
//
// A file is medbcp-YYYYMMDD-HHMMSS.db, the time it was taken in Japan time,
// so a person sorting a folder by name sorts it by age. Rotation keeps the
// newest file of each of the `keep_daily` most recent days that have one
// and the newest of each of the `keep_weekly` most recent weeks (Monday to
// Sunday) that have one; every other file of that name goes. Files of any
// other name are never touched: the folder may hold a person's own copies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace medbcp::core {

struct RotationPolicy {
  int keep_daily = 14;
  int keep_weekly = 8;
};

// "medbcp-20261207-031500.db" for 2026-12-07 03:15:00 in Japan time.
std::string backup_file_name(const Instant& taken);
// The time a file of that name was taken; nullopt for any other name.
std::optional<Instant> backup_file_time(std::string_view name);

// Of `names` (a folder's listing), those rotation removes, oldest first.
// Names that are not medbcp's backups are ignored.
std::vector<std::string> backups_to_remove(const std::vector<std::string>& names,
                                           const RotationPolicy& policy);

// The Monday of the week `day` falls in.
Date week_start(const Date& day);

}  // namespace medbcp::core
