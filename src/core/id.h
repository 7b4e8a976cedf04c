// Strong id types: an Id<DeviceTag> cannot be passed where an Id<SystemTag>
// is expected, so the compiler catches mixed-up references between records.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace medbcp::core {

template <class Tag>
struct Id {
  std::int64_t value = 0;

  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr bool valid() const { return value > 0; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using SystemId = Id<struct SystemTag>;
using ThreatId = Id<struct ThreatTag>;
using InternalContactId = Id<struct InternalContactTag>;
using ExternalContactId = Id<struct ExternalContactTag>;
using DeviceId = Id<struct DeviceTag>;
using FallbackId = Id<struct FallbackTag>;
using BackupPlanId = Id<struct BackupPlanTag>;
using UserId = Id<struct UserTag>;

}  // namespace medbcp::core

template <class Tag>
struct std::hash<medbcp::core::Id<Tag>> {
  std::size_t operator()(medbcp::core::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
