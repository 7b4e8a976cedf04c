// Change history: every plan change is recorded with who and when, only
// administrators may read it, and an entry shows what changed field by field.
#include "app/history.h"

#include "app/plan_service.h"
#include "app/temp_workspace_test_util.h"

namespace medbcp::app {
namespace {

const Actor kAdmin{core::UserId(1), "院長", Role::Admin};
const Actor kEditor{core::UserId(2), "事務長", Role::Editor};

class History : public TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    init_plan(ws(), kAdmin, "履歴クリニック", false);
  }
};

TEST_F(History, EveryChangeIsRecordedWithWhoAndWhichSection) {
  std::int64_t before = list_history(ws(), kAdmin, "", 1, 100).total;
  std::int64_t officer_before = list_history(ws(), kAdmin, "officer", 1, 100).total;
  ASSERT_TRUE(update_plan(ws(), kEditor, [](core::Plan& p) {
                p.officer.name = "山田 太郎";
                p.officer.phone_day = "054-000-0000";
              }).empty());
  HistoryPage page = list_history(ws(), kAdmin, "", 1, 100);
  EXPECT_EQ(page.total, before + 1);
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items[0].user_name, "事務長");
  EXPECT_EQ(page.items[0].section, "officer");

  HistoryPage officer_only = list_history(ws(), kAdmin, "officer", 1, 100);
  EXPECT_EQ(officer_only.total, officer_before + 1);
}

TEST_F(History, AnEntryShowsTheFieldsBeforeAndAfter) {
  ASSERT_TRUE(
      update_plan(ws(), kEditor, [](core::Plan& p) { p.facility.phone = "054-111-2222"; }).empty());
  HistoryPage page = list_history(ws(), kAdmin, "facility", 1, 1);
  ASSERT_EQ(page.items.size(), 1u);
  auto detail = history_detail(ws(), kAdmin, page.items[0].id);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->changes.size(), 1u);
  ASSERT_EQ(detail->changes[0].fields.size(), 1u);
  EXPECT_EQ(detail->changes[0].fields[0].field, "phone");
  EXPECT_EQ(detail->changes[0].fields[0].before, "");
  EXPECT_EQ(detail->changes[0].fields[0].after, "054-111-2222");
}

TEST_F(History, OnlyAdministratorsReadHistory) {
  EXPECT_THROW(list_history(ws(), kEditor, "", 1, 10), PermissionDenied);
  EXPECT_THROW(history_detail(ws(), Actor{core::UserId(3), "staff", Role::Staff}, 1),
               PermissionDenied);
}

TEST_F(History, PagesAreNewestFirstAndBounded) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(update_plan(ws(), kEditor, [i](core::Plan& p) {
                  p.facility.address = "住所" + std::to_string(i);
                }).empty());
  }
  HistoryPage first = list_history(ws(), kAdmin, "facility", 1, 2);
  HistoryPage second = list_history(ws(), kAdmin, "facility", 2, 2);
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_EQ(second.items.size(), 2u);
  EXPECT_GT(first.items[0].id, first.items[1].id);
  EXPECT_GT(first.items[1].id, second.items[0].id);
}

}  // namespace
}  // namespace medbcp::app
