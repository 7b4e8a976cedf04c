#include "core/stocktake.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

Device device(std::int64_t id, const char* asset, const char* name, const char* location,
              DeviceStatus status = DeviceStatus::Active) {
  Device d;
  d.id = DeviceId(id);
  d.asset_number = asset;
  d.name = name;
  d.location = location;
  d.status = status;
  d.last_stocktake = Date{2024, 4, 1};
  return d;
}

std::vector<Device> ledger() {
  return {device(1, "A-001", "電子カルテサーバ", "サーバ室"), device(2, "A-002", "受付PC", "受付"),
          device(3, "A-003", "古いプリンタ", "倉庫", DeviceStatus::Retired),
          device(4, "A-004", "VPN装置", "サーバ室")};
}

int next_id = 0;
StocktakeResult result(std::optional<std::int64_t> device, Finding finding,
                       std::int64_t at_seconds = 1000) {
  StocktakeResult r;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%032x", ++next_id);
  r.id.value = buf;
  r.round.value = std::string(32, 'a');
  if (device) r.device = DeviceId(*device);
  r.finding = finding;
  r.recorded_at = Instant{at_seconds};
  r.recorded_by = "事務長";
  return r;
}

TEST(RandomId, AcceptsOnly32LowerHexDigits) {
  EXPECT_TRUE(StocktakeRoundId{std::string(32, 'f')}.valid());
  EXPECT_FALSE(StocktakeRoundId{std::string(31, 'f')}.valid());
  EXPECT_FALSE(StocktakeRoundId{std::string(32, 'F')}.valid());
  EXPECT_FALSE(StocktakeRoundId{std::string(31, 'f') + "g"}.valid());
}

TEST(Finding, CodesAndLabelsRoundTrip) {
  for (Finding f : kFindings) {
    EXPECT_EQ(finding_from_code(code(f)), f);
    EXPECT_EQ(finding_from_text(label(f)), f);
  }
  EXPECT_EQ(finding_from_text("確認済み"), Finding::Confirmed);
  EXPECT_EQ(finding_from_text("ＭＯＶＥＤ"), Finding::Moved);
  EXPECT_EQ(finding_from_text("紛失"), Finding::Missing);
  EXPECT_FALSE(finding_from_text("たぶん"));
  EXPECT_FALSE(finding_from_code("確認済"));
}

TEST(StocktakeItems, LeaveOutRetiredDevicesAndKeepLedgerOrder) {
  auto items = stocktake_items(ledger());
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].device, DeviceId(1));
  EXPECT_EQ(items[1].device, DeviceId(2));
  EXPECT_EQ(items[2].device, DeviceId(4));
  EXPECT_EQ(items[1].location, "受付");
}

TEST(ValidateResult, NeedsWhatEachFindingSays) {
  auto items = stocktake_items(ledger());
  EXPECT_TRUE(validate_result(result(1, Finding::Confirmed), items).empty());

  auto not_in_round = validate_result(result(3, Finding::Confirmed), items);
  ASSERT_EQ(not_in_round.size(), 1u);
  EXPECT_EQ(not_in_round[0].field, "device");

  EXPECT_EQ(validate_result(result(std::nullopt, Finding::Missing), items)[0].field, "device");

  auto moved = result(2, Finding::Moved);
  EXPECT_EQ(validate_result(moved, items)[0].field, "new_location");
  moved.new_location = "診察室1";
  EXPECT_TRUE(validate_result(moved, items).empty());

  auto status = result(2, Finding::StatusChanged);
  EXPECT_EQ(validate_result(status, items)[0].field, "new_status");
  status.new_status = DeviceStatus::Retired;
  EXPECT_EQ(validate_result(status, items)[0].field, "new_status");
  status.new_status = DeviceStatus::Active;  // same as the ledger
  EXPECT_EQ(validate_result(status, items)[0].field, "new_status");
  status.new_status = DeviceStatus::Broken;
  EXPECT_TRUE(validate_result(status, items).empty());

  auto found = result(std::nullopt, Finding::Unlisted);
  found.found_name = "　";
  EXPECT_EQ(validate_result(found, items)[0].field, "found_name");
  found.found_name = "持ち込みルータ";
  EXPECT_TRUE(validate_result(found, items).empty());
}

TEST(EffectiveResults, LastRecordedWinsAndTiesGoToTheLargerId) {
  auto first = result(1, Finding::Missing, 100);
  auto later = result(1, Finding::Confirmed, 200);
  auto eff = effective_results({later, first});
  ASSERT_EQ(eff.size(), 1u);
  EXPECT_EQ(eff[0].finding, Finding::Confirmed);

  auto a = result(2, Finding::Missing, 300);
  auto b = result(2, Finding::Confirmed, 300);
  b.id.value = std::string(32, '0');  // smaller id, same time
  a.id.value = std::string(32, '1');
  EXPECT_EQ(effective_results({a, b})[0].finding, Finding::Missing);
  EXPECT_EQ(effective_results({b, a})[0].finding, Finding::Missing);
}

TEST(EffectiveResults, KeepEveryUnlistedFind) {
  auto x = result(std::nullopt, Finding::Unlisted, 10);
  x.found_name = "ルータ";
  auto y = result(std::nullopt, Finding::Unlisted, 20);
  y.found_name = "NAS";
  auto eff = effective_results({y, x, result(1, Finding::Confirmed)});
  ASSERT_EQ(eff.size(), 3u);
  EXPECT_EQ(eff[0].device, DeviceId(1));
  EXPECT_EQ(eff[1].found_name, "ルータ");
  EXPECT_EQ(eff[2].found_name, "NAS");
}

