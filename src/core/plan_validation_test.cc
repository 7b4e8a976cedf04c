#include "core/plan_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/demo_plan.h"
#include "core/plan_template.h"

namespace medbcp::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "field@row" for each problem.
std::vector<std::string> problems_of(const Plan& plan) {
  std::vector<std::string> out;
  for (const Problem& p : validate_plan(plan)) out.push_back(p.field + "@" + std::to_string(p.row));
  return out;
}

TEST(PlanValidationTest, DemoAndTemplateAreValid) {
  for (const Problem& p : validate_plan(demo_plan())) ADD_FAILURE() << p.field << " " << p.message;
  EXPECT_THAT(validate_plan(demo_plan()), IsEmpty());
  // Placeholders are readiness gaps, not errors: the fresh template is valid.
  EXPECT_THAT(validate_plan(template_plan("医院")), IsEmpty());
  EXPECT_THAT(validate_plan(Plan{}), IsEmpty());
}

TEST(PlanValidationTest, ProblemsCarryAJapaneseMessage) {
  Plan p = demo_plan();
  p.devices[2].name = "";
  const Problems problems = validate_plan(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "devices[2].name");
  EXPECT_EQ(problems[0].row, 3);
  EXPECT_EQ(problems[0].message, "機器名を入力してください。");
}

TEST(PlanValidationTest, NamesRequiredWhereARowExists) {
  Plan p = demo_plan();
  p.systems[0].name = " ";
  p.threats[1].title = "";
  p.internal_contacts[2].name = "　";
  p.external_contacts[3].organization = "";
  p.devices[4].name = "";
  p.fallbacks[5].business = "";
  EXPECT_THAT(problems_of(p),
              ElementsAre("systems[0].name@1", "threats[1].title@2", "internal_contacts[2].name@3",
                          "external_contacts[3].organization@4", "devices[4].name@5",
                          "fallbacks[5].business@6"));
}

TEST(PlanValidationTest, BackupNeedsASystemOrALabel) {
  Plan p = demo_plan();
  p.backups[0].system.reset();
  p.backups[0].system_label = "";
  EXPECT_THAT(problems_of(p), ElementsAre("backups[0].system@1"));
  p.backups[0].system_label = "電子カルテ";
  EXPECT_THAT(problems_of(p), IsEmpty());
}

TEST(PlanValidationTest, IdsMustBePositive) {
  Plan p = demo_plan();
  p.systems[1].id = SystemId{0};
  p.devices[0].id = DeviceId{-4};
  // Rows that pointed at system 2 now dangle too.
  EXPECT_THAT(problems_of(p),
              ElementsAre("systems[1].id@2", "devices[0].id@1", "fallbacks[3].system@4",
                          "backups[2].system@3", "backups[3].system@4"));
}

TEST(PlanValidationTest, IdsMustBeUniquePerList) {
  Plan p = demo_plan();
  p.threats[3].id = p.threats[0].id;
  p.fallbacks[2].id = p.fallbacks[1].id;
  p.backups[7].id = p.backups[0].id;
  p.external_contacts[12].id = p.external_contacts[11].id;
  const Problems problems = validate_plan(p);
  std::vector<std::string> got;
  for (const auto& pr : problems) got.push_back(pr.field + "@" + std::to_string(pr.row));
  EXPECT_THAT(got, ElementsAre("threats[3].id@4", "external_contacts[12].id@13",
                               "fallbacks[2].id@3", "backups[7].id@8"));
  EXPECT_NE(problems[0].message.find("1行目"), std::string::npos) << problems[0].message;
}

TEST(PlanValidationTest, SameIdInDifferentListsIsFine) {
  Plan p = demo_plan();
  // Every list of the demo starts at 1; strong ids keep them apart.
  EXPECT_EQ(p.systems[0].id.value, p.devices[0].id.value);
  EXPECT_THAT(problems_of(p), IsEmpty());
}

