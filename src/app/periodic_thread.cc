#include "app/periodic_thread.h"

#include <iostream>

namespace medbcp::app {

PeriodicThread::PeriodicThread(std::string what, std::chrono::milliseconds interval,
                               std::function<bool()> round)
    : what_(std::move(what)), interval_(interval), round_(std::move(round)) {
  thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

PeriodicThread::~PeriodicThread() {
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void PeriodicThread::run(const std::stop_token& stop) {
  bool reported = false;  // a failure is said once, not every round
  while (!stop.stop_requested()) {
    bool more = false;
    try {
      more = round_();
      reported = false;
    } catch (const std::exception& e) {
      if (!reported) std::cerr << "medbcp serve: " << what_ << ": " << e.what() << "\n";
      reported = true;
    }
    if (more) continue;  // no pause between rounds while work waits
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [] { return false; });
  }
}

}  // namespace medbcp::app
