// Personal access tokens through the use cases, on both engines: made for
// oneself or by an administrator, shown once and stored only as a hash,
// expiring, revocable, and dead with their user's account.
#include "app/api_tokens.h"

#include <gtest/gtest.h>

#include "app/temp_workspace_test_util.h"
#include "app/users.h"
#include "store/database.h"

namespace medbcp::app {
namespace {

class ApiTokens : public TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ASSERT_TRUE(add_user(ws(), cli_, "院長", Role::Admin, "correct-horse-ume").empty());
    ASSERT_TRUE(add_user(ws(), cli_, "事務", Role::Staff, "correct-horse-kiku").empty());
    for (const auto& u : list_users(ws(), cli_)) {
      (u.name == "院長" ? admin_ : staff_) = actor_for(u);
    }
  }
  const Actor cli_{core::UserId(), "cli", Role::Admin};
  Actor admin_, staff_;
  const core::Instant now_ = core::Instant::now();
};

TEST_F(ApiTokens, AreShownOnceStoredAsAHashAndActAsTheirUser) {
  const auto made =
      create_api_token(ws(), staff_, staff_.user, "記録スクリプト", TokenScope::Write, 90, now_);
  ASSERT_TRUE(made.problems.empty());
  ASSERT_TRUE(made.secret.starts_with("mbt_"));
  EXPECT_EQ(made.secret.size(), 4u + 64u);
  // Nothing in the database holds the secret itself.
  auto s = ws().db().prepare("SELECT count(*) FROM api_tokens WHERE secret_hash = ?");
  s->bind(1, made.secret);
  ASSERT_TRUE(s->step());
  EXPECT_EQ(s->integer(0), 0);

  const auto check = check_api_token(ws(), made.secret, now_);
  EXPECT_FALSE(check.refused);
  EXPECT_EQ(check.actor.name, "事務");
  EXPECT_EQ(check.actor.role, Role::Staff);
  EXPECT_EQ(check.scope, TokenScope::Write);
  EXPECT_EQ(check_api_token(ws(), made.secret + "0", now_).refused, TokenRefusal::Unknown);
  EXPECT_EQ(check_api_token(ws(), "", now_).refused, TokenRefusal::Unknown);
  // Its last use is kept.
  EXPECT_TRUE(list_api_tokens(ws(), staff_).front().last_used_at);
}

TEST_F(ApiTokens, ExpireAreRevokedAndDieWithTheirAccount) {
  const auto made = create_api_token(ws(), admin_, staff_.user, "監視", TokenScope::Read, 1, now_);
  ASSERT_TRUE(made.problems.empty());
  const core::Instant later{now_.seconds + 86400 + 1};
  EXPECT_EQ(check_api_token(ws(), made.secret, later).refused, TokenRefusal::Expired);

  ASSERT_TRUE(set_user_active(ws(), admin_, staff_.user, false).empty());
  EXPECT_EQ(check_api_token(ws(), made.secret, now_).refused, TokenRefusal::UserInactive);
  ASSERT_TRUE(set_user_active(ws(), admin_, staff_.user, true).empty());

  // Only its owner or an administrator revokes it; twice is said.
  const auto id = made.token->id;
  const Actor other{core::UserId(99), "誰か", Role::Editor};
  EXPECT_FALSE(revoke_api_token(ws(), other, id, now_).empty());
  EXPECT_TRUE(revoke_api_token(ws(), staff_, id, now_).empty());
  EXPECT_FALSE(revoke_api_token(ws(), staff_, id, now_).empty());
  EXPECT_EQ(check_api_token(ws(), made.secret, now_).refused, TokenRefusal::Revoked);
}

TEST_F(ApiTokens, OnlyAnAdministratorMakesOneForSomeoneElseAndBadInputIsNamed) {
  EXPECT_THROW(
      create_api_token(ws(), staff_, admin_.user, "なりすまし", TokenScope::Write, 30, now_),
      PermissionDenied);
  const auto bad = create_api_token(ws(), staff_, staff_.user, " ", TokenScope::Read, 400, now_);
  ASSERT_EQ(bad.problems.size(), 2u);
  EXPECT_EQ(bad.problems[0].field, "name");
  EXPECT_EQ(bad.problems[1].field, "days");
  EXPECT_TRUE(list_api_tokens(ws(), admin_).empty());
  // An administrator sees every token; a member of staff their own.
  ASSERT_TRUE(create_api_token(ws(), admin_, admin_.user, "管理", TokenScope::Write, 30, now_)
                  .problems.empty());
  ASSERT_TRUE(create_api_token(ws(), staff_, staff_.user, "自分", TokenScope::Read, 30, now_)
                  .problems.empty());
  EXPECT_EQ(list_api_tokens(ws(), admin_).size(), 2u);
  ASSERT_EQ(list_api_tokens(ws(), staff_).size(), 1u);
  EXPECT_EQ(list_api_tokens(ws(), staff_)[0].name, "自分");
}

TEST(ApiTokenText, TheFacilityCodeComesBeforeTheSecret) {
  EXPECT_EQ(split_api_token("sakura.mbt_abc"),
            (std::pair<std::string, std::string>{"sakura", "mbt_abc"}));
  EXPECT_EQ(split_api_token("mbt_abc"), (std::pair<std::string, std::string>{"", "mbt_abc"}));
  EXPECT_EQ(split_api_token("xmbt_abc").first, "");
}

}  // namespace
}  // namespace medbcp::app
