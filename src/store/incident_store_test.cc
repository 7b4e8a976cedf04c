#include "store/incident_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/database_test_util.h"

namespace medbcp::store {
namespace {

class IncidentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-incident-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
    db_ = open_database(test_database_location(path_));
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  core::IncidentId start() {
    core::Incident i;
    i.title = "受付PCに脅迫文";
    i.threat = core::ThreatKind::Malware;
    i.discovery.discoverer = "佐藤";
    i.discovery.discovered_at = core::Instant{1711940400};
    i.discovery.situation = "画面に身代金要求";
    i.aware_at = core::Instant{1711940700};
    i.opened_at = core::Instant{1711941000};
    i.opened_by = "事務長";
    i.systems = {{core::SystemId(1), "電子カルテシステム"}};
    i.devices = {{core::DeviceId(3), "受付PC", "PC-01"}};
    Transaction tx(*db_);
    auto id = insert_incident(*db_, i);
    tx.commit();
    return id;
  }

  static core::TimelineEntry entry(core::IncidentId incident, const std::string& text) {
    core::TimelineEntry e;
    e.id = core::new_entry_id();
    e.incident = incident;
    e.kind = core::EntryKind::Fact;
    e.occurred_at = core::Instant{1711941000};
    e.recorded_at = core::Instant{1711941060};
    e.author = "事務長";
    e.text = text;
    return e;
  }

  void append(Database& db, core::IncidentId incident, int n, const std::string& prefix) {
    for (int k = 0; k < n; ++k) {
      Transaction tx(db);
      append_timeline_entry(db, entry(incident, prefix + std::to_string(k)));
      tx.commit();
    }
  }

  core::ChainReport verify(core::IncidentId id) {
    return core::verify_chain(load_timeline(*db_, id), load_chain_anchor(*db_, id));
  }

  // What an attacker with a SQL client does first.
  void drop_guards() {
    if (db_->dialect() == "postgres") {
      db_->execute_script(
          "DROP TRIGGER timeline_entries_no_update ON timeline_entries;"
          "DROP TRIGGER timeline_entries_no_delete ON timeline_entries;");
    } else {
      db_->execute_script(
          "DROP TRIGGER timeline_entries_no_update; DROP TRIGGER timeline_entries_no_delete;");
    }
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Database> db_;
};

TEST_F(IncidentStoreTest, IncidentRoundTrips) {
  auto id = start();
  auto loaded = load_incident(*db_, id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->title, "受付PCに脅迫文");
  EXPECT_EQ(loaded->threat, core::ThreatKind::Malware);
  EXPECT_EQ(loaded->discovery.discovered_at, core::Instant{1711940400});
  EXPECT_EQ(loaded->aware_at, core::Instant{1711940700});
  ASSERT_EQ(loaded->devices.size(), 1u);
  EXPECT_EQ(loaded->devices[0].asset_number, "PC-01");
  EXPECT_EQ(loaded->status, core::IncidentStatus::Open);
  EXPECT_EQ(list_incidents(*db_).size(), 1u);
  EXPECT_FALSE(load_incident(*db_, core::IncidentId(99)));
}

TEST_F(IncidentStoreTest, AppendsSealedLinkedEntriesAndMovesTheAnchor) {
  auto id = start();
  append(*db_, id, 3, "記録");
  auto entries = load_timeline(*db_, id);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].seq, 1);
  EXPECT_EQ(entries[0].prev_hash, core::genesis_hash());
  EXPECT_EQ(entries[1].prev_hash, entries[0].hash);
  EXPECT_EQ(entries[2].text, "記録2");
  auto anchor = load_chain_anchor(*db_, id);
  EXPECT_EQ(anchor.length, 3);
  EXPECT_EQ(anchor.head_hash, entries[2].hash);
  EXPECT_TRUE(verify(id).ok());
  auto found = find_timeline_entry(*db_, entries[1].id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->hash, entries[1].hash);
}

TEST_F(IncidentStoreTest, AppendOutsideATransactionIsABug) {
  auto id = start();
  EXPECT_THROW(append_timeline_entry(*db_, entry(id, "x")), std::logic_error);
}

TEST_F(IncidentStoreTest, TriggersRefuseUpdateAndDelete) {
  auto id = start();
  append(*db_, id, 2, "記録");
  EXPECT_THROW(db_->execute_script("UPDATE timeline_entries SET text = 'x' WHERE seq = 1"),
               StoreError);
  EXPECT_THROW(db_->execute_script("DELETE FROM timeline_entries WHERE seq = 1"), StoreError);
  EXPECT_TRUE(verify(id).ok());
}

