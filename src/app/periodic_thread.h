// A background thread of the server that does one round of work every
// interval until it is stopped: the association's overview counts
// (app/readiness_keeper.h) and the mail (app/mail_worker.h). A round that
// says more is waiting is followed by the next at once. A failure (the
// database away during a failover) is written once to standard error and
// the next round tries again.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace medbcp::app {

class PeriodicThread {
 public:
  // `round` returns true when more work is waiting. `what` names the work
  // in the log (「メールの送信」).
  PeriodicThread(std::string what, std::chrono::milliseconds interval, std::function<bool()> round);
  ~PeriodicThread();  // stops after the round under way
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;

 private:
  void run(const std::stop_token& stop);

  std::string what_;
  std::chrono::milliseconds interval_;
  std::function<bool()> round_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: started after the members it uses
};

}  // namespace medbcp::app
