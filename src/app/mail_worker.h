// The server's postman: every interval it sends what is waiting, for the
// clinic's own database or each facility of an association's; once a day
// (Japan date) per facility it also queues the scheduled mail (the weekly
// digest, checklist target dates), whose reckoning reads the whole plan and
// its reminders and need not run every half minute. The requests that
// queue a message never wait for it.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "app/facility_directory.h"
#include "app/periodic_thread.h"
#include "core/time.h"

namespace medbcp::app {

class MailWorker {
 public:
  explicit MailWorker(FacilityDirectory& directory,
                      std::chrono::milliseconds interval = std::chrono::seconds(30));

 private:
  void round();

  FacilityDirectory& directory_;
  // The day each facility's scheduled mail was last reckoned ("" for the
  // clinic's own database). Only the worker's thread touches it.
  std::map<std::string, core::Date> scheduled_on_;
  PeriodicThread thread_;  // last: started after the members it uses
};

}  // namespace medbcp::app
