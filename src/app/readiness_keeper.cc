#include "app/readiness_keeper.h"

#include <iostream>

#include "app/association_overview.h"
#include "core/time.h"

namespace medbcp::app {
namespace {

// Facilities counted per round, so that stopping the server waits for a
// few plans at most.
constexpr std::size_t kPerRound = 20;

}  // namespace

ReadinessKeeper::ReadinessKeeper(FacilityDirectory& directory, std::chrono::milliseconds interval)
    : directory_(directory), interval_(interval) {
  if (!directory_.many()) return;
  thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

ReadinessKeeper::~ReadinessKeeper() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void ReadinessKeeper::run(const std::stop_token& stop) {
  bool reported = false;  // a failure is said once, not every round
  while (!stop.stop_requested()) {
    std::size_t waiting = 0;
    try {
      waiting = recount_stale_readiness(directory_, core::Instant::now().tokyo_date(), kPerRound);
      reported = false;
    } catch (const std::exception& e) {
      // The database away (a failover): the next round tries again.
      if (!reported) std::cerr << "medbcp serve: 準備状況の集計: " << e.what() << "\n";
      reported = true;
    }
    if (waiting > 0) continue;  // more to count: no pause between rounds
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [] { return false; });
  }
}

}  // namespace medbcp::app