TEST_F(IncidentStoreTest, ClosedIncidentRefusesEntriesExceptReopen) {
  auto id = start();
  append(*db_, id, 1, "記録");
  set_incident_status(*db_, id, core::IncidentStatus::Closed, core::Instant{1711950000});
  {
    Transaction tx(*db_);
    EXPECT_THROW(append_timeline_entry(*db_, entry(id, "閉じた後")), StoreError);
  }
  Transaction tx(*db_);
  auto reopen = entry(id, "再開");
  reopen.kind = core::EntryKind::Reopen;
  append_timeline_entry(*db_, reopen);
  tx.commit();
  EXPECT_EQ(load_timeline(*db_, id).size(), 2u);
}

// Acceptance: each tamper kind made directly in SQL is detected and located.
TEST_F(IncidentStoreTest, SqlEditIsDetectedAndLocated) {
  auto id = start();
  append(*db_, id, 5, "記録");
  drop_guards();
  db_->execute_script("UPDATE timeline_entries SET text = '改ざん' WHERE seq = 3");
  auto report = verify(id);
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Edited);
  EXPECT_EQ(report.breaks[0].seq, 3);
  EXPECT_EQ(report.breaks[0].entry_id, load_timeline(*db_, id)[2].id);
}

TEST_F(IncidentStoreTest, SqlEditOfATimestampIsDetected) {
  auto id = start();
  append(*db_, id, 3, "記録");
  drop_guards();
  db_->execute_script("UPDATE timeline_entries SET occurred_at = occurred_at - 3600 WHERE seq = 2");
  auto report = verify(id);
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Edited);
  EXPECT_EQ(report.breaks[0].seq, 2);
}

TEST_F(IncidentStoreTest, SqlDeleteIsDetectedAndLocated) {
  auto id = start();
  append(*db_, id, 5, "記録");
  drop_guards();
  db_->execute_script("DELETE FROM timeline_entries WHERE seq = 2");
  auto report = verify(id);
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Deleted);
  EXPECT_EQ(report.breaks[0].seq, 2);
}

TEST_F(IncidentStoreTest, SqlDeleteOfTheLastEntryIsDetected) {
  auto id = start();
  append(*db_, id, 5, "記録");
  drop_guards();
  db_->execute_script("DELETE FROM timeline_entries WHERE seq = 5");
  auto report = verify(id);
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Deleted);
  EXPECT_EQ(report.breaks[0].seq, 5);
  // An entry appended afterwards does not hide the deletion.
  append(*db_, id, 1, "後から");
  report = verify(id);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Deleted);
  EXPECT_EQ(report.breaks[0].seq, 5);
}

TEST_F(IncidentStoreTest, SqlDeleteWithRenumberingIsDetected) {
  auto id = start();
  append(*db_, id, 5, "記録");
  drop_guards();
  db_->execute_script(
      "DELETE FROM timeline_entries WHERE seq = 2;"
      "UPDATE timeline_entries SET seq = -(seq - 1) WHERE seq > 2;"
      "UPDATE timeline_entries SET seq = -seq WHERE seq < 0;"
      "UPDATE incidents SET chain_length = 4;");
  auto report = verify(id);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Deleted);
  EXPECT_EQ(report.breaks[0].seq, 2);
}

TEST_F(IncidentStoreTest, SqlReorderIsDetectedAndLocated) {
  auto id = start();
  append(*db_, id, 5, "記録");
  drop_guards();
  db_->execute_script(
      "UPDATE timeline_entries SET seq = -1 WHERE seq = 2;"
      "UPDATE timeline_entries SET seq = 2 WHERE seq = 4;"
      "UPDATE timeline_entries SET seq = 4 WHERE seq = -1;");
  auto report = verify(id);
  ASSERT_EQ(report.breaks.size(), 2u);
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Reordered);
  EXPECT_EQ(report.breaks[0].seq, 2);
  EXPECT_EQ(report.breaks[1].kind, core::BreakKind::Reordered);
  EXPECT_EQ(report.breaks[1].seq, 4);
}

