// Accounts: the first administrator only on first run, validation of names
// and passwords, and the rule that a server never loses its last admin.
#include "app/users.h"

#include "app/sessions.h"
#include "app/temp_workspace_test_util.h"
#include "store/database.h"

namespace medbcp::app {
namespace {

const Actor kCli{core::UserId(), "cli", Role::Admin};

class Users : public TempWorkspaceTest {};

TEST_F(Users, FirstAdminIsCreatedOnlyWhileThereAreNoUsers) {
  EXPECT_FALSE(has_users(ws()));
  EXPECT_TRUE(create_first_admin(ws(), "院長", "correct-horse").empty());
  EXPECT_TRUE(has_users(ws()));
  auto again = create_first_admin(ws(), "intruder", "another-pass");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].field, "name");
  auto users = list_users(ws(), kCli);
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].name, "院長");
  EXPECT_EQ(users[0].role, Role::Admin);
}

TEST_F(Users, RejectsShortPasswordsEmptyAndDuplicateNames) {
  auto short_password = add_user(ws(), kCli, "yamada", Role::Staff, "short");
  ASSERT_EQ(short_password.size(), 1u);
  EXPECT_EQ(short_password[0].field, "password");
  EXPECT_NE(short_password[0].message.find("12文字以上"), std::string::npos);

  auto empty = add_user(ws(), kCli, "　 ", Role::Staff, "long-enough-1");
  ASSERT_FALSE(empty.empty());
  EXPECT_EQ(empty[0].field, "name");

  EXPECT_TRUE(add_user(ws(), kCli, "yamada", Role::Staff, "long-enough-1").empty());
  // Full-width letters are the same name after NFKC.
  auto dup = add_user(ws(), kCli, "ｙａｍａｄａ", Role::Viewer, "long-enough-2");
  ASSERT_FALSE(dup.empty());
  EXPECT_NE(dup[0].message.find("すでに使われています"), std::string::npos);
}

TEST_F(Users, OnlyAdministratorsManageUsers) {
  Actor editor{core::UserId(5), "editor", Role::Editor};
  EXPECT_THROW(add_user(ws(), editor, "x-user", Role::Staff, "long-enough-1"), PermissionDenied);
  EXPECT_THROW(list_users(ws(), editor), PermissionDenied);
}

TEST_F(Users, TheLastActiveAdministratorCannotBeDemotedOrStopped) {
  ASSERT_TRUE(create_first_admin(ws(), "admin", "correct-horse").empty());
  User admin = list_users(ws(), kCli).at(0);
  auto demote = set_user_role(ws(), kCli, admin.id, Role::Editor);
  ASSERT_EQ(demote.size(), 1u);
  EXPECT_EQ(demote[0].field, "role");
  EXPECT_FALSE(set_user_active(ws(), kCli, admin.id, false).empty());

  ASSERT_TRUE(add_user(ws(), kCli, "second", Role::Admin, "correct-horse-2").empty());
  EXPECT_TRUE(set_user_role(ws(), kCli, admin.id, Role::Editor).empty());
  EXPECT_EQ(find_user(ws(), admin.id)->role, Role::Editor);
}

TEST_F(Users, ChangingOwnPasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  ASSERT_TRUE(create_first_admin(ws(), "admin", "correct-horse").empty());
  User admin = list_users(ws(), kCli).at(0);
  core::Instant now{1'700'000'000};
  NewSession session = start_session(ws(), admin.id, now);
  Actor self = actor_for(admin);

  auto wrong = change_own_password(ws(), self, "not-it", "brand-new-pass");
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_EQ(wrong[0].field, "current_password");

  EXPECT_TRUE(change_own_password(ws(), self, "correct-horse", "brand-new-pass").empty());
  EXPECT_FALSE(find_session(ws(), session.token, now).has_value());
  EXPECT_EQ(sign_in(ws(), "admin", "correct-horse", "127.0.0.1", now).outcome,
            SignInOutcome::WrongCredentials);
  EXPECT_EQ(sign_in(ws(), "admin", "brand-new-pass", "127.0.0.1", now).outcome,
            SignInOutcome::SignedIn);
}

TEST_F(Users, PasswordsAreStoredAsArgon2idHashes) {
  ASSERT_TRUE(create_first_admin(ws(), "admin", "correct-horse").empty());
  auto stmt = ws().db().prepare("SELECT password_hash FROM users");
  ASSERT_TRUE(stmt->step());
  std::string hash = stmt->text(0);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("correct-horse"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::app
