// What the plan's history records for the device ledger: the devices that
// changed, not the whole ledger before and after. A clinic re-imports its
// 別紙２ every stock-take; with 10,000 devices and three edits, the history
// gains three devices, not two copies of the ledger.
//
// The history reads this back as it reads any section (app/plan_diff.h):
// a device only in `after` was added, only in `before` removed, in both
// changed. Both lists keep the ledger's order.
#pragma once

#include <optional>
#include <vector>

#include "core/plan.h"

namespace medbcp::app {

// Points into the two lists given to device_delta, which must outlive it.
struct DeviceDelta {
  std::vector<const core::Device*> before;  // changed (as they were) and removed devices
  std::vector<const core::Device*> after;   // added and changed (as they are) devices
};

// Nothing when the devices on both sides were put in a different order: the
// whole lists are recorded then, so the history can say so.
std::optional<DeviceDelta> device_delta(const std::vector<core::Device>& before,
                                        const std::vector<core::Device>& after);

}  // namespace medbcp::app
