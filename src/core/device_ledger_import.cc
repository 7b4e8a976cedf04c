#include "core/device_ledger_import.h"

#include <algorithm>

namespace medbcp::core {

bool DeviceLedgerImport::has_column(DeviceField field) const {
  return std::find(columns.begin(), columns.end(), field) != columns.end();
}

}  // namespace medbcp::core
