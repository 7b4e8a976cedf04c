#include "app/mail_worker.h"

#include <iostream>

#include "app/facilities.h"
#include "app/mail.h"

namespace medbcp::app {

MailWorker::MailWorker(FacilityDirectory& directory, std::chrono::milliseconds interval)
    : directory_(directory), interval_(interval) {
  thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

MailWorker::~MailWorker() {
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void MailWorker::round() {
  const core::Instant now = core::Instant::now();
  auto one = [&](Workspace& ws) {
    queue_scheduled_mail(ws, now.tokyo_date(), now);
    deliver_mail(ws, now);
  };
  if (!directory_.many()) {
    one(directory_.home());
    return;
  }
  for (const auto& f : list_facilities(directory_.db_location())) {
    if (Workspace* ws = directory_.facility(f.code)) one(*ws);
  }
}

void MailWorker::run(const std::stop_token& stop) {
  bool reported = false;  // a failure is said once, not every round
  while (!stop.stop_requested()) {
    try {
      round();
      reported = false;
    } catch (const std::exception& e) {
      // The database away (a failover), no plan yet: the next round tries again.
      if (!reported) std::cerr << "medbcp serve: メールの送信: " << e.what() << "\n";
      reported = true;
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [] { return false; });
  }
}

}  // namespace medbcp::app
