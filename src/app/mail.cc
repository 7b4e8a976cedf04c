#include "app/mail.h"

#include <cstdlib>

#include "app/audit.h"
#include "app/plan_service.h"
#include "app/reminders.h"
#include "core/text.h"
#include "core/wareki.h"
#include "io/mail_message.h"
#include "io/smtp_client.h"
#include "store/database.h"
#include "store/mail_store.h"
#include "store/plan_store.h"

namespace medbcp::app {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& a : list) out += (out.empty() ? "" : ",") + a;
  return out;
}

MailSettings read_settings(store::Database& db) {
  MailSettings s;
  if (const auto row = store::load_mail_settings(db)) {
    s.enabled = row->enabled;
    s.smtp_url = row->smtp_url;
    s.starttls = row->starttls;
    s.username = row->username;
    s.password = row->password;
    s.from_address = row->from_address;
    s.charset = row->charset == "iso-2022-jp" ? MailCharset::Iso2022Jp : MailCharset::Utf8;
    s.digest_to = split_mail_addresses(row->digest_to);
  }
  // The service's environment (/etc/default/medbcp) wins.
  if (const std::string url = env("MEDBCP_SMTP_URL"); !url.empty()) {
    s.from_environment = true;
    s.enabled = true;
    s.smtp_url = url;
    s.username = env("MEDBCP_SMTP_USER");
    s.password = env("MEDBCP_SMTP_PASSWORD");
    s.starttls = env("MEDBCP_SMTP_STARTTLS") != "no";
    if (const std::string from = env("MEDBCP_MAIL_FROM"); !from.empty()) s.from_address = from;
    if (env("MEDBCP_MAIL_CHARSET") == "iso-2022-jp") s.charset = MailCharset::Iso2022Jp;
  }
  return s;
}

// The 責任者 and whom 別紙１ has report to the 責任者 directly.
std::vector<std::string> first_to_tell(const core::Plan& plan) {
  std::vector<std::string> out;
  if (io::looks_like_mail_address(plan.officer.email)) out.push_back(plan.officer.email);
  for (const auto& c : plan.internal_contacts) {
    if (!c.reports_to && io::looks_like_mail_address(c.email)) out.push_back(c.email);
  }
  return out;
}

// False when nobody has an address or the same message was queued before.
bool enqueue(store::Database& db, const std::string& kind, const std::string& key,
             const std::vector<std::string>& to, const std::string& subject,
             const std::string& body, core::Instant now) {
  if (to.empty()) return false;
  store::QueuedMail m;
  m.kind = kind;
  m.dedupe_key = key;
  m.recipients = joined(to);
  m.subject = subject;
  m.body = body;
  m.created_at = now;
  m.next_attempt_at = now;
  return store::enqueue_mail(db, m);
}

constexpr std::int64_t kWeekSeconds = std::int64_t{7} * 86400;

io::MailCharset wire_charset(MailCharset c) {
  return c == MailCharset::Iso2022Jp ? io::MailCharset::Iso2022Jp : io::MailCharset::Utf8;
}

const char* kFooter =
    "\n--\nこのメールは medbcp（サイバーインシデント BCP）が送りました。"
    "配信の設定は medbcp の管理者にお問い合わせください。\n";

}  // namespace

std::vector<std::string> split_mail_addresses(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text + ",") {
    if (c == ',' || c == '\n' || c == ';') {
      if (auto t = core::trim(current); !t.empty()) out.push_back(t);
      current.clear();
    } else if (c != '\r') {
      current += c;
    }
  }
  return out;
}

std::int64_t mail_retry_delay_seconds(int attempts) {
  constexpr std::int64_t kLongest = std::int64_t{6} * 3600;
  std::int64_t delay = 60;
  for (int i = 1; i < attempts && delay < kLongest; ++i) delay *= 2;
  return std::min(delay, kLongest);
}

MailSettings mail_settings(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ManageUsers);
  return read_settings(ws.db());
}

