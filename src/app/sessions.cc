#include "app/sessions.h"

#include "app/password.h"
#include "app/password_policy.h"

#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "app/audit.h"
#include "app/two_factor.h"
#include "store/database.h"
#include "store/session_store.h"
#include "store/two_factor_store.h"
#include "store/user_store.h"

namespace medbcp::app {
namespace {

// A well-formed hash of a password nobody knows: unknown names are checked
// against it so that a wrong name takes as long as a wrong password.
const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_hex(16));
  return hash;
}

// Sign-ins whose password is being checked right now, per name and per
// address. The lock-out counts them with the failures already recorded, and
// a sign-in reserves its place before its password is checked, under one
// mutex: forty guesses sent at once are counted as forty, not as the none
// recorded when each of them looked.
class SignInsInFlight {
 public:
  // Reserves a check unless the name or the address is at its limit.
  bool reserve(store::Database& db, const std::string& name, const std::string& remote,
               std::int64_t since, const LoginPolicy& policy) {
    std::lock_guard lock(mutex_);
    if (store::count_recent_failures_for_name(db, name, since) + by_name_[name] >=
            policy.max_failures_per_name ||
        store::count_recent_failures_from(db, remote, since) + by_remote_[remote] >=
            policy.max_failures_per_address) {
      return false;
    }
    ++by_name_[name];
    ++by_remote_[remote];
    return true;
  }
  // After the attempt is recorded (the counts then include it).
  void release(const std::string& name, const std::string& remote) {
    std::lock_guard lock(mutex_);
    if (--by_name_[name] == 0) by_name_.erase(name);
    if (--by_remote_[remote] == 0) by_remote_.erase(remote);
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, int> by_name_;
  std::unordered_map<std::string, int> by_remote_;
};

SignInsInFlight& in_flight() {
  static SignInsInFlight checks;
  return checks;
}

// A place among the checks in flight for one name and address, given back
// when the check is over (the attempt then recorded), however it ends.
class ReservedCheck {
 public:
  ReservedCheck(store::Database& db, const std::string& name, const std::string& remote,
                std::int64_t since, const LoginPolicy& policy)
      : name_(name), remote_(remote), held_(in_flight().reserve(db, name, remote, since, policy)) {}
  ~ReservedCheck() {
    if (held_) in_flight().release(name_, remote_);
  }
  ReservedCheck(const ReservedCheck&) = delete;
  ReservedCheck& operator=(const ReservedCheck&) = delete;
  // False when the name or the address is at its limit: refuse unchecked.
  bool held() const { return held_; }

 private:
  std::string name_;
  std::string remote_;
  bool held_;
};

// Writing last_seen_at on every request would turn every page view into a
// write; a minute's precision is plenty for a 30-minute idle limit.
constexpr std::int64_t kTouchEverySeconds = 60;

// A session: full, or (`pending`) one waiting for the second step.
NewSession insert_new_session(Workspace& ws, core::UserId user, core::Instant now, bool pending) {
  NewSession session{random_hex(32), random_hex(32)};
  store::Database& db = ws.db();
  store::Transaction tx(db);
  store::delete_expired_sessions(db, now.seconds - kSessionMaxSeconds,
                                 now.seconds - kSessionIdleSeconds);
  store::SessionRecord record{sha256_hex(session.token), user.value, session.csrf_token,
                              now.seconds, now.seconds};
  record.second_factor_pending = pending;
  if (!pending) {
    const TwoFactorStatus status = two_factor_status(ws, user);
    record.two_factor_setup_required = status.required && !status.enabled;
  }
  store::insert_session(db, record);
  tx.commit();
  return session;
}

}  // namespace

NewSession start_session(Workspace& ws, core::UserId user, core::Instant now) {
  return insert_new_session(ws, user, now, false);
}

SignInResult sign_in(Workspace& ws, const std::string& typed_name, const std::string& password,
                     const std::string& remote_address, core::Instant now,
                     const LoginPolicy& policy) {
  std::string name = normalize_user_name(typed_name);
  store::Database& db = ws.db();
  const ReservedCheck check(db, name, remote_address, now.seconds - policy.window_seconds, policy);
  if (!check.held()) {
    audit_throttled_sign_in(ws, name, remote_address, now, policy.window_seconds);
    return {SignInOutcome::Throttled, std::nullopt, std::nullopt};
  }

  auto record = store::find_user_by_name(db, name);
  bool ok = record && record->active ? verify_password(record->password_hash, password)
                                     : (verify_password(decoy_hash(), password), false);
  // A right password with a second step to come is neither a failure nor,
  // yet, a success: a success would reset the count of failed codes.
  const bool second_step = ok && !store::load_two_factor(db, record->id).secret.empty();

  {
    store::Transaction tx(db);
    store::delete_login_attempts_before(db, now.seconds - std::int64_t{24} * 3600);
    if (!second_step) store::record_login_attempt(db, name, remote_address, now.seconds, ok);
    if (ok) {
      if (!second_step) record->last_login_at = now.iso_utc();
      // Only now is the password itself at hand: one set before today's
      // rules is to be changed, and every page says so until it is.
      if (!password_problems(password, record->name, "password", second_step).empty()) {
        record->must_change_password = true;
      }
      store::update_user(db, *record);
    }
    tx.commit();
  }
  if (!ok) return {SignInOutcome::WrongCredentials, std::nullopt, std::nullopt};
  if (second_step) {
    return {SignInOutcome::SecondFactorNeeded,
            insert_new_session(ws, core::UserId(record->id), now, true), std::nullopt};
  }
  NewSession session = start_session(ws, core::UserId(record->id), now);
  return {SignInOutcome::SignedIn, session, find_user(ws, core::UserId(record->id))};
}

