#include "app/device_history.h"

#include <cstdint>
#include <unordered_map>

namespace medbcp::app {

std::optional<DeviceDelta> device_delta(const std::vector<core::Device>& before,
                                        const std::vector<core::Device>& after) {
  std::unordered_map<std::int64_t, std::size_t> before_at;
  before_at.reserve(before.size());
  for (std::size_t i = 0; i < before.size(); ++i) before_at.emplace(before[i].id.value, i);
  std::unordered_map<std::int64_t, std::size_t> after_at;
  after_at.reserve(after.size());
  for (std::size_t i = 0; i < after.size(); ++i) after_at.emplace(after[i].id.value, i);

  // The devices on both sides must come in the same relative order.
  std::size_t last_kept = 0;  // index into `after` of the last kept device seen
  for (const core::Device& d : before) {
    const auto it = after_at.find(d.id.value);
    if (it == after_at.end()) continue;
    if (it->second < last_kept) return std::nullopt;
    last_kept = it->second;
  }

  DeviceDelta delta;
  for (const core::Device& d : after) {
    const auto it = before_at.find(d.id.value);
    if (it == before_at.end()) {
      delta.after.push_back(&d);
    } else if (!(before[it->second] == d)) {
      delta.before.push_back(&before[it->second]);
      delta.after.push_back(&d);
    }
  }
  for (const core::Device& d : before) {
    if (!after_at.contains(d.id.value)) delta.before.push_back(&d);
  }
  return delta;
}

}  // namespace medbcp::app
