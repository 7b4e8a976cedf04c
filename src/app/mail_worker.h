// The server's postman: every interval it queues the scheduled mail (the
// weekly digest, checklist target dates) and sends what is waiting, for the
// clinic's own database or each facility of an association's. The requests
// that queue a message never wait for it.
#pragma once

#include <chrono>
#include <memory>

#include "app/facility_directory.h"
#include "app/periodic_thread.h"

namespace medbcp::app {

class MailWorker {
 public:
  explicit MailWorker(FacilityDirectory& directory,
                      std::chrono::milliseconds interval = std::chrono::seconds(30));

 private:
  void round();

  FacilityDirectory& directory_;
  PeriodicThread thread_;  // last: started after the members it uses
};

}  // namespace medbcp::app
