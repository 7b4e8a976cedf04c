#include "app/audit.h"

#include <cstdio>
#include <utility>

#include "core/clinic_backup_record.h"
#include "core/plan_section.h"
#include "core/stocktake.h"
#include "core/timeline.h"
#include "io/csv_writer.h"
#include "store/audit_store.h"

namespace medbcp::app {
namespace {

constexpr std::pair<std::string_view, const char*> kLabels[] = {
    {"sign_in", "ログイン"},
    {"sign_in_failed", "ログイン失敗"},
    {"sign_in_throttled", "ログイン制限（試行回数超過）"},
    {"sign_out", "ログアウト"},
    {"plan_change", "計画の変更"},
    {"plan_publish", "版の発行"},
    {"plan_acknowledge", "計画の確認（周知）"},
    {"incident_open", "インシデント開始"},
    {"timeline_entry", "時系列の記録"},
    {"follow_up_add", "再発防止策の登録"},
    {"follow_up_done", "再発防止策の完了"},
    {"stocktake_start", "棚卸しの開始"},
    {"stocktake_close", "棚卸しの終了"},
    {"stocktake_result", "棚卸しの記録"},
    {"backup_run", "バックアップ実施の記録"},
    {"restore_test", "復旧テストの記録"},
    {"contact_verification", "連絡先の確認"},
    {"plan_review", "計画の見直し"},
    {"user_add", "利用者の追加"},
    {"user_role", "権限の変更"},
    {"user_active", "利用者の有効・無効"},
    {"password_reset", "パスワードの再設定"},
    {"password_change", "パスワードの変更"},
    {"two_factor_on", "二要素認証の設定"},
    {"two_factor_off", "二要素認証の解除"},
    {"recovery_code_used", "回復コードでのログイン"},
    {"settings", "設定の変更"},
    {"export", "書き出し"},
    {"import", "読み込み"},
    {"db_backup", "データベースのバックアップ"},
    {"db_restore", "データベースの復元"},
    {"db_backup_copied", "バックアップを機械の外へ複製"},
    {"api_token_add", "APIトークンの作成"},
    {"api_token_revoke", "APIトークンの取り消し"},
    {"api_request", "APIの利用"},
    {"audit_export", "監査ログの書き出し"},
    {"request_refused", "拒否された操作（権限・送信確認）"},
    {"facility_add", "施設の追加"},
};

store::AuditRecord record_for(const Actor& actor, std::string_view action, std::string_view target,
                              std::string_view detail, core::Instant at) {
  store::AuditRecord r;
  r.at = at.seconds;
  if (actor.user.valid()) r.actor_id = actor.user.value;
  r.actor_name = actor.name;
  r.action = action;
  r.target = target;
  r.detail = detail;
  return r;
}

store::AuditQuery query_for(const AuditFilter& filter) {
  store::AuditQuery q;
  if (filter.from) q.from = core::Instant::from_tokyo(*filter.from, 0, 0).seconds;
  if (filter.to) q.until = core::Instant::from_tokyo(filter.to->plus_days(1), 0, 0).seconds;
  q.action = filter.action;
  q.actor_name = filter.actor_name;
  return q;
}

// A plan change names its section by code (the trigger writes what the
// history row holds); people read the section's title.
// An incident is named 「インシデント No.3」 everywhere else; the triggers
// write 「インシデント 3」.
std::string target_text(const store::AuditRecord& r) {
  constexpr std::string_view kIncident = "インシデント ";
  if (r.target.starts_with(kIncident) && r.target.size() > kIncident.size() &&
      r.target.find_first_not_of("0123456789", kIncident.size()) == std::string::npos) {
    return "インシデント No." + r.target.substr(kIncident.size());
  }
  if (r.action != "plan_change") return r.target;
  if (const auto s = core::section_from_code(r.target)) return core::label(*s);
  return r.target;
}

// The triggers write codes (a timeline entry's kind and id, a backup's
// outcome, a stock-take finding) so the stored log stays stable and its
// chain verifies; people read them in Japanese. Unknown codes pass as stored.
std::string detail_text(const store::AuditRecord& r) {
  if (r.action == "timeline_entry") {
    const std::string kind = r.detail.substr(0, r.detail.find(' '));
    const auto k = core::entry_kind_from_code(kind);
    if (!k) return r.detail;
    std::string out = core::label(*k);
    if (r.entry_number) out.append("（No.").append(std::to_string(*r.entry_number)).append("）");
    return out;
  }
  if (r.action == "backup_run" || r.action == "restore_test") {
    if (const auto o = core::outcome_from_code(r.detail)) return core::label(*o);
  }
  if (r.action == "stocktake_result") {
    if (const auto f = core::finding_from_code(r.detail)) return core::label(*f);
  }
  return r.detail;
}

AuditEntry entry_for(const store::AuditRecord& r) {
  AuditEntry e;
  e.id = r.id;
  e.at = core::Instant{r.at};
  if (r.actor_id) e.actor = core::UserId(*r.actor_id);
  e.actor_name = r.actor_name;
  e.remote = r.remote;
  e.action = r.action;
  e.action_label = audit_action_label(r.action);
  e.target = target_text(r);
  e.detail = detail_text(r);
  return e;
}

// "2024-04-01 12:00:05" in Japan time: an audit row needs its seconds.
std::string tokyo_seconds(core::Instant at) {
  core::Date d = at.tokyo_date();
  const std::int64_t s = at.tokyo_seconds_of_day();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return buf;
}

}  // namespace

std::string audit_action_label(std::string_view code) {
  for (const auto& [c, label] : kLabels) {
    if (c == code) return label;
  }
  return std::string(code);
}

std::vector<std::pair<std::string, std::string>> audit_actions() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [c, label] : kLabels) out.emplace_back(std::string(c), label);
  return out;
}

