// Sessions and sign-in: tokens that identify a user until idle or too old,
// sign-out, deactivated users, and throttling after repeated failures.
#include "app/sessions.h"

#include "app/password.h"
#include "app/temp_workspace_test_util.h"
#include "store/database.h"
#include "store/user_store.h"

#include <atomic>
#include <thread>
#include <vector>

namespace medbcp::app {
namespace {

const Actor kCli{core::UserId(), "cli", Role::Admin};
constexpr std::int64_t kStart = 1'700'000'000;

class Sessions : public TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ASSERT_TRUE(add_user(ws(), kCli, "nurse", Role::Staff, "correct-horse").empty());
  }
  core::Instant at(std::int64_t offset) const { return core::Instant{kStart + offset}; }
};

TEST_F(Sessions, APasswordSetBeforeTodaysRulesIsToBeChangedAtSignIn) {
  // An account from before: eight characters, as the old rule allowed.
  store::UserRecord old;
  old.name = "uketsuke";
  old.role = "staff";
  old.password_hash = hash_password("sakura01");
  old.created_at = "2025-01-01T00:00:00Z";
  store::insert_user(ws().db(), old);

  SignInResult r = sign_in(ws(), "uketsuke", "sakura01", "10.0.0.1", at(0));
  ASSERT_EQ(r.outcome, SignInOutcome::SignedIn);
  auto found = find_session(ws(), r.session->token, at(1));
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->must_change_password);

  ASSERT_TRUE(change_own_password(ws(), found->actor, "sakura01", "Tsuki7-Hana9-Kaze").empty());
  SignInResult again = sign_in(ws(), "uketsuke", "Tsuki7-Hana9-Kaze", "10.0.0.1", at(2));
  ASSERT_EQ(again.outcome, SignInOutcome::SignedIn);
  EXPECT_FALSE(find_session(ws(), again.session->token, at(3))->must_change_password);
  // A good password never raises the flag.
  SignInResult nurse = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(4));
  EXPECT_FALSE(find_session(ws(), nurse.session->token, at(5))->must_change_password);
}

TEST_F(Sessions, FullWidthAndHalfWidthAreOnePassword) {
  // NFKC: typed with the IME left on full-width, it is the same password.
  EXPECT_EQ(sign_in(ws(), "nurse", "ｃｏｒｒｅｃｔ－ｈｏｒｓｅ", "10.0.0.1", at(0)).outcome,
            SignInOutcome::SignedIn);
}

TEST_F(Sessions, SignInGivesASessionThatIdentifiesTheUserAndRole) {
  SignInResult r = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0));
  ASSERT_EQ(r.outcome, SignInOutcome::SignedIn);
  ASSERT_TRUE(r.session);
  EXPECT_EQ(r.session->token.size(), 64u);
  EXPECT_EQ(r.session->csrf_token.size(), 64u);
  EXPECT_NE(r.session->token, r.session->csrf_token);

  auto found = find_session(ws(), r.session->token, at(60));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->actor.name, "nurse");
  EXPECT_EQ(found->actor.role, Role::Staff);
  EXPECT_EQ(found->csrf_token, r.session->csrf_token);
}

TEST_F(Sessions, TheDatabaseKeepsOnlyAHashOfTheToken) {
  SignInResult r = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0));
  auto stmt = ws().db().prepare("SELECT token_hash FROM sessions");
  ASSERT_TRUE(stmt->step());
  EXPECT_NE(stmt->text(0), r.session->token);
}

TEST_F(Sessions, WrongPasswordAndUnknownUserAreRefusedAlike) {
  EXPECT_EQ(sign_in(ws(), "nurse", "wrong-password", "10.0.0.1", at(0)).outcome,
            SignInOutcome::WrongCredentials);
  EXPECT_EQ(sign_in(ws(), "nobody", "correct-horse", "10.0.0.1", at(0)).outcome,
            SignInOutcome::WrongCredentials);
}

TEST_F(Sessions, AnUnknownOrMalformedTokenFindsNothing) {
  EXPECT_FALSE(find_session(ws(), std::string(64, 'a'), at(0)));
  EXPECT_FALSE(find_session(ws(), "short", at(0)));
}

TEST_F(Sessions, HalfAnHourWithoutARequestEndsASession) {
  NewSession s = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0)).session.value();
  EXPECT_TRUE(find_session(ws(), s.token, at(29 * 60)));
  EXPECT_FALSE(find_session(ws(), s.token, at(29 * 60 + 30 * 60 + 1)));
}

