#include "app/readiness_keeper.h"

#include "app/association_overview.h"
#include "core/time.h"

namespace medbcp::app {
namespace {

// Facilities counted per round, so that stopping the server waits for a
// few plans at most.
constexpr std::size_t kPerRound = 20;

}  // namespace

ReadinessKeeper::ReadinessKeeper(FacilityDirectory& directory, std::chrono::milliseconds interval)
    : directory_(directory) {
  if (!directory_.many()) return;
  thread_ = std::make_unique<PeriodicThread>("準備状況の集計", interval, [this] {
    // More stale facilities than a round counts: the next round at once.
    return recount_stale_readiness(directory_, core::Instant::now().tokyo_date(), kPerRound) > 0;
  });
}

}  // namespace medbcp::app