void audit(store::Database& db, const Actor& actor, std::string_view action,
           std::string_view target, std::string_view detail) {
  store::append_audit(db, record_for(actor, action, target, detail, core::Instant::now()));
}

void audit(Workspace& ws, const Actor& actor, std::string_view action, std::string_view target,
           std::string_view detail) {
  store::Database& db = ws.db();
  store::Transaction tx(db);
  audit(db, actor, action, target, detail);
  tx.commit();
}

void audit_export(Workspace& ws, const Actor& actor, std::string_view what,
                  std::string_view detail) {
  audit(ws, actor, audit_action::kExport, what, detail);
}

void audit_throttled_sign_in(Workspace& ws, const std::string& name, const std::string& remote,
                             core::Instant now, std::int64_t window_seconds) {
  store::Database& db = ws.db();
  store::Transaction tx(db);
  std::string action(audit_action::kSignInThrottled);
  if (store::has_audit_since(db, action, name, remote, now.seconds - window_seconds)) return;
  store::AuditRecord r;
  r.at = now.seconds;
  r.actor_name = name;
  r.remote = remote;
  r.action = action;
  store::append_audit(db, r);
  tx.commit();
}

void audit_refused_request(Workspace& ws, const Actor& actor, const std::string& remote,
                           const std::string& request, const std::string& reason,
                           core::Instant now) {
  store::Database& db = ws.db();
  store::Transaction tx(db);
  std::string action(audit_action::kRefused);
  const std::string name = actor.name.empty() ? "（未ログイン）" : actor.name;
  if (store::has_audit_since(db, action, name, remote, now.seconds - 60, request)) return;
  store::AuditRecord r = record_for(actor, action, request, reason, now);
  r.actor_name = name;
  r.remote = remote;
  store::append_audit(db, r);
  tx.commit();
}

AuditPage list_audit_log(Workspace& ws, const Actor& actor, const AuditFilter& filter, int page,
                         int per_page) {
  require(actor, Permission::ReadHistory);
  if (page < 1) page = 1;
  if (per_page < 1) per_page = 1;
  store::Database& db = ws.db();
  store::AuditQuery q = query_for(filter);
  AuditPage out;
  out.total = store::count_audit(db, q);
  for (const auto& r : store::list_audit(db, q, per_page, (page - 1) * per_page)) {
    out.entries.push_back(entry_for(r));
  }
  return out;
}

std::string export_audit_csv(Workspace& ws, const Actor& actor, const AuditFilter& filter) {
  require(actor, Permission::ReadHistory);
  audit(ws, actor, audit_action::kAuditExport, "CSV");
  io::CsvWriter csv;
  for (const char* header :
       {"日時（日本時間）", "操作", "操作コード", "利用者", "接続元", "対象", "内容"}) {
    csv.field(header);
  }
  csv.end_record();
  store::for_each_audit(ws.db(), query_for(filter), [&](const store::AuditRecord& r) {
    csv.field(tokyo_seconds(core::Instant{r.at}));
    csv.field(audit_action_label(r.action));
    csv.field(spreadsheet_safe(r.action));
    csv.field(spreadsheet_safe(r.actor_name));
    csv.field(spreadsheet_safe(r.remote));
    csv.field(spreadsheet_safe(target_text(r)));
    csv.field(spreadsheet_safe(detail_text(r)));
    csv.end_record();
  });
  return "\xEF\xBB\xBF" + csv.take();
}

}  // namespace medbcp::app
