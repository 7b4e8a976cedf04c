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
  const core::Date today = now.tokyo_date();
  auto one = [&](const std::string& code, Workspace& ws) {
    // Reckoned once mail is on: turned on at noon, today's digest still goes.
    if (auto& day = scheduled_on_[code]; day != today && mail_enabled(ws)) {
      queue_scheduled_mail(ws, today, now);
      day = today;
    }
    deliver_mail(ws, now);
  };
  if (!directory_.many()) {
    one("", directory_.home());
    return;
  }
  for (const auto& f : list_facilities(directory_.db_location())) {
    if (Workspace* ws = directory_.facility(f.code)) one(f.code, *ws);
  }
}

}  // namespace medbcp::app