SignInResult complete_second_factor(Workspace& ws, const std::string& pending_token,
                                    const std::string& code, const std::string& remote_address,
                                    core::Instant now, const LoginPolicy& policy) {
  SignInResult expired{SignInOutcome::SecondFactorExpired, std::nullopt, std::nullopt};
  if (pending_token.size() != 64) return expired;
  store::Database& db = ws.db();
  const std::string hash = sha256_hex(pending_token);
  const auto pending = store::find_session(db, hash);
  if (!pending || !pending->second_factor_pending ||
      now.seconds - pending->created_at >= kSecondFactorSeconds) {
    return expired;
  }
  auto record = store::find_user(db, pending->user_id);
  if (!record || !record->active) return expired;
  const std::string& name = record->name;
  const ReservedCheck check(db, name, remote_address, now.seconds - policy.window_seconds, policy);
  if (!check.held()) {
    audit_throttled_sign_in(ws, name, remote_address, now, policy.window_seconds);
    store::delete_session(db, hash);
    return {SignInOutcome::Throttled, std::nullopt, std::nullopt};
  }

  const bool ok = check_second_factor(ws, core::UserId(record->id), code, now);
  {
    store::Transaction tx(db);
    store::record_login_attempt(db, name, remote_address, now.seconds, ok);
    if (ok) {
      record->last_login_at = now.iso_utc();
      store::update_user(db, *record);
      store::delete_session(db, hash);
    }
    tx.commit();
  }
  if (!ok) return {SignInOutcome::WrongCredentials, std::nullopt, std::nullopt};
  // A new token: the one that knew only the password opens nothing more.
  NewSession session = start_session(ws, core::UserId(record->id), now);
  return {SignInOutcome::SignedIn, session, find_user(ws, core::UserId(record->id))};
}

namespace {

// The session rows this thread read, kept while nothing was committed since
// (the change stamp moves with every commit to any table, sessions and
// users included, by anyone): a page view then asks the database nothing
// about who is signed in. On PostgreSQL that was the last round trip of a
// kept page.
struct KeptSession {
  std::uint64_t workspace = 0;  // Workspace::generation()
  ChangeStamp stamp;
  std::string hash;
  std::optional<store::SessionWithUser> found;
};

std::optional<store::SessionWithUser> session_with_user(Workspace& ws, const std::string& hash) {
  constexpr std::size_t kKept = 16;
  thread_local std::vector<KeptSession> kept;
  if (ws.db().in_transaction()) return store::find_session_with_user(ws.db(), hash);
  const ChangeStamp stamp = ws.change_stamp();
  for (const auto& k : kept) {
    if (k.workspace == ws.generation() && k.hash == hash && k.stamp == stamp) return k.found;
  }
  auto found = store::find_session_with_user(ws.db(), hash);
  if (kept.size() >= kKept) kept.erase(kept.begin());
  kept.push_back({ws.generation(), stamp, hash, found});
  return found;
}

}  // namespace

std::optional<SessionInfo> find_session(Workspace& ws, const std::string& token,
                                        core::Instant now) {
  if (token.size() != 64) return std::nullopt;
  store::Database& db = ws.db();
  std::string hash = sha256_hex(token);
  auto found = session_with_user(ws, hash);
  if (!found || found->session.second_factor_pending) return std::nullopt;
  const store::SessionRecord* session = &found->session;
  if (now.seconds - session->created_at >= kSessionMaxSeconds ||
      now.seconds - session->last_seen_at >= kSessionIdleSeconds) {
    store::delete_session(db, hash);
    return std::nullopt;
  }
  const store::UserRecord* user = &found->user;
  if (!user->active) return std::nullopt;
  // An account whose role does not belong where it is stored (an
  // association's role in a clinic, or the reverse) gets no session: the
  // role decides which facility's data a request may reach.
  const auto role = role_from_code(user->role);
  if (!role || is_association_role(*role) != ws.is_association()) return std::nullopt;
  if (now.seconds - session->last_seen_at >= kTouchEverySeconds) {
    store::touch_session(db, hash, now.seconds);
  }
  return SessionInfo{Actor{core::UserId(user->id), user->name, *role}, session->csrf_token,
                     user->must_change_password, session->two_factor_setup_required};
}

void sign_out(Workspace& ws, const std::string& token) {
  store::Database& db = ws.db();
  const std::string hash = sha256_hex(token);
  store::Transaction tx(db);
  if (auto session = store::find_session(db, hash)) {
    if (auto user = store::find_user(db, session->user_id)) {
      audit(db, Actor{core::UserId(user->id), user->name, Role::Viewer}, audit_action::kSignOut,
            user->name);
    }
  }
  store::delete_session(db, hash);
  tx.commit();
}

}  // namespace medbcp::app
