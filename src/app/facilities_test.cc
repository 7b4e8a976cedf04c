// Facilities: a SQLite file is one clinic and stays as it was; on
// PostgreSQL an association adds clinics, each in a schema of its own, and
// every command must say which one it means when there are several.
#include "app/facilities.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/plan_service.h"
#include "app/users.h"
#include "app/workspace.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

const Actor kConsole{core::UserId(), "cli", Role::Admin};

TEST(FacilitiesOnSqlite, AFileIsOneFacilityAndNeedsNoCode) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("medbcp-facilities-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "clinic.db").string();
  EXPECT_EQ(facility_workspace_location(file, ""), file);
  {
    auto ws = Workspace::open(file);
    init_plan(*ws, kConsole, "あおば医院", false);
  }
  const auto listed = list_facilities(file);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].name, "あおば医院");
  EXPECT_THROW(add_facility(file, kConsole, "sakura", "さくら医院", core::Instant{1}),
               std::runtime_error);
  std::filesystem::remove_all(dir);
}

class FacilitiesOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!store::testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
    url_ = store::fresh_postgres_database(store::test_postgres_url());
  }
  std::string facility_name(const std::string& code) {
    auto ws = Workspace::open(facility_workspace_location(url_, code));
    return load_plan(*ws).facility.name;
  }
  std::string url_;
};

TEST_F(FacilitiesOnPostgres, OneFacilityIsChosenWithoutACode) {
  add_facility(url_, kConsole, "aoba", "あおば医院", core::Instant{1796000000});
  EXPECT_EQ(facility_name(""), "あおば医院");
  EXPECT_EQ(facility_name("aoba"), "あおば医院");
  const auto listed = list_facilities(url_);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].code, "aoba");
  EXPECT_EQ(listed[0].created_at.seconds, 1796000000);
}

TEST_F(FacilitiesOnPostgres, SeveralFacilitiesNeedACodeAndTheMessageListsThem) {
  add_facility(url_, kConsole, "aoba", "あおば医院", core::Instant{1});
  add_facility(url_, kConsole, "sakura-naika", "さくら内科", core::Instant{2});
  try {
    facility_workspace_location(url_, "");
    FAIL() << "a facility was chosen for the user";
  } catch (const FacilityNotChosen& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("aoba"), std::string::npos) << message;
    EXPECT_NE(message.find("sakura-naika"), std::string::npos) << message;
  }
  EXPECT_THROW(facility_workspace_location(url_, "nowhere"), std::runtime_error);
  EXPECT_THROW(facility_workspace_location(url_, "Bad Code"), std::runtime_error);
}

TEST_F(FacilitiesOnPostgres, EachFacilitySeesOnlyItsOwnPlanAndAccounts) {
  add_facility(url_, kConsole, "aoba", "あおば医院", core::Instant{1});
  add_facility(url_, kConsole, "sakura", "さくら医院", core::Instant{2});
  auto aoba = Workspace::open(facility_workspace_location(url_, "aoba"));
  auto sakura = Workspace::open(facility_workspace_location(url_, "sakura"));
  ASSERT_TRUE(update_plan(*aoba, kConsole, [](core::Plan& p) {
                p.facility.phone = "054-000-0001";
              }).empty());
  ASSERT_TRUE(
      add_user(*aoba, kConsole, "aoba-admin", Role::Admin, "correct horse battery staple").empty());

  EXPECT_EQ(load_plan(*aoba).facility.phone, "054-000-0001");
  EXPECT_NE(load_plan(*sakura).facility.phone, "054-000-0001");
  EXPECT_EQ(list_users(*aoba, kConsole).size(), 1u);
  EXPECT_TRUE(list_users(*sakura, kConsole).empty());
}

TEST_F(FacilitiesOnPostgres, ATakenOrMalformedCodeChangesNothing) {
  add_facility(url_, kConsole, "aoba", "あおば医院", core::Instant{1});
  EXPECT_THROW(add_facility(url_, kConsole, "aoba", "別の医院", core::Instant{2}),
               std::runtime_error);
  EXPECT_THROW(add_facility(url_, kConsole, "x; DROP SCHEMA f_aoba", "悪意", core::Instant{2}),
               std::runtime_error);
  EXPECT_THROW(add_facility(url_, kConsole, "-aoba", "先頭が記号", core::Instant{2}),
               std::runtime_error);
  const auto listed = list_facilities(url_);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].name, "あおば医院");
  EXPECT_EQ(facility_name("aoba"), "あおば医院");
}

}  // namespace
}  // namespace medbcp::app
