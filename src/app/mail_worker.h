// The server's postman: a thread that, every interval, queues the scheduled
// mail (the weekly digest, checklist target dates) and sends what is
// waiting, for the clinic's own database or each facility of an
// association's. The requests that queue a message never wait for it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/facility_directory.h"

namespace medbcp::app {

class MailWorker {
 public:
  explicit MailWorker(FacilityDirectory& directory,
                      std::chrono::milliseconds interval = std::chrono::seconds(30));
  ~MailWorker();  // stops the thread after the message it is sending
  MailWorker(const MailWorker&) = delete;
  MailWorker& operator=(const MailWorker&) = delete;

 private:
  void run(const std::stop_token& stop);
  void round();

  FacilityDirectory& directory_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: started after the members it uses
};

}  // namespace medbcp::app
