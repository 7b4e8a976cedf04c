#include "app/mail_worker.h"

#include "app/facilities.h"
#include "app/mail.h"

namespace medbcp::app {

MailWorker::MailWorker(FacilityDirectory& directory, std::chrono::milliseconds interval)
    : directory_(directory), thread_("メールの送信", interval, [this] {
        round();
        return false;
      }) {}

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

}  // namespace medbcp::app
