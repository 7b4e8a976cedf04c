// Every section of the plan registry (core/plan_section.h) goes the whole
// way round: a change to one of its records survives the plan file (JSON
// out and in), the store (saved and loaded), the plan's history (one entry,
// for that section only, whose diff names the change) and the web editor
// (its page shows the new text). A section added to the registry without
// its JSON, table, history or editor fails here.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/history.h"
#include "app/plan_service.h"
#include "core/demo_plan.h"
#include "core/plan_section.h"
#include "io/plan_json.h"
#include "io/plan_json_reader.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kChanged = "改訂テスト（登録簿）";

// The first free-text field of the section's first record, changed.
std::string change_one_record(const std::string& plan_json, const core::SectionInfo& section) {
  Json root = Json::parse(plan_json);
  Json& value = root[std::string(section.code)];
  Json& record = section.is_list ? value.at(0) : value;
  for (const char* key :
       {"name", "title", "organization", "business", "method", "description", "note"}) {
    if (record.contains(key) && record[key].is_string()) {
      record[key] = kChanged;
      return root.dump(2);
    }
  }
  ADD_FAILURE() << section.code << ": no free-text field to change";
  return plan_json;
}

class PlanSectionRegistry : public WebServerTest {};

TEST_F(PlanSectionRegistry, EverySectionRoundTripsThroughJsonStoreHistoryAndEditor) {
  const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
  TestBrowser editor = signed_in("editor");
  ASSERT_EQ(core::plan_sections().size(), 9u);
  for (const core::SectionInfo& section : core::plan_sections()) {
    SCOPED_TRACE(std::string(section.code));
    const core::Plan before = app::load_plan(*ws_);
    const std::string changed_json = change_one_record(io::plan_to_json(before), section);

    // JSON: read back, only this section differs.
    const io::PlanParseResult parsed = io::plan_from_json(changed_json);
    ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front().message;
    for (const core::SectionInfo& other : core::plan_sections()) {
      EXPECT_EQ(other.same(before, *parsed.plan), other.section != section.section) << other.code;
    }

    // Store: saved through the import use case and loaded again, the same.
    ASSERT_TRUE(app::import_plan_json(*ws_, cli, changed_json).empty());
    const core::Plan stored = app::load_plan(*ws_);
    for (const core::SectionInfo& other : core::plan_sections()) {
      EXPECT_TRUE(other.same(*parsed.plan, stored)) << other.code;
    }
    EXPECT_EQ(io::plan_to_json(stored), io::plan_to_json(*parsed.plan));

    // History: the newest entry is this section's, and its diff names the change.
    const app::HistoryPage history = app::list_history(*ws_, cli, "", 1, 5);
    ASSERT_FALSE(history.items.empty());
    EXPECT_EQ(history.items.front().section, section.code);
    const auto detail = app::history_detail(*ws_, cli, history.items.front().id);
    ASSERT_TRUE(detail);
    bool named = false;
    for (const app::RecordChange& c : detail->changes) {
      for (const app::FieldChange& f : c.fields) named = named || f.after == kChanged;
    }
    EXPECT_TRUE(named);

    // Web editor: the section's page is there, titled from the registry,
    // and shows the new text.
    auto page = editor.get("/plan/" + std::string(section.code));
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find(std::string(section.title)), std::string::npos);
    EXPECT_NE(page->body.find(kChanged), std::string::npos);
  }
}

}  // namespace
}  // namespace medbcp::web
