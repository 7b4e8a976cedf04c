// Mail through a real SMTP server (Debian's python3-aiosmtpd as a sink on
// loopback): the incident's notice to the 責任者 and the first to be told,
// a drill's marked 訓練, the weekly digest and a checklist target date, in
// ISO-2022-JP or UTF-8 as set; a mail server that is down keeps every
// message in the queue, retried later and shown on the 点検 page.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/checklist_service.h"
#include "app/drill_scenarios.h"
#include "app/drills.h"
#include "app/facility_directory.h"
#include "app/incident_service.h"
#include "app/mail.h"
#include "app/mail_worker.h"
#include "app/plan_service.h"
#include "app/workspace.h"
#include "free_port.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

// aiosmtpd writing each message it takes into a Maildir.
class SmtpSink {
 public:
  SmtpSink(int port, fs::path maildir) : maildir_(std::move(maildir)) {
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string listen = "127.0.0.1:" + std::to_string(port);
      ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
              "aiosmtpd.handlers.Mailbox", maildir_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Up when it answers a connection: at most 10 s.
    for (int i = 0; i < 200 && !answers(port); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~SmtpSink() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  std::vector<fs::path> messages() const {
    std::vector<fs::path> out;
    if (fs::exists(maildir_ / "new")) {
      for (const auto& e : fs::directory_iterator(maildir_ / "new")) out.push_back(e.path());
    }
    return out;
  }

 private:
  static bool answers(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
  }
  fs::path maildir_;
  pid_t pid_ = -1;
};

// A message read by Python's email package, as a mail program reads it:
// "To: …\nSubject: …\nCharset: …\n\n<body>".
std::string read_as_mail_program(const fs::path& file) {
  const std::string cmd =
      "/usr/bin/python3 -c \"import email,sys\n"
      "from email.header import decode_header, make_header\n"
      "m = email.message_from_binary_file(open(sys.argv[1], 'rb'))\n"
      "print('To: ' + m['To'])\n"
      "print('Subject: ' + str(make_header(decode_header(m['Subject']))))\n"
      "print('Charset: ' + m.get_content_charset())\n"
      "print()\n"
      "print(m.get_payload(decode=True).decode(m.get_content_charset()))\" '" +
      file.string() + "'";
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  ::pclose(p);
  return out;
}

class Mail : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medbcp-mail-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "mail.db"));
    ensure_demo_plan(*ws_, admin_);
    ASSERT_TRUE(update_plan(*ws_, admin_, [](core::Plan& p) {
                  p.officer.email = "incho@clinic.example";
                  for (auto& c : p.internal_contacts) c.email.clear();
                  ASSERT_FALSE(p.internal_contacts.empty());
                  p.internal_contacts[0].reports_to.reset();
                  p.internal_contacts[0].email = "jimucho@clinic.example";
                }).empty());
    port_ = testing::free_port();
  }
  void TearDown() override {
    ws_.reset();
    fs::remove_all(dir_);
  }
  void configure(MailCharset charset) {
    MailSettings s;
    s.enabled = true;
    s.smtp_url = "smtp://127.0.0.1:" + std::to_string(port_);
    s.starttls = false;  // the sink speaks plain SMTP
    s.from_address = "medbcp@clinic.example";
    s.charset = charset;
    s.digest_to = {"henshu@clinic.example"};
    ASSERT_TRUE(save_mail_settings(*ws_, admin_, s).empty());
  }
  StartResult report() {
    StartIncidentRequest r;
    r.threat = core::ThreatKind::Malware;
    r.discovery.discoverer = "受付 佐藤";
    r.discovery.discovered_at = core::Instant::now();
    r.discovery.situation = "受付PCに脅迫文";
    return start_incident(*ws_, admin_, r, core::Instant::now());
  }

  const Actor admin_{core::UserId(), "管理者", Role::Admin};
  fs::path dir_;
  std::unique_ptr<Workspace> ws_;
  int port_ = 0;
};

TEST_F(Mail, AnIncidentsNoticeReachesTheOfficerAndTheFirstToBeToldInIso2022Jp) {
  configure(MailCharset::Iso2022Jp);
  ASSERT_TRUE(report().problems.empty());
  SmtpSink sink(port_, dir_ / "maildir");
  const auto delivered = deliver_mail(*ws_, core::Instant::now());
  EXPECT_EQ(delivered.sent, 1);
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1u);
  const std::string mail = read_as_mail_program(messages[0]);
  EXPECT_NE(mail.find("To: incho@clinic.example, jimucho@clinic.example"), std::string::npos)
      << mail;
  EXPECT_NE(mail.find("Subject: 【medbcp】インシデントが報告されました（No.1）"), std::string::npos)
      << mail;
  EXPECT_NE(mail.find("Charset: iso-2022-jp"), std::string::npos) << mail;
  EXPECT_NE(mail.find("受付PCに脅迫文"), std::string::npos) << mail;
  // Sent once: the next round has nothing to send.
  EXPECT_EQ(deliver_mail(*ws_, core::Instant::now()).sent, 0);
}

