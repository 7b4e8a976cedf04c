// Signing in and out of the web application: password check with
// throttling after repeated failures, and server-side sessions. The browser
// holds only a random token; the server keeps its hash, the user, the
// session's CSRF token and when it was last used. Time is passed in (`now`)
// so expiry and throttling are testable without waiting.
#pragma once

#include <optional>
#include <string>

#include "app/actor.h"
#include "app/users.h"
#include "app/workspace.h"
#include "core/time.h"

namespace medbcp::app {

// A session ends after this long without a request, and in any case this
// long after sign-in (OWASP ASVS L2: 30 minutes idle, 12 hours at most).
// Pages with forms warn before the idle limit and keep the session while
// the person types (assets/app.js, POST /session/keepalive).
inline constexpr std::int64_t kSessionIdleSeconds = std::int64_t{30} * 60;
inline constexpr std::int64_t kSessionMaxSeconds = std::int64_t{12} * 3600;

// Throttling: after this many failures for one name (since its last
// success) within the window, or this many from one address, further
// attempts are refused until the window has passed — without checking the
// password, so guessing gains nothing.
struct LoginPolicy {
  int max_failures_per_name = 5;
  int max_failures_per_address = 20;
  std::int64_t window_seconds = std::int64_t{15} * 60;
};

struct NewSession {
  std::string token;       // for the cookie; never stored
  std::string csrf_token;  // embedded in every form of the session
};

// SecondFactorNeeded: the password was right and the account uses
// two-factor sign-in; `session` is a pending one that opens only the second
// step (complete_second_factor). SecondFactorExpired: that pending session
// is unknown or older than kSecondFactorSeconds: start again.
enum class SignInOutcome {
  SignedIn,
  WrongCredentials,
  Throttled,
  SecondFactorNeeded,
  SecondFactorExpired
};

// How long the second step may wait after the password.
inline constexpr std::int64_t kSecondFactorSeconds = std::int64_t{5} * 60;

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::WrongCredentials;
  std::optional<NewSession> session;  // when SignedIn or SecondFactorNeeded
  std::optional<User> user;           // when SignedIn
};

SignInResult sign_in(Workspace& ws, const std::string& name, const std::string& password,
                     const std::string& remote_address, core::Instant now,
                     const LoginPolicy& policy = {});

// The second step: `code` is the authenticator app's code or a recovery
// code, for the pending session `pending_token`. Failures count against the
// name and address as wrong passwords do, and a correct password does not
// reset them, so the lock-out bounds the guesses at six digits too.
SignInResult complete_second_factor(Workspace& ws, const std::string& pending_token,
                                    const std::string& code, const std::string& remote_address,
                                    core::Instant now, const LoginPolicy& policy = {});

// Starts a session for a user already known to be who they say (after set-up
// or a password change).
NewSession start_session(Workspace& ws, core::UserId user, core::Instant now);

struct SessionInfo {
  Actor actor;
  std::string csrf_token;
  // The password breaks today's rules (app/password_policy.h): every page
  // but the account page sends the person there to change it.
  bool must_change_password = false;
  // The role must use two-factor sign-in and the account has not set it up:
  // every page but the set-up page sends the person there.
  bool must_set_up_two_factor = false;
};

// nullopt when the token is unknown, expired, or its user is deactivated.
std::optional<SessionInfo> find_session(Workspace& ws, const std::string& token, core::Instant now);
void sign_out(Workspace& ws, const std::string& token);

}  // namespace medbcp::app