TEST(PlanValidationTest, ReferencesMustResolve) {
  Plan p = demo_plan();
  p.systems[0].vendor = ExternalContactId{404};
  p.fallbacks[0].system = SystemId{404};
  p.backups[1].system = SystemId{404};
  p.internal_contacts[1].reports_to = InternalContactId{404};
  EXPECT_THAT(problems_of(p),
              ElementsAre("systems[0].vendor@1", "internal_contacts[1].reports_to@2",
                          "fallbacks[0].system@1", "backups[1].system@2"));
}

TEST(PlanValidationTest, NoSelfReporting) {
  Plan p = demo_plan();
  p.internal_contacts[0].reports_to = p.internal_contacts[0].id;
  const Problems problems = validate_plan(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "internal_contacts[0].reports_to");
  EXPECT_EQ(problems[0].message, "自分自身を報告先にはできません。");
}

TEST(PlanValidationTest, NoReportingCycles) {
  Plan p = demo_plan();
  // 1 -> 2 -> 1, and 7 reports into the cycle via 6 -> 1 without being on it.
  p.internal_contacts[0].reports_to = p.internal_contacts[1].id;
  EXPECT_THAT(problems_of(p), ElementsAre("internal_contacts[0].reports_to@1",
                                          "internal_contacts[1].reports_to@2"));
}

TEST(PlanValidationTest, LongerCycle) {
  Plan p = demo_plan();
  // 3 -> 4 -> 8 -> 3 (indices 2, 3, 7).
  p.internal_contacts[2].reports_to = InternalContactId{4};
  p.internal_contacts[3].reports_to = InternalContactId{8};
  p.internal_contacts[7].reports_to = InternalContactId{3};
  EXPECT_THAT(problems_of(p),
              ElementsAre("internal_contacts[2].reports_to@3", "internal_contacts[3].reports_to@4",
                          "internal_contacts[7].reports_to@8"));
}

TEST(PlanValidationTest, NumbersMustBeSane) {
  Plan p = demo_plan();
  p.facility.edition = 0;
  p.backups[0].frequency_days = -1;
  p.backups[1].generations = -2;
  EXPECT_THAT(problems_of(p), ElementsAre("facility.edition@0", "backups[0].frequency_days@1",
                                          "backups[1].generations@2"));
  p = demo_plan();
  p.backups[0].frequency_days = 0;  // 未設定 is a readiness gap, not an error
  p.backups[0].generations = 0;
  EXPECT_THAT(problems_of(p), IsEmpty());
}

TEST(PlanValidationTest, DatesMustBeValid) {
  Plan p = demo_plan();
  p.facility.effective_date = Date{2024, 2, 30};
  p.facility.last_reviewed = Date{2024, 13, 1};
  p.external_contacts[0].last_verified = Date{2023, 2, 29};
  p.devices[0].introduced = Date{0, 1, 1};
  p.devices[1].support_end = Date{2024, 4, 31};
  p.devices[2].last_stocktake = Date{2024, 0, 1};
  EXPECT_THAT(problems_of(p),
              ElementsAre("facility.effective_date@0", "facility.last_reviewed@0",
                          "external_contacts[0].last_verified@1", "devices[0].introduced@1",
                          "devices[1].support_end@2", "devices[2].last_stocktake@3"));
}

TEST(PlanValidationTest, SupportCannotEndBeforeIntroduction) {
  Plan p = demo_plan();
  p.devices[0].introduced = Date{2024, 4, 1};
  p.devices[0].support_end = Date{2024, 3, 31};
  EXPECT_THAT(problems_of(p), ElementsAre("devices[0].support_end@1"));
}

TEST(PlanValidationTest, AssetNumbersUnique) {
  Plan p = demo_plan();
  p.devices[5].asset_number = p.devices[2].asset_number;
  EXPECT_THAT(problems_of(p), ElementsAre("devices[5].asset_number@6"));
  p = demo_plan();
  p.devices[5].asset_number = "ｓｖ－００１";  // SV-001 typed in full width, lower case
  EXPECT_THAT(problems_of(p), ElementsAre("devices[5].asset_number@6"));
  p = demo_plan();
  p.devices[5].asset_number = "";  // devices without a number are allowed, several of them
  p.devices[6].asset_number = " ";
  EXPECT_THAT(problems_of(p), IsEmpty());
}

}  // namespace
}  // namespace medbcp::core