TEST_F(Mail, ADrillsNoticeIsMarkedAndTheDigestAndTargetDatesAreSentOnceInUtf8) {
  configure(MailCharset::Utf8);
  StartDrillRequest drill;
  drill.scenario_code = "warning-sign";
  drill.participants = {{"佐藤", "発見者"}};
  ASSERT_TRUE(
      start_drill(*ws_, admin_, load_scenarios(), drill, core::Instant::now()).problems.empty());
  // An いいえ whose target date is five days away.
  const core::Date today = core::Instant::now().tokyo_date();
  ChecklistAnswerRequest answer;
  answer.item_id = "2-4";
  answer.yes = false;
  answer.checked_on = today;
  answer.target_on = today.plus_days(5);
  ASSERT_TRUE(
      answer_checklist_item(*ws_, admin_, default_checklist(), answer, today, core::Instant::now())
          .empty());
  EXPECT_EQ(queue_scheduled_mail(*ws_, today, core::Instant::now()), 2);  // target + digest
  EXPECT_EQ(queue_scheduled_mail(*ws_, today, core::Instant::now()), 0);  // each once
  SmtpSink sink(port_, dir_ / "maildir");
  EXPECT_EQ(deliver_mail(*ws_, core::Instant::now()).sent, 3);
  std::string all;
  for (const auto& m : sink.messages()) all += read_as_mail_program(m) + "\n=====\n";
  EXPECT_NE(all.find("Subject: 【medbcp】【訓練】訓練が始まりました（No.1）"), std::string::npos)
      << all;
  EXPECT_NE(all.find("これは訓練です"), std::string::npos);
  EXPECT_NE(all.find("Subject: 【medbcp】要対応の点検項目が"), std::string::npos) << all;
  EXPECT_NE(all.find("henshu@clinic.example"), std::string::npos);  // the digest's extra address
  EXPECT_NE(all.find("Subject: 【medbcp】チェックリストの目標日が近づいています"),
            std::string::npos);
  EXPECT_NE(all.find("Charset: utf-8"), std::string::npos);
}

TEST_F(Mail, AMailServerThatIsDownLosesNothingAndIsShownUntilItIsBack) {
  configure(MailCharset::Utf8);
  ASSERT_TRUE(report().problems.empty());  // the report itself never waits for mail
  const core::Instant now = core::Instant::now();
  const auto first = deliver_mail(*ws_, now);  // nobody listens on the port
  EXPECT_EQ(first.sent, 0);
  EXPECT_EQ(first.retrying, 1);
  const auto view = mail_queue_view(*ws_, admin_);
  EXPECT_EQ(view.waiting, 1);
  ASSERT_EQ(view.problems.size(), 1u);
  EXPECT_NE(view.problems[0].find("接続できません"), std::string::npos) << view.problems[0];
  // Not tried again before its back-off, then sent once the server is up.
  SmtpSink sink(port_, dir_ / "maildir");
  EXPECT_EQ(deliver_mail(*ws_, now).sent, 0);
  EXPECT_EQ(deliver_mail(*ws_, core::Instant{now.seconds + mail_retry_delay_seconds(1)}).sent, 1);
  EXPECT_EQ(sink.messages().size(), 1u);
  EXPECT_TRUE(mail_queue_view(*ws_, admin_).problems.empty());
  EXPECT_EQ(mail_retry_delay_seconds(1), 60);
  EXPECT_EQ(mail_retry_delay_seconds(3), 240);
  EXPECT_EQ(mail_retry_delay_seconds(30), 6 * 3600);
}

TEST_F(Mail, TheServersWorkerSendsWithoutBeingAsked) {
  configure(MailCharset::Utf8);
  SmtpSink sink(port_, dir_ / "maildir");
  FacilityDirectory directory(*ws_);
  const MailWorker worker(directory, std::chrono::milliseconds(20));
  ASSERT_TRUE(report().problems.empty());
  // The incident's notice (and the week's digest: the demo has overdue items).
  auto arrived = [&] {
    std::string all;
    for (const auto& m : sink.messages()) all += read_as_mail_program(m);
    return all;
  };
  for (int i = 0; i < 100 && arrived().find("インシデントが報告されました") == std::string::npos;
       ++i) {  // at most about 10 s
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::string all = arrived();
  EXPECT_NE(all.find("Subject: 【medbcp】インシデントが報告されました"), std::string::npos) << all;
  EXPECT_NE(all.find("Subject: 【medbcp】要対応の点検項目が"), std::string::npos) << all;
}

TEST_F(Mail, BadSettingsAreNamedAndNothingIsQueuedWhileMailIsOff) {
  MailSettings s;
  s.enabled = true;
  s.smtp_url = "http://mail.example";
  s.from_address = "medbcp";
  s.digest_to = {"ok@clinic.example", "not an address"};
  const auto problems = save_mail_settings(*ws_, admin_, s);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].field, "smtp_url");
  EXPECT_EQ(problems[1].field, "from_address");
  EXPECT_EQ(problems[2].field, "digest_to");
  EXPECT_EQ(problems[2].row, 2);
  EXPECT_FALSE(mail_settings(*ws_, admin_).enabled);
  ASSERT_TRUE(report().problems.empty());
  EXPECT_EQ(mail_queue_view(*ws_, admin_).waiting, 0);
  const Actor editor{core::UserId(2), "編集者", Role::Editor};
  EXPECT_THROW(mail_settings(*ws_, editor), PermissionDenied);
  EXPECT_NE(send_test_mail(*ws_, admin_, "incho@clinic.example", core::Instant::now()), "");
}

}  // namespace
}  // namespace medbcp::app