core::Problems save_mail_settings(Workspace& ws, const Actor& actor, const MailSettings& s) {
  require(actor, Permission::ManageUsers);
  core::Problems problems;
  const std::string url = core::trim(s.smtp_url);
  if ((s.enabled || !url.empty()) && !url.starts_with("smtp://") && !url.starts_with("smtps://")) {
    problems.push_back({"smtp_url", 0,
                        "SMTP サーバーは smtp://ホスト名:587（STARTTLS）か "
                        "smtps://ホスト名:465（TLS）の形で入力してください。"});
  }
  if ((s.enabled || !s.from_address.empty()) &&
      !io::looks_like_mail_address(core::trim(s.from_address))) {
    problems.push_back({"from_address", 0, "送信元のメールアドレスを入力してください。"});
  }
  for (std::size_t i = 0; i < s.digest_to.size(); ++i) {
    if (!io::looks_like_mail_address(s.digest_to[i])) {
      problems.push_back({"digest_to", static_cast<int>(i + 1),
                          std::to_string(i + 1) + "件目のアドレス「" + s.digest_to[i] +
                              "」はメールアドレスの形ではありません。"});
    }
  }
  if (!problems.empty()) return problems;
  store::Database& db = ws.db();
  store::MailSettingsRow row;
  row.enabled = s.enabled;
  row.smtp_url = url;
  row.starttls = s.starttls;
  row.username = core::trim(s.username);
  // An empty password field keeps the stored one (the page never shows it).
  const auto before = store::load_mail_settings(db);
  row.password = s.password.empty() && before ? before->password : s.password;
  row.from_address = core::trim(s.from_address);
  row.charset = s.charset == MailCharset::Iso2022Jp ? "iso-2022-jp" : "utf-8";
  row.digest_to = joined(s.digest_to);
  store::Transaction tx(db);
  store::save_mail_settings(db, row);
  audit(db, actor, audit_action::kSettings, "メール設定",
        (row.enabled ? "送信する: " : "送信しない: ") + row.smtp_url);
  tx.commit();
  return {};
}

void queue_incident_started_mail(store::Database& db, const core::Plan& plan,
                                 const core::Incident& incident, bool drill, core::Instant now) {
  if (!read_settings(db).enabled) return;
  const std::string no = std::to_string(incident.id.value);
  const std::string subject = drill ? "【medbcp】【訓練】訓練が始まりました（No." + no + "）"
                                    : "【medbcp】インシデントが報告されました（No." + no + "）";
  std::string body;
  if (drill) {
    body += "これは訓練です。実際のインシデントではありません。\n\n";
  }
  body += plan.facility.name + "\n";
  body += (drill ? "訓練: " : "インシデント: ") + incident.title + "\n";
  body += "発見: " + incident.discovery.discovered_at.tokyo_text() + "（" +
          incident.discovery.discoverer + "）\n";
  if (!incident.discovery.situation.empty()) body += "状況: " + incident.discovery.situation + "\n";
  if (!drill) {
    body +=
        "\n医療情報システム安全管理責任者は、対応の判断と外部への連絡を始めてください。"
        "記録は medbcp のインシデントのページ（/incidents/" +
        no + "）にあります。\n";
    body += "ネットワークが使えないときは、紙のキット・オフラインキットで対応を続けてください。\n";
  }
  body += kFooter;
  enqueue(db, drill ? "drill_started" : "incident_started", "incident-start-" + no,
          first_to_tell(plan), subject, body, now);
}

bool mail_enabled(Workspace& ws) { return read_settings(ws.db()).enabled; }

int queue_scheduled_mail(Workspace& ws, const core::Date& today, core::Instant now) {
  store::Database& db = ws.db();
  const MailSettings settings = read_settings(db);
  if (!settings.enabled) return 0;
  const auto plan = store::load_plan(db);
  if (!plan) return 0;
  const auto reminders = current_reminders(ws, cli_actor(), today);
  int queued = 0;
  store::Transaction tx(db);
  // A week before an いいえ's target date: to the 責任者.
  for (const auto& r : reminders) {
    if (r.kind != core::ReminderKind::ChecklistNo || !r.due || *r.due < today ||
        core::days_between(today, *r.due) > 7) {
      continue;
    }
    std::vector<std::string> to;
    if (io::looks_like_mail_address(plan->officer.email)) to.push_back(plan->officer.email);
    const std::string key = "checklist-target-" + r.field + "-" + r.due->iso();
    queued += enqueue(
        db, "checklist_target", key, to,
        "【medbcp】チェックリストの目標日が近づいています（" + core::format_wareki(*r.due) + "）",
        plan->facility.name + "\n\n" + r.subject + "\n" + r.message +
            "\n\n厚生労働省のチェックリストで「いいえ」と回答し、この日を目標日にした項目です。"
            "対応したら medbcp のチェックリストで回答を更新してください。\n" +
            kFooter,
        now);
  }
  // The week's digest of what is overdue.
  int overdue = 0;
  std::string lines;
  for (const auto& r : reminders) {
    if (r.urgency != core::Urgency::Overdue) continue;
    ++overdue;
    lines += "・[" + std::string(core::label(r.kind)) + "] " + r.subject + ": " + r.message + "\n";
  }
  if (overdue > 0 &&
      !store::mail_queued_since(db, "digest", core::Instant{now.seconds - kWeekSeconds + 3600})) {
    std::vector<std::string> to;
    if (io::looks_like_mail_address(plan->officer.email)) to.push_back(plan->officer.email);
    for (const auto& a : settings.digest_to) to.push_back(a);
    queued += enqueue(db, "digest", "digest-" + today.iso(), to,
                      "【medbcp】要対応の点検項目が " + std::to_string(overdue) + " 件あります（" +
                          core::format_wareki(today) + "）",
                      plan->facility.name + "\n" + core::format_wareki(today) +
                          " 現在、要対応の項目:\n\n" + lines +
                          "\n medbcp の点検のページで確認してください。\n" + kFooter,
                      now);
  }
  tx.commit();
  return queued;
}

