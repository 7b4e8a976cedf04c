// What importing a ledger file would do to the current ledger, computed
// without touching anything: this is what `devices import --dry-run` prints
// and what the import then applies. Devices are matched by 管理番号. Only the
// columns the file has are compared, so a file without a 最終棚卸日 column
// does not wipe the dates. Devices missing from the file are kept and listed:
// a partial sheet (one floor, one vendor's machines) must not delete the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/device_ledger_columns.h"
#include "core/device_ledger_import.h"
#include "core/plan.h"

namespace medbcp::core {

struct FieldChange {
  DeviceField field;
  std::string before;  // cell texts, as exported (dates 2024/04/01, 有/無 …)
  std::string after;
};

enum class DeviceChangeKind { Added, Updated, Unchanged };

// One row of the file and what it does. Devices are referred to by index,
// not copied: a file may have 100,000 rows.
struct DeviceChange {
  DeviceChangeKind kind = DeviceChangeKind::Unchanged;
  int row = 0;                          // spreadsheet row of the file
  size_t file_index = 0;                // into DeviceLedgerImport::devices
  std::optional<size_t> current_index;  // into the current ledger, unless Added
  std::vector<FieldChange> changes;     // for Updated
  std::string label;                    // for Updated: 管理番号「機器名」, for messages
};

struct LedgerDiff {
  std::vector<DeviceChange> devices;  // in file order
  std::vector<core::Device> absent;   // in the ledger but not in the file; kept as they are

  int count(DeviceChangeKind kind) const;
  bool changes_anything() const;
};

// Requires imported.ok(); the rows are matched against `current` by 管理番号
// as asset_number_key compares them ("ＰＣ－０１" matches "pc-01").
LedgerDiff diff_device_ledger(const std::vector<core::Device>& current,
                              const DeviceLedgerImport& imported);

// The ledger after the import: current devices in their order with the
// changed fields updated (ids kept), absent ones untouched, then the added
// ones (id unset) in file order. `current` and `file_devices` must be those
// the diff was computed from; the added devices are moved out of
// `file_devices`, so that a first import of 100,000 rows copies nothing.
std::vector<core::Device> apply_device_ledger_diff(std::vector<core::Device> current,
                                                   std::vector<core::Device>&& file_devices,
                                                   const LedgerDiff& diff);

}  // namespace medbcp::core
