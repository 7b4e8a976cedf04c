// Keeps an association's overview current without a person waiting: a
// thread of the server that, every few seconds, counts again the facilities
// whose counts went stale (a commit in the facility, or a new day). Without
// it, the first overview after a busy morning would open hundreds of plans
// while the 協会管理者 waits; with it, a page counts at most a handful.
#pragma once

#include <chrono>
#include <memory>

#include "app/facility_directory.h"
#include "app/periodic_thread.h"

namespace medbcp::app {

class ReadinessKeeper {
 public:
  // Starts at once; on a database without facilities (a clinic's own
  // file) it does nothing and starts no thread.
  explicit ReadinessKeeper(FacilityDirectory& directory,
                           std::chrono::milliseconds interval = std::chrono::seconds(2));

 private:
  FacilityDirectory& directory_;
  std::unique_ptr<PeriodicThread> thread_;  // last: started after the members it uses
};

}  // namespace medbcp::app