DeliveryReport deliver_mail(Workspace& ws, core::Instant now) {
  DeliveryReport report;
  store::Database& db = ws.db();
  const MailSettings settings = read_settings(db);
  if (!settings.enabled) return report;
  const io::SmtpServer server{settings.smtp_url, settings.starttls, settings.username,
                              settings.password};
  for (const auto& m : store::due_mail(db, now, 20)) {
    io::MailMessage message;
    message.from = settings.from_address;
    message.to = split_mail_addresses(m.recipients);
    message.subject = m.subject;
    message.body = m.body;
    message.date = m.created_at;
    message.message_id = std::to_string(m.id) + "." + std::to_string(m.created_at.seconds) +
                         ".medbcp@" +
                         settings.from_address.substr(settings.from_address.find('@') + 1);
    const auto sent = io::send_mail(server, settings.from_address, message.to,
                                    io::mail_bytes(message, wire_charset(settings.charset)));
    const int attempts = m.attempts + 1;
    if (sent.sent) {
      store::mark_mail_sent(db, m.id, core::Instant::now(), attempts);
      ++report.sent;
      continue;
    }
    const bool give_up = attempts >= kMailMaxAttempts;
    store::mark_mail_failed_attempt(
        db, m.id, attempts, core::Instant{now.seconds + mail_retry_delay_seconds(attempts)},
        sent.error, give_up ? std::optional<core::Instant>(now) : std::nullopt);
    ++(give_up ? report.given_up : report.retrying);
  }
  return report;
}

std::string send_test_mail(Workspace& ws, const Actor& actor, const std::string& to,
                           core::Instant now) {
  require(actor, Permission::ManageUsers);
  const MailSettings settings = read_settings(ws.db());
  if (settings.smtp_url.empty() || settings.from_address.empty()) {
    return "先に SMTP サーバーと送信元のアドレスを保存してください。";
  }
  if (!io::looks_like_mail_address(core::trim(to))) {
    return "テストの宛先「" + to + "」はメールアドレスの形ではありません。";
  }
  io::MailMessage message;
  message.from = settings.from_address;
  message.to = {core::trim(to)};
  message.subject = "【medbcp】テスト送信";
  message.body =
      "medbcp のメール設定のテストです。このメールが届いていれば、"
      "インシデントの報告や点検のお知らせも届きます。\n" +
      std::string(kFooter);
  message.date = now;
  const auto sent = io::send_mail(
      io::SmtpServer{settings.smtp_url, settings.starttls, settings.username, settings.password},
      settings.from_address, message.to, io::mail_bytes(message, wire_charset(settings.charset)));
  audit(ws, actor, audit_action::kSettings, "メールのテスト送信",
        message.to.front() + (sent.sent ? "（送信）" : "（失敗: " + sent.error + "）"));
  return sent.sent ? "" : sent.error;
}

MailQueueView mail_queue_view(Workspace& ws, const Actor& actor) {
  require(actor, Permission::ReadPlan);
  MailQueueView view;
  const core::Instant now = core::Instant::now();
  for (const auto& m : store::recent_mail(ws.db(), 50)) {
    if (m.sent_at) {
      if (m.sent_at->seconds > now.seconds - kWeekSeconds) ++view.sent_recently;
      continue;
    }
    if (m.failed_at) {
      view.problems.push_back("送れなかったメール（" + m.created_at.tokyo_text() + "「" +
                              m.subject + "」）: " + m.last_error);
    } else {
      ++view.waiting;
      if (m.attempts > 0) {
        view.problems.push_back("送信を再試行中のメール（" + std::to_string(m.attempts) +
                                " 回失敗、次は " + m.next_attempt_at.tokyo_text() + "）「" +
                                m.subject + "」: " + m.last_error);
      }
    }
  }
  return view;
}

}  // namespace medbcp::app
