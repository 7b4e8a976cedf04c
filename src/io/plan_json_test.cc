#include "io/plan_json.h"

#include "io/device_json.h"
#include "io/plan_json_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/plan_template.h"

namespace medbcp::io {
namespace {

core::Plan sample() {
  core::Plan plan = core::template_plan("さくら医院");
  plan.facility.effective_date = core::Date{2024, 4, 1};
  core::Device d;
  d.id = core::DeviceId(7);
  d.name = "サーバ①";
  d.kind = core::DeviceKind::Server;
  d.note = "改行\nと \"引用符\" と ～";
  plan.devices = {d};
  return plan;
}

bool has_problem_at(const core::Problems& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) return true;
  }
  return false;
}

TEST(PlanJson, RoundTripIsByteIdentical) {
  std::string first = plan_to_json(sample());
  auto parsed = plan_from_json(first);
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems[0].field << parsed.problems[0].message;
  ASSERT_TRUE(parsed.plan);
  EXPECT_EQ(plan_to_json(*parsed.plan), first);
}

TEST(PlanJson, KeepsJapaneseUnescapedAndVersioned) {
  std::string json = plan_to_json(sample());
  EXPECT_NE(json.find("\"format\": \"medbcp-plan\""), std::string::npos);
  EXPECT_NE(json.find("\"version\": 1"), std::string::npos);
  EXPECT_NE(json.find("さくら医院"), std::string::npos);
  EXPECT_NE(json.find("\"effective_date\": \"2024-04-01\""), std::string::npos);
}

TEST(PlanJson, SyntaxErrorIsAProblemNotACrash) {
  auto parsed = plan_from_json("{\"format\": ");
  EXPECT_FALSE(parsed.plan);
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].field, "$");
}

TEST(PlanJson, RejectsOtherFormatsAndVersions) {
  EXPECT_TRUE(has_problem_at(plan_from_json("{}").problems, "format"));
  EXPECT_TRUE(has_problem_at(plan_from_json("[1,2]").problems, "$"));
  EXPECT_TRUE(has_problem_at(plan_from_json("{\"format\":\"medbcp-plan\",\"version\":99}").problems,
                             "version"));
}

TEST(PlanJson, ReportsEveryBadFieldWithItsPath) {
  std::string json = plan_to_json(sample());
  json.replace(json.find("\"kind\": \"server\""), 16, "\"kind\": \"toaster\"");
  json.replace(json.find("\"effective_date\": \"2024-04-01\""), 30,
               "\"effective_date\": \"2024-02-30\"");
  json.replace(json.find("\"edition\": 1"), 12, "\"edition\": \"one\"");
  auto parsed = plan_from_json(json);
  EXPECT_FALSE(parsed.plan);
  EXPECT_TRUE(has_problem_at(parsed.problems, "devices[0].kind"));
  EXPECT_TRUE(has_problem_at(parsed.problems, "facility.effective_date"));
  EXPECT_TRUE(has_problem_at(parsed.problems, "facility.edition"));
}

TEST(PlanJson, MissingFieldsAndUnknownSectionsAreReported) {
  std::string json = plan_to_json(sample());
  json.replace(json.find("\"name\": \"サーバ①\","), std::string("\"name\": \"サーバ①\",").size(),
               "");
  json.insert(1, "\"extra\": 1,");
  auto parsed = plan_from_json(json);
  EXPECT_TRUE(has_problem_at(parsed.problems, "devices[0].name"));
  EXPECT_TRUE(has_problem_at(parsed.problems, "extra"));
}

TEST(PlanJson, SectionJsonIsTheSectionOnly) {
  core::Plan plan = sample();
  std::string devices = section_to_json(plan, "devices");
  EXPECT_EQ(devices.front(), '[');
  EXPECT_NE(devices.find("サーバ①"), std::string::npos);
  EXPECT_EQ(devices.find("さくら医院"), std::string::npos);
  EXPECT_EQ(section_to_json(plan, "nonsense"), "null");
}

}  // namespace
}  // namespace medbcp::io

namespace medbcp::io {
namespace {

TEST(PlanJson, TheDevicesSectionIsWrittenExactlyAsTheJsonLibraryWouldWriteIt) {
  core::Plan plan;
  core::Device a;
  a.id = core::DeviceId(7);
  a.asset_number = "PC-\"01\"";
  a.name = "受付端末①\\ ～ 𠮷\ttab\nline\r\x01\x1f\x7f";
  a.kind = core::DeviceKind::Terminal;
  a.internet_facing = true;
  a.introduced = core::Date{2024, 4, 1};
  a.note = "";
  core::Device b;  // every field empty
  b.id = core::DeviceId(8);
  plan.devices = {a, b};
  const std::string direct = section_to_json(plan, "devices");
  // The library's own rendering of the same section, from the export.
  const auto exported = nlohmann::ordered_json::parse(plan_to_json(plan))["devices"];
  EXPECT_EQ(direct, exported.dump());
  plan.devices.clear();
  EXPECT_EQ(section_to_json(plan, "devices"), "[]");
}

TEST(DevicesHistoryJson, HoldsTheSectionsValuesUnderItsFieldNamesOnce) {
  core::Plan plan = sample();
  core::Device odd;  // every field empty, a quote and a newline in the note
  odd.id = core::DeviceId(9);
  odd.note = "\"引用\"\n改行";
  plan.devices.push_back(odd);
  const auto objects = nlohmann::ordered_json::parse(plan_to_json(plan))["devices"];
  const auto table = nlohmann::ordered_json::parse(devices_history_json(plan.devices));
  ASSERT_EQ(table.size(), 2u);
  const auto& columns = table["columns"];
  const auto& rows = table["rows"];
  ASSERT_EQ(rows.size(), objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    ASSERT_EQ(columns.size(), objects[i].size());
    std::size_t c = 0;
    for (const auto& [key, value] : objects[i].items()) {
      EXPECT_EQ(columns[c].get<std::string>(), key);
      EXPECT_EQ(rows[i][c], value) << key;
      ++c;
    }
  }
  EXPECT_EQ(
      nlohmann::ordered_json::parse(devices_history_json(std::vector<core::Device>{}))["rows"],
      nlohmann::ordered_json::array());
}

}  // namespace
}  // namespace medbcp::io