TEST(DifferenceReport, SortsItemsIntoDifferencesUncheckedAndConfirmed) {
  auto items = stocktake_items(ledger());
  auto moved = result(2, Finding::Moved);
  moved.new_location = "診察室1";
  auto found = result(std::nullopt, Finding::Unlisted);
  found.found_name = "持ち込みルータ";
  auto report = difference_report(items, {result(1, Finding::Confirmed), moved, found});
  EXPECT_EQ(report.total, 3);
  EXPECT_EQ(report.checked, 2);
  EXPECT_EQ(report.confirmed, 1);
  ASSERT_EQ(report.unchecked.size(), 1u);
  EXPECT_EQ(report.unchecked[0].item.name, "VPN装置");
  ASSERT_EQ(report.differences.size(), 2u);
  EXPECT_EQ(report.differences[0].item.location, "受付");  // as the ledger said
  EXPECT_EQ(report.differences[0].result->new_location, "診察室1");
  EXPECT_EQ(report.differences[1].item.name, "持ち込みルータ");
  EXPECT_TRUE(report.differences[1].differs());
}

TEST(ApplyStocktake, UpdatesTheLedgerAndListsEveryChange) {
  const Date closed{2025, 4, 10};
  auto moved = result(2, Finding::Moved);
  moved.new_location = "診察室1";
  auto missing = result(4, Finding::Missing);
  missing.note = "サーバ室になし";
  auto found = result(std::nullopt, Finding::Unlisted);
  found.found_name = "持ち込みルータ";
  found.found_kind = DeviceKind::Network;
  found.found_location = "待合室";
  auto update =
      apply_stocktake(ledger(), {result(1, Finding::Confirmed), moved, missing, found}, closed);

  ASSERT_EQ(update.devices.size(), 5u);
  EXPECT_EQ(update.devices[0].last_stocktake, closed);
  EXPECT_EQ(update.devices[1].location, "診察室1");
  EXPECT_EQ(update.devices[1].last_stocktake, closed);
  EXPECT_EQ(update.devices[2].last_stocktake, (Date{2024, 4, 1}));  // retired, not in the round
  EXPECT_EQ(update.devices[3].last_stocktake, (Date{2024, 4, 1}));  // missing: not seen
  EXPECT_NE(update.devices[3].note.find("所在不明"), std::string::npos);
  EXPECT_NE(update.devices[3].note.find("サーバ室になし"), std::string::npos);
  const Device& added = update.devices[4];
  EXPECT_FALSE(added.id.valid());
  EXPECT_EQ(added.name, "持ち込みルータ");
  EXPECT_EQ(added.kind, DeviceKind::Network);
  EXPECT_EQ(added.location, "待合室");
  EXPECT_EQ(added.last_stocktake, closed);

  auto has = [&](std::optional<std::int64_t> id, const char* field, const char* before,
                 const char* after) {
    for (const auto& c : update.changes) {
      if (c.device == (id ? std::optional<DeviceId>(DeviceId(*id)) : std::nullopt) &&
          c.field == field && c.before == before && c.after == after)
        return true;
    }
    return false;
  };
  EXPECT_TRUE(has(1, "last_stocktake", "2024-04-01", "2025-04-10"));
  EXPECT_TRUE(has(2, "location", "受付", "診察室1"));
  EXPECT_TRUE(has(std::nullopt, "added", "", "持ち込みルータ"));
  EXPECT_TRUE(has(4, "status", "稼働中", "所在不明"));
  EXPECT_EQ(update.devices[3].status, DeviceStatus::Missing);
  EXPECT_EQ(update.changes.size(), 6u);  // 1 date, 2 place+date, 4 note+status, new device
}

TEST(ApplyStocktake, StatusChangesAndRetirement) {
  auto broken = result(1, Finding::StatusChanged);
  broken.new_status = DeviceStatus::Broken;
  broken.new_location = "修理待ち棚";
  auto update = apply_stocktake(ledger(), {broken, result(2, Finding::Retired)}, Date{2025, 4, 10});
  EXPECT_EQ(update.devices[0].status, DeviceStatus::Broken);
  EXPECT_EQ(update.devices[0].location, "修理待ち棚");
  EXPECT_EQ(update.devices[1].status, DeviceStatus::Retired);
  bool status_change = false;
  for (const auto& c : update.changes) {
    if (c.device == DeviceId(2) && c.field == "status") {
      status_change = c.before == "稼働中" && c.after == "廃棄";
    }
  }
  EXPECT_TRUE(status_change);
}

TEST(ApplyStocktake, SkipsResultsForDevicesRemovedSinceTheRoundStarted) {
  auto update = apply_stocktake(ledger(), {result(99, Finding::Confirmed)}, Date{2025, 4, 10});
  ASSERT_EQ(update.skipped.size(), 1u);
  EXPECT_TRUE(update.changes.empty());
}

TEST(ApplyStocktake, LaterResultForTheSameDeviceWins) {
  auto wrong = result(1, Finding::Missing, 100);
  auto right = result(1, Finding::Confirmed, 200);
  auto update = apply_stocktake(ledger(), {right, wrong}, Date{2025, 4, 10});
  EXPECT_EQ(update.devices[0].note, "");
  EXPECT_EQ(update.devices[0].last_stocktake, (Date{2025, 4, 10}));
}

TEST(StocktakeDue, IsTheLastRoundPlusTheCycle) {
  EXPECT_EQ(stocktake_due(Date{2024, 4, 1}, 365), (Date{2025, 4, 1}));
  EXPECT_EQ(stocktake_due(Date{2024, 4, 1}, 180), (Date{2024, 9, 28}));
}

}  // namespace
}  // namespace medbcp::core
