// The history of the device ledger records the devices that changed, and
// reading it back still tells what was added, changed, removed or reordered.
#include "app/device_history.h"

#include <gtest/gtest.h>

#include "app/history.h"
#include "app/plan_change.h"
#include "app/plan_service.h"
#include "app/temp_workspace_test_util.h"
#include "store/database.h"

namespace medbcp::app {
namespace {

core::Device device(std::int64_t id, std::string name) {
  core::Device d;
  d.id = core::DeviceId(id);
  d.asset_number = "PC-" + std::to_string(id);
  d.name = std::move(name);
  return d;
}

std::vector<std::int64_t> ids(const std::vector<const core::Device*>& list) {
  std::vector<std::int64_t> out;
  for (const core::Device* d : list) out.push_back(d->id.value);
  return out;
}

TEST(DeviceDelta, HoldsOnlyTheDevicesThatChanged) {
  const std::vector<core::Device> before = {device(1, "受付"), device(2, "診察室"),
                                            device(3, "サーバ"), device(4, "予備")};
  std::vector<core::Device> after = before;
  after[1].location = "2階";                         // changed
  after.erase(after.begin() + 3);                    // removed: 4
  after.insert(after.begin() + 1, device(5, "新"));  // added, in the middle
  const auto delta = device_delta(before, after);
  ASSERT_TRUE(delta);
  EXPECT_EQ(ids(delta->after), (std::vector<std::int64_t>{5, 2}));
  EXPECT_EQ(ids(delta->before), (std::vector<std::int64_t>{2, 4}));
  EXPECT_EQ(delta->before[0]->location, "");
  EXPECT_EQ(delta->after[1]->location, "2階");
}

TEST(DeviceDelta, NothingChangedIsAnEmptyDelta) {
  const std::vector<core::Device> list = {device(1, "受付"), device(2, "診察室")};
  const auto delta = device_delta(list, list);
  ASSERT_TRUE(delta);
  EXPECT_TRUE(delta->before.empty());
  EXPECT_TRUE(delta->after.empty());
}

TEST(DeviceDelta, AReorderIsNotADelta) {
  const std::vector<core::Device> before = {device(1, "受付"), device(2, "診察室"),
                                            device(3, "サーバ")};
  const std::vector<core::Device> after = {before[0], before[2], before[1]};
  EXPECT_FALSE(device_delta(before, after));
  // Removing and adding around unchanged devices keeps their order.
  const std::vector<core::Device> shrunk = {before[0], device(9, "新"), before[2]};
  EXPECT_TRUE(device_delta(before, shrunk));
}

const Actor kAdmin{core::UserId(1), "院長", Role::Admin};

class DeviceHistory : public TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    init_plan(ws(), kAdmin, "履歴クリニック", false);
    ASSERT_TRUE(update_plan(ws(), kAdmin, [](core::Plan& p) {
                  p.devices.clear();
                  for (int i = 1; i <= 500; ++i) {
                    p.devices.push_back(device(i, "端末" + std::to_string(i)));
                  }
                }).empty());
  }
  HistoryDetail newest_devices_entry() {
    const HistoryPage page = list_history(ws(), kAdmin, "devices", 1, 1);
    EXPECT_EQ(page.items.size(), 1u);
    auto detail = history_detail(ws(), kAdmin, page.items.at(0).id);
    EXPECT_TRUE(detail);
    return *detail;
  }
};

TEST_F(DeviceHistory, OneEditOfALargeLedgerRecordsThatDeviceOnly) {
  ASSERT_TRUE(
      update_plan(ws(), kAdmin, [](core::Plan& p) { p.devices[249].location = "検査室"; }).empty());
  const HistoryDetail detail = newest_devices_entry();
  // One device each side, not 500.
  EXPECT_LT(detail.after_json.size(), 1000u) << detail.after_json.substr(0, 200);
  ASSERT_EQ(detail.changes.size(), 1u);
  EXPECT_EQ(detail.changes[0].kind, ChangeKind::Changed);
  EXPECT_EQ(detail.changes[0].record_id, 250);
  ASSERT_EQ(detail.changes[0].fields.size(), 1u);
  EXPECT_EQ(detail.changes[0].fields[0].field, "location");
  EXPECT_EQ(detail.changes[0].fields[0].after, "検査室");
}

TEST_F(DeviceHistory, AStockTakesLedgerChangeIsRecordedTheSameWay) {
  // Closing a stock-take round saves its ledger change inside its own
  // transaction (save_plan_change): the same history as update_plan writes.
  {
    store::Transaction tx(ws().db());
    const core::Plan before = load_plan(ws());
    core::Plan after = before;
    after.devices[9].location = "倉庫";
    ASSERT_TRUE(save_plan_change(ws().db(), kAdmin, before, std::move(after)).empty());
    tx.commit();
  }
  const HistoryDetail detail = newest_devices_entry();
  EXPECT_LT(detail.after_json.size(), 1000u) << detail.after_json.substr(0, 200);
  ASSERT_EQ(detail.changes.size(), 1u);
  EXPECT_EQ(detail.changes[0].record_id, 10);
}

TEST_F(DeviceHistory, AddedAndRemovedDevicesAreToldApart) {
  ASSERT_TRUE(update_plan(ws(), kAdmin, [](core::Plan& p) {
                p.devices.erase(p.devices.begin() + 10);  // 端末11
                p.devices.push_back(device(0, "新しい端末"));
              }).empty());
  const HistoryDetail detail = newest_devices_entry();
  ASSERT_EQ(detail.changes.size(), 2u);
  EXPECT_EQ(detail.changes[0].kind, ChangeKind::Added);
  EXPECT_EQ(detail.changes[0].record_label, "新しい端末");
  EXPECT_EQ(detail.changes[1].kind, ChangeKind::Removed);
  EXPECT_EQ(detail.changes[1].record_label, "端末11");
}

TEST_F(DeviceHistory, AReorderedLedgerIsRecordedAsAReorder) {
  ASSERT_TRUE(update_plan(ws(), kAdmin, [](core::Plan& p) {
                std::swap(p.devices[0], p.devices[1]);
              }).empty());
  const HistoryDetail detail = newest_devices_entry();
  ASSERT_EQ(detail.changes.size(), 1u);
  EXPECT_EQ(detail.changes[0].kind, ChangeKind::Reordered);
}

TEST_F(DeviceHistory, ALargeLedgerIsRecordedWholeWhileItIsSaved) {
  // Large enough for update_plan to build the history on a second thread.
  ASSERT_TRUE(update_plan(ws(), kAdmin, [](core::Plan& p) {
                for (int i = 1; i <= 3000; ++i) {
                  core::Device d = device(0, "追加端末" + std::to_string(i));
                  d.asset_number = "ADD-" + std::to_string(i);
                  p.devices.push_back(std::move(d));
                }
                p.devices[0].location = "受付";
              }).empty());
  const HistoryDetail detail = newest_devices_entry();
  ASSERT_EQ(detail.changes.size(), 3001u);
  EXPECT_EQ(detail.changes[0].kind, ChangeKind::Changed);
  EXPECT_EQ(detail.changes[0].record_id, 1);
  EXPECT_EQ(detail.changes[1].kind, ChangeKind::Added);
  EXPECT_EQ(detail.changes[1].record_label, "追加端末1");
  EXPECT_EQ(detail.changes[3000].record_label, "追加端末3000");
  EXPECT_EQ(load_plan(ws()).devices.size(), 3500u);
}

}  // namespace
}  // namespace medbcp::app