TEST_F(Sessions, ASessionEndsAfterBeingIdleTooLong) {
  NewSession s = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0)).session.value();
  EXPECT_TRUE(find_session(ws(), s.token, at(kSessionIdleSeconds - 1)));
  // The request above counted as activity; idle time starts again from there.
  EXPECT_TRUE(find_session(ws(), s.token, at(2 * kSessionIdleSeconds - 2)));
  EXPECT_FALSE(find_session(ws(), s.token, at(4 * kSessionIdleSeconds)));
}

TEST_F(Sessions, ASessionEndsAtItsMaximumAgeEvenWhenBusy) {
  NewSession s = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0)).session.value();
  for (std::int64_t t = 0; t < kSessionMaxSeconds; t += kSessionIdleSeconds / 2) {
    ASSERT_TRUE(find_session(ws(), s.token, at(t))) << t;
  }
  EXPECT_FALSE(find_session(ws(), s.token, at(kSessionMaxSeconds)));
}

TEST_F(Sessions, SignOutEndsTheSession) {
  NewSession s = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0)).session.value();
  sign_out(ws(), s.token);
  EXPECT_FALSE(find_session(ws(), s.token, at(1)));
}

TEST_F(Sessions, StoppingAUserEndsTheirSessionsAndSignIn) {
  NewSession s = sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(0)).session.value();
  User nurse = list_users(ws(), kCli).at(0);
  ASSERT_TRUE(set_user_active(ws(), kCli, nurse.id, false).empty());
  EXPECT_FALSE(find_session(ws(), s.token, at(1)));
  EXPECT_EQ(sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(2)).outcome,
            SignInOutcome::WrongCredentials);
}

TEST_F(Sessions, RepeatedFailuresThrottleTheNameEvenForTheRightPassword) {
  LoginPolicy policy;
  for (int i = 0; i < policy.max_failures_per_name; ++i) {
    EXPECT_EQ(sign_in(ws(), "nurse", "guess-" + std::to_string(i), "10.0.0.9", at(i)).outcome,
              SignInOutcome::WrongCredentials);
  }
  EXPECT_EQ(sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(10)).outcome,
            SignInOutcome::Throttled);
  // Once the window has passed, the right password works again.
  EXPECT_EQ(
      sign_in(ws(), "nurse", "correct-horse", "10.0.0.1", at(policy.window_seconds + 10)).outcome,
      SignInOutcome::SignedIn);
}

TEST_F(Sessions, ParallelGuessesAreCountedBeforeAnyPasswordIsChecked) {
  // Forty wrong passwords for one name from one address, all at once: no
  // more than the limit may reach the password check.
  LoginPolicy policy;
  std::atomic<int> checked{0}, throttled{0};
  std::vector<std::thread> guessers;
  for (int i = 0; i < 40; ++i) {
    guessers.emplace_back([&, i] {
      const SignInOutcome outcome =
          sign_in(ws(), "nurse", "guess-" + std::to_string(i), "10.0.0.9", at(1)).outcome;
      (outcome == SignInOutcome::Throttled ? throttled : checked)++;
    });
  }
  for (auto& t : guessers) t.join();
  EXPECT_LE(checked.load(), policy.max_failures_per_name);
  EXPECT_EQ(checked.load() + throttled.load(), 40);
  // The refusals are in the audit log (at most one row per name and address).
  auto stmt = ws().db().prepare(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_throttled' AND actor_name = 'nurse'");
  stmt->step();
  EXPECT_EQ(stmt->integer(0), 1);
}

TEST_F(Sessions, ASuccessfulSignInClearsEarlierFailures) {
  LoginPolicy policy;
  for (int i = 0; i < policy.max_failures_per_name - 1; ++i) {
    sign_in(ws(), "nurse", "guess", "10.0.0.9", at(i));
  }
  ASSERT_EQ(sign_in(ws(), "nurse", "correct-horse", "10.0.0.9", at(10)).outcome,
            SignInOutcome::SignedIn);
  sign_in(ws(), "nurse", "guess", "10.0.0.9", at(11));
  EXPECT_EQ(sign_in(ws(), "nurse", "correct-horse", "10.0.0.9", at(12)).outcome,
            SignInOutcome::SignedIn);
}

TEST_F(Sessions, ManyFailuresFromOneAddressThrottleEveryName) {
  LoginPolicy policy;
  policy.max_failures_per_address = 3;
  policy.max_failures_per_name = 100;
  for (int i = 0; i < 3; ++i) {
    sign_in(ws(), "name-" + std::to_string(i), "guess", "10.0.0.66", at(i), policy);
  }
  EXPECT_EQ(sign_in(ws(), "nurse", "correct-horse", "10.0.0.66", at(5), policy).outcome,
            SignInOutcome::Throttled);
  EXPECT_EQ(sign_in(ws(), "nurse", "correct-horse", "10.0.0.7", at(5), policy).outcome,
            SignInOutcome::SignedIn);
}

}  // namespace
}  // namespace medbcp::app
