#include "core/plan_section.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/demo_plan.h"

namespace medbcp::core {
namespace {

TEST(SectionTest, LabelsAndCodes) {
  EXPECT_STREQ(code(Section::InternalContacts), "internal_contacts");
  EXPECT_STREQ(label(Section::Backups), "バックアップ体制");
  std::set<std::string> codes;
  for (const SectionInfo& s : plan_sections()) {
    EXPECT_TRUE(codes.insert(std::string(s.code)).second) << s.code;
    EXPECT_STRNE(label(s.section), "");
    EXPECT_FALSE(s.title.empty());
    EXPECT_FALSE(s.clause.empty());
  }
  EXPECT_EQ(codes.size(), 9u);
}

TEST(SectionTest, RegistryIsInEnumOrderAndFindsEveryCode) {
  std::size_t i = 0;
  for (const SectionInfo& s : plan_sections()) {
    EXPECT_EQ(static_cast<std::size_t>(s.section), i++);
    EXPECT_EQ(&section_info(s.section), &s);
    EXPECT_EQ(section_from_code(s.code), s.section);
  }
  EXPECT_FALSE(section_from_code("effective_date"));
  EXPECT_FALSE(section_from_code(""));
}

TEST(SectionTest, RecordsAreReachedThroughTheRegistry) {
  Plan plan = demo_plan();
  const SectionInfo& devices = section_info(Section::Devices);
  ASSERT_TRUE(devices.is_list);
  EXPECT_EQ(devices.record_count(plan), plan.devices.size());
  EXPECT_EQ(devices.record_id(plan, 0), plan.devices.front().id.value);
  EXPECT_EQ(devices.record_id(plan, plan.devices.size()), 0);
  const SectionInfo& officer = section_info(Section::Officer);
  EXPECT_FALSE(officer.is_list);
  EXPECT_EQ(officer.record_count(plan), 1u);

  Plan changed = plan;
  for (const SectionInfo& s : plan_sections()) EXPECT_TRUE(s.same(plan, changed)) << s.code;
  changed.fallbacks.front().fallback += "（改）";
  for (const SectionInfo& s : plan_sections()) {
    EXPECT_EQ(s.same(plan, changed), s.section != Section::Fallbacks) << s.code;
  }
}

}  // namespace
}  // namespace medbcp::core