TEST_F(IncidentStoreTest, SqlInsertIsDetectedAndLocated) {
  auto id = start();
  append(*db_, id, 4, "記録");
  drop_guards();
  // A well-formed forged entry, linked to seq 2 and hashed correctly, with
  // the later entries moved up to make room.
  auto entries = load_timeline(*db_, id);
  auto forged = entry(id, "偽の記録");
  core::seal_entry(forged, 3, entries[1].hash);
  db_->execute_script(
      "UPDATE timeline_entries SET seq = -(seq + 1) WHERE seq >= 3;"
      "UPDATE timeline_entries SET seq = -seq WHERE seq < 0;");
  auto insert = db_->prepare(
      "INSERT INTO timeline_entries (entry_id, incident_id, seq, kind, occurred_at, recorded_at, "
      "author, text, payload, corrects, recorded_offline, prev_hash, hash) "
      "VALUES (?, ?, 3, 'fact', ?, ?, ?, ?, '{}', '', 0, ?, ?)");
  insert->bind(1, forged.id)
      .bind(2, id.value)
      .bind(3, forged.occurred_at.seconds)
      .bind(4, forged.recorded_at.seconds)
      .bind(5, forged.author)
      .bind(6, forged.text)
      .bind(7, forged.prev_hash)
      .bind(8, forged.hash)
      .run();
  auto report = verify(id);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Inserted);
  EXPECT_EQ(report.breaks[0].seq, 3);
  EXPECT_EQ(report.breaks[0].entry_id, forged.id);
}

TEST_F(IncidentStoreTest, SqlInsertAtTheEndIsDetected) {
  auto id = start();
  append(*db_, id, 3, "記録");
  auto entries = load_timeline(*db_, id);
  auto forged = entry(id, "偽の記録");
  core::seal_entry(forged, 4, entries[2].hash);
  // No trigger stops an INSERT; only the anchor knows the chain had 3.
  auto insert = db_->prepare(
      "INSERT INTO timeline_entries (entry_id, incident_id, seq, kind, occurred_at, recorded_at, "
      "author, text, payload, corrects, recorded_offline, prev_hash, hash) "
      "VALUES (?, ?, 4, 'fact', ?, ?, ?, ?, '{}', '', 0, ?, ?)");
  insert->bind(1, forged.id)
      .bind(2, id.value)
      .bind(3, forged.occurred_at.seconds)
      .bind(4, forged.recorded_at.seconds)
      .bind(5, forged.author)
      .bind(6, forged.text)
      .bind(7, forged.prev_hash)
      .bind(8, forged.hash)
      .run();
  auto report = verify(id);
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].kind, core::BreakKind::Inserted);
  EXPECT_EQ(report.breaks[0].seq, 4);
}

// Acceptance: two writers appending at once lose nothing and keep the chain valid.
TEST_F(IncidentStoreTest, TwoConcurrentWritersKeepTheChainValid) {
  auto id = start();
  constexpr int kEach = 150;
  auto writer = [&](const std::string& name) {
    auto db = open_database(test_database_location(path_));  // each thread its own connection
    append(*db, id, kEach, name);
  };
  std::thread a(writer, "A");
  std::thread b(writer, "B");
  a.join();
  b.join();
  auto entries = load_timeline(*db_, id);
  ASSERT_EQ(entries.size(), 2u * kEach);
  int from_a = 0;
  for (const auto& e : entries) from_a += e.text[0] == 'A' ? 1 : 0;
  EXPECT_EQ(from_a, kEach);
  auto report = verify(id);
  EXPECT_TRUE(report.ok()) << (report.breaks.empty() ? "" : report.breaks[0].message);
  EXPECT_EQ(load_chain_anchor(*db_, id).length, 2 * kEach);
}

TEST_F(IncidentStoreTest, FollowUpTasks) {
  auto id = start();
  {
    Transaction tx(*db_);
    insert_follow_up_tasks(*db_, id,
                           {{"VPN装置のファームウェア更新", "事務長", core::Date{2024, 5, 1}},
                            {"オフラインバックアップの追加", "院長", std::nullopt}},
                           core::Instant{1711950000}, "院長", "");
    tx.commit();
  }
  auto open = list_follow_up_tasks(*db_, true);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].title, "VPN装置のファームウェア更新");
  EXPECT_EQ(open[0].incident_title, "受付PCに脅迫文");
  EXPECT_TRUE(complete_follow_up_task(*db_, open[0].id, core::Instant{1711960000}, "事務長"));
  EXPECT_FALSE(complete_follow_up_task(*db_, open[0].id, core::Instant{1711960000}, "事務長"));
  EXPECT_EQ(list_follow_up_tasks(*db_, true).size(), 1u);
  auto all = follow_up_tasks_of(*db_, id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[0].done);
  EXPECT_EQ(all[0].done_by, "事務長");
}

}  // namespace
}  // namespace medbcp::store
