// Merging offline logs against a real workspace with the demo plan: a new
// incident from a laptop's report, re-imports that add nothing, two laptops'
// logs merged without duplicates or loss, and files refused without a trace.
#include "app/offline_import.h"
#include "app/kit.h"
#include "store/incident_store.h"
#include "store/kit_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "app/drills.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "core/incident_payload.h"
#include "io/offline_log.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

using core::Instant;
using io::OfflineEntry;
using io::OfflineEntryKind;
using io::OfflineLog;

const Instant kFound = Instant::from_tokyo(core::Date{2024, 6, 3}, 8, 40);
Instant at(int minutes) { return Instant{kFound.seconds + minutes * 60}; }

std::string hex_id(int n) {
  char buffer[33];
  std::snprintf(buffer, sizeof buffer, "%032x", n);
  return buffer;
}

std::string report_payload() {
  core::IncidentOpening o;
  o.title = "受付PCに脅迫文";
  o.threat = core::ThreatKind::Malware;
  o.discovery = {"中村 さくら", kFound, "始業時に起動したところ", "画面に英語の脅迫文",
                 "LANケーブルを抜いた"};
  o.aware_at = at(5);
  return core::to_payload(o);
}

OfflineEntry entry(int n, OfflineEntryKind kind, int minute, std::string author, std::string text,
                   std::string payload = "{}") {
  return OfflineEntry{
      hex_id(n),         kind, at(minute), at(minute + 1), std::move(author), std::move(text),
      std::move(payload)};
}

OfflineLog laptop(int log_number, std::vector<OfflineEntry> entries) {
  OfflineLog log;
  log.kit = {hex_id(0xC0FFEE), "みなと内科クリニック", 1, at(-60 * 24 * 30)};
  log.log_id = hex_id(0x1000 + log_number);
  log.entries = std::move(entries);
  return log;
}

// Reception laptop: the discovery report and what reception did.
OfflineLog reception() {
  return laptop(
      1, {entry(1, OfflineEntryKind::Report, 0, "中村 さくら", "受付PCに脅迫文", report_payload()),
          entry(2, OfflineEntryKind::Fact, 3, "中村 さくら", "プリンタも止まっている"),
          entry(3, OfflineEntryKind::Step, 6, "佐藤 事務長", "受付PCを切り離した",
                R"({"step":"isolate","state":"done"})")});
}

// Nurse station laptop: no report, entries between reception's in time.
OfflineLog nurses() {
  return laptop(
      2,
      {entry(11, OfflineEntryKind::Action, 4, "田中 看護師", "紙カルテに切替"),
       entry(
           12, OfflineEntryKind::Contact, 8, "田中 看護師", "保守業者へ電話",
           R"({"contact":{"type":"other","name":"保守業者"},"called_by":"田中 看護師","channel":"電話","reached":true,"said":"状況を伝えた","follow_up":"10時に来院"})"),
       entry(13, OfflineEntryKind::Note, 2, "田中 看護師", "病棟端末は異常なし")});
}

class OfflineImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-offline-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, admin_));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  OfflineImportResult import(const OfflineLog& log,
                             std::optional<core::IncidentId> into = std::nullopt) {
    return import_text(io::offline_log_to_json(log), into);
  }
  OfflineImportResult import_text(const std::string& text,
                                  std::optional<core::IncidentId> into = std::nullopt) {
    return import_offline_log(*ws_, staff_, text, into, at(60 * 24));
  }
  std::vector<core::TimelineEntry> timeline(core::IncidentId id) {
    return load_incident_view(*ws_, admin_, id, at(60 * 24)).timeline;
  }
  std::size_t incident_count() { return list_incidents(*ws_, admin_).size(); }
  std::size_t total_entries() {
    std::size_t n = 0;
    for (const auto& i : list_incidents(*ws_, admin_)) n += timeline(i.id).size();
    return n;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  Actor admin_{core::UserId(1), "管理者", Role::Admin};
  Actor staff_{core::UserId(2), "受付 取込担当", Role::Staff};
};

std::string problems_text(const OfflineImportResult& r) {
  std::string out;
  for (const auto& p : r.problems) out += p.field + ": " + p.message + "\n";
  return out;
}

TEST_F(OfflineImportTest, ReportStartsANewIncidentKeepingTimesAndAuthors) {
  auto r = import(reception());
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  EXPECT_TRUE(r.created);
  EXPECT_EQ(r.added, 3);

  auto view = load_incident_view(*ws_, admin_, r.incident, at(60 * 24));
  EXPECT_EQ(view.incident.discovery.discoverer, "中村 さくら");
  EXPECT_EQ(view.incident.discovery.discovered_at, kFound);
  EXPECT_EQ(view.incident.title, "受付PCに脅迫文");
  ASSERT_EQ(view.timeline.size(), 4u);  // three entries and the merge note
  EXPECT_EQ(view.timeline[0].id, hex_id(1));
  ASSERT_TRUE(view.state.opening);
  EXPECT_EQ(view.state.opening->entry_id, hex_id(1));
  EXPECT_EQ(view.timeline[2].id, hex_id(3));
  EXPECT_EQ(view.timeline[2].author, "佐藤 事務長");
  EXPECT_EQ(view.timeline[2].occurred_at, at(6));
  EXPECT_EQ(view.timeline[2].recorded_at, at(7));
  EXPECT_EQ(view.state.step_state("isolate"), core::StepState::Done);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(view.timeline[i].recorded_offline);
  EXPECT_FALSE(view.timeline[3].recorded_offline);
  EXPECT_EQ(view.timeline[3].author, "受付 取込担当");
  EXPECT_TRUE(verify_incident(*ws_, admin_, r.incident).ok());
}

// The kit's report names what the reporter ticked; the merge finds them in
// today's plan by name and 管理番号, whatever ids the kit had.
TEST_F(OfflineImportTest, TickedSystemsAndDevicesAreFoundInThePlanByNameAndNumber) {
  core::IncidentOpening o = *core::read_opening(report_payload());
  o.systems = {{core::SystemId(900), "電子カルテシステム"}, {core::SystemId(77), "旧予約システム"}};
  o.devices = {{core::DeviceId(1234), "受付端末1", "PC-001"}};
  OfflineLog log = laptop(1, {entry(1, OfflineEntryKind::Report, 0, "中村 さくら", "受付PCに脅迫文",
                                    core::to_payload(o))});
  auto r = import(log);
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  const auto view = load_incident_view(*ws_, admin_, r.incident, at(60 * 24));
  const core::Plan plan = load_plan(*ws_);
  ASSERT_EQ(view.incident.systems.size(), 2u);
  EXPECT_EQ(plan.find_system(view.incident.systems[0].id)->name, "電子カルテシステム");
  EXPECT_EQ(view.incident.systems[1].name, "旧予約システム");  // kept as the kit showed it
  ASSERT_EQ(view.incident.devices.size(), 1u);
  bool found = false;
  for (const auto& d : plan.devices) {
    found = found || (d.id == view.incident.devices[0].id && d.asset_number == "PC-001");
  }
  EXPECT_TRUE(found);
  // The timeline keeps the report as written, so the same file adds nothing again.
  auto again = import(log);
  ASSERT_TRUE(again.problems.empty()) << problems_text(again);
  EXPECT_EQ(again.added, 0);
}

TEST_F(OfflineImportTest, SecondImportAddsNothing) {
  auto first = import(reception());
  ASSERT_TRUE(first.problems.empty()) << problems_text(first);
  const auto before = timeline(first.incident);

  auto second = import(reception());
  ASSERT_TRUE(second.problems.empty()) << problems_text(second);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.incident, first.incident);
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.already_present, 3);
  EXPECT_EQ(incident_count(), 1u);
  const auto after = timeline(first.incident);
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after.back().hash, before.back().hash);
}

TEST_F(OfflineImportTest, LaterExportOfTheSameLaptopAddsOnlyTheNewEntries) {
  auto first = import(reception());
  ASSERT_TRUE(first.problems.empty());
  OfflineLog later = reception();
  later.entries.push_back(entry(4, OfflineEntryKind::Fact, 30, "中村 さくら", "会計も止まった"));

  auto second = import(later);
  ASSERT_TRUE(second.problems.empty()) << problems_text(second);
  EXPECT_EQ(second.incident, first.incident);
  EXPECT_EQ(second.added, 1);
  EXPECT_EQ(second.already_present, 3);
  EXPECT_TRUE(verify_incident(*ws_, admin_, first.incident).ok());
}

TEST_F(OfflineImportTest, TwoLaptopsMergeWithoutDuplicatesOrLoss) {
  auto a = import(reception());
  ASSERT_TRUE(a.problems.empty());
  auto b = import(nurses(), a.incident);
  ASSERT_TRUE(b.problems.empty()) << problems_text(b);
  EXPECT_EQ(b.added, 3);
  // Re-imports of either file, in any order, change nothing.
  EXPECT_EQ(import(nurses()).added, 0);
  EXPECT_EQ(import(reception()).added, 0);
  EXPECT_EQ(import(nurses(), a.incident).added, 0);

  const auto entries = timeline(a.incident);
  std::multiset<std::string> ids;
  for (const auto& e : entries) ids.insert(e.id);
  for (int n : {1, 2, 3, 11, 12, 13}) EXPECT_EQ(ids.count(hex_id(n)), 1u) << n;
  EXPECT_EQ(entries.size(), 6u + 2u);  // two merge notes
  // The nurses' entries were appended in time order: 13 (08:42), 11, 12.
  EXPECT_EQ(entries[4].id, hex_id(13));
  EXPECT_EQ(entries[5].id, hex_id(11));
  EXPECT_EQ(entries[6].id, hex_id(12));
  auto view = load_incident_view(*ws_, admin_, a.incident, at(60 * 24));
  ASSERT_EQ(view.state.contacts.size(), 1u);
  EXPECT_EQ(view.state.contacts[0].value.target.name, "保守業者");
  EXPECT_TRUE(view.state.contacts[0].value.reached);
  EXPECT_TRUE(verify_incident(*ws_, admin_, a.incident).ok());
}

TEST_F(OfflineImportTest, EditedFileIsRefusedAndNothingChanges) {
  auto a = import(reception());
  ASSERT_TRUE(a.problems.empty());
  const std::size_t before = total_entries();

  auto j = nlohmann::json::parse(io::offline_log_to_json(nurses()));
  j["entries"][0]["text"] = "紙カルテには切り替えていない";
  auto r = import_text(j.dump(), a.incident);
  EXPECT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].field, "sha256");
  EXPECT_EQ(r.added, 0);
  EXPECT_EQ(total_entries(), before);
  EXPECT_EQ(incident_count(), 1u);
}

TEST_F(OfflineImportTest, KnownIdWithOtherContentIsRefusedEvenWithAValidHash) {
  auto a = import(reception());
  ASSERT_TRUE(a.problems.empty());
  const std::size_t before = total_entries();
  // A forger who recomputes the hash: entry 2 rewritten, entry 5 added.
  OfflineLog forged = reception();
  forged.entries[1].text = "プリンタは正常";
  forged.entries.push_back(entry(5, OfflineEntryKind::Fact, 40, "中村 さくら", "追記"));

  auto r = import(forged);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].field, "entries[1].id");
  EXPECT_EQ(total_entries(), before);
}

TEST_F(OfflineImportTest, MalformedFileIsRefusedWithAMessage) {
  auto r = import_text("{\"format\": \"something else\"}");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "format");
  EXPECT_EQ(incident_count(), 0u);
}

TEST_F(OfflineImportTest, LogWithoutReportNeedsATarget) {
  auto r = import(nurses());
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(incident_count(), 0u);
}

TEST_F(OfflineImportTest, ReportMergedIntoAnOnlineIncidentKeepsItsOwnOpening) {
  StartIncidentRequest start;
  start.title = "電子カルテが開かない";
  start.discovery = {"院長", kFound, "診察室で", "電子カルテにログインできない", ""};
  auto online = start_incident(*ws_, admin_, start, at(10));
  ASSERT_TRUE(online.problems.empty());

  auto r = import(reception(), online.id);
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  EXPECT_FALSE(r.created);
  EXPECT_EQ(r.added, 3);
  auto view = load_incident_view(*ws_, admin_, online.id, at(60 * 24));
  EXPECT_EQ(view.state.opening->value.discovery.discoverer, "院長");
  bool kept = false;
  for (const auto& e : view.timeline) {
    if (e.id == hex_id(1))
      kept = e.payload.find("offline_report") != std::string::npos &&
             e.payload.find("中村 さくら") != std::string::npos;
  }
  EXPECT_TRUE(kept);
  EXPECT_EQ(import(reception()).added, 0);  // found again without naming the incident
  EXPECT_TRUE(verify_incident(*ws_, admin_, online.id).ok());
}

TEST_F(OfflineImportTest, ClosedIncidentTakesNothing) {
  auto a = import(reception());
  ASSERT_TRUE(a.problems.empty());
  ASSERT_TRUE(close_incident(*ws_, admin_, a.incident, core::Closure{"バックアップの確認", {}},
                             at(60), OpenItems::CloseAnyway)
                  .problems.empty());
  const std::size_t before = total_entries();
  auto r = import(nurses(), a.incident);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].field, "incident");
  EXPECT_EQ(total_entries(), before);
}

// A log sealed with the key of a kit this server made is known to come from
// that kit; one rewritten without the kit (new content, the hash recomputed,
// the seal dropped or forged) is imported but flagged, on the result and on
// the timeline.
TEST_F(OfflineImportTest, TheKitsSealTellsALogOfThisKitFromARewrittenOne) {
  const KitFile kit = make_offline_kit(*ws_, admin_, at(-60));
  const auto record = store::find_kit(ws_->db(), kit.id);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->seal_key.size(), 64u);
  EXPECT_NE(kit.bytes.find(record->seal_key), std::string::npos);  // written into the kit

  OfflineLog sealed = reception();
  sealed.kit.id = kit.id;
  sealed.seal = io::offline_log_seal(sealed, record->seal_key);
  const auto ok = import(sealed);
  ASSERT_TRUE(ok.problems.empty()) << problems_text(ok);
  EXPECT_EQ(ok.seal, OfflineSeal::Verified);

  OfflineLog rewritten = nurses();
  rewritten.kit.id = kit.id;
  rewritten.entries[0].text = "書き換えた内容";
  const auto unsealed = import(rewritten, ok.incident);
  ASSERT_TRUE(unsealed.problems.empty()) << problems_text(unsealed);
  EXPECT_EQ(unsealed.seal, OfflineSeal::Missing);
  bool told = false;
  for (const auto& n : unsealed.notices)
    told = told || n.find("キットの封印: なし") != std::string::npos;
  EXPECT_TRUE(told);
  bool noted = false;
  for (const auto& e : timeline(ok.incident)) {
    noted = noted || (e.text.find("オフライン記録を取り込み") != std::string::npos &&
                      e.text.find("封印 なし") != std::string::npos);
  }
  EXPECT_TRUE(noted);

  OfflineLog forged = laptop(3, {entry(21, OfflineEntryKind::Note, 9, "誰か", "偽の記録")});
  forged.kit.id = kit.id;
  forged.seal = io::offline_log_seal(forged, std::string(64, 'a'));  // another key
  EXPECT_EQ(import(forged, ok.incident).seal, OfflineSeal::Mismatch);
  // A kit this server never made: nothing to check against.
  EXPECT_EQ(
      import(laptop(4, {entry(31, OfflineEntryKind::Note, 9, "誰か", "別の記録")}), ok.incident)
          .seal,
      OfflineSeal::KitUnknown);
}

TEST_F(OfflineImportTest, ViewersMayNotImport) {
  Actor viewer{core::UserId(3), "閲覧者", Role::Viewer};
  EXPECT_THROW(
      import_offline_log(*ws_, viewer, io::offline_log_to_json(reception()), std::nullopt, at(60)),
      PermissionDenied);
}

}  // namespace
}  // namespace medbcp::app

namespace medbcp::app {
namespace {

// The kit's drill mode (訓練モード): the report names the scenario, and the
// log becomes a drill — never an incident, never merged into one.
std::string drill_report_payload(const std::string& scenario) {
  auto payload = nlohmann::json::parse(report_payload());
  payload["drill"] = {{"scenario", scenario}, {"title", "月曜の朝"}};
  return payload.dump();
}

TEST_F(OfflineImportTest, ADrillModeLogImportsAsADrillAndNeverIntoAnIncident) {
  OfflineLog log = reception();
  log.entries[0].payload = drill_report_payload("ransomware-monday");
  auto r = import(log);
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  EXPECT_TRUE(r.created);
  EXPECT_EQ(incident_count(), 0u);  // not a real incident
  const auto drill = load_drill_view(*ws_, admin_, r.incident, at(60 * 24));
  EXPECT_EQ(drill.record.mode, core::DrillMode::Offline);
  EXPECT_EQ(drill.scenario.code, "ransomware-monday");
  EXPECT_EQ(drill.scenario.injects.size(), 4u);  // the scenario this binary knows
  ASSERT_TRUE(drill.progress.started_at);
  EXPECT_EQ(*drill.progress.started_at, kFound);
  EXPECT_NE(drill.incident.incident.title.find("【訓練】"), std::string::npos);
  // The isolate step was 6 minutes in.
  EXPECT_EQ(core::find_measure(drill.measures, "isolate")->seconds, 6 * 60);
  EXPECT_TRUE(verify_incident(*ws_, admin_, r.incident).ok());

  // A real log is not merged into the drill, nor the drill's into a real incident.
  auto real = import(reception());  // same entry ids: already in the drill
  StartIncidentRequest start;
  start.discovery = {"渡辺 愛", at(1), "受付で", "画面が固まる", ""};
  const auto incident = start_incident(*ws_, staff_, start, at(2)).id;
  OfflineLog other = nurses();
  other.entries.insert(other.entries.begin(), entry(21, OfflineEntryKind::Report, 0, "田中 看護師",
                                                    "訓練", drill_report_payload("warning-sign")));
  auto refused = import(other, incident);
  ASSERT_FALSE(refused.problems.empty());
  EXPECT_NE(problems_text(refused).find("訓練の記録です"), std::string::npos)
      << problems_text(refused);
  (void)real;
}

TEST_F(OfflineImportTest, ADrillModeReportWithABadScenarioCodeIsRefused) {
  OfflineLog log = reception();
  auto payload = nlohmann::json::parse(report_payload());
  payload["drill"] = {{"scenario", "Not A Code"}};
  log.entries[0].payload = payload.dump();
  auto r = import(log);
  ASSERT_FALSE(r.problems.empty());
  EXPECT_NE(problems_text(r).find("訓練シナリオのコードではありません"), std::string::npos)
      << problems_text(r);
  EXPECT_EQ(store::list_incidents(ws_->db()).size(), 0u);
}

}  // namespace
}  // namespace medbcp::app

namespace medbcp::app {
namespace {

TEST_F(OfflineImportTest, AnInjectRevealedInTheKitIsTheDrillsInject) {
  OfflineLog log = reception();
  log.entries[0].payload = drill_report_payload("ransomware-monday");
  log.entries.push_back(entry(4, OfflineEntryKind::Note, 10, "桜井 健一",
                              "【訓練】付与情報（10分後）: 医事会計も",
                              R"({"drill_inject":{"index":0,"minute":10,"text":"医事会計も"}})"));
  auto r = import(log);
  ASSERT_TRUE(r.problems.empty()) << problems_text(r);
  const auto drill = load_drill_view(*ws_, admin_, r.incident, at(60 * 24));
  EXPECT_TRUE(drill.progress.is_revealed(0));
  EXPECT_FALSE(drill.progress.is_revealed(1));
  // Imported again: nothing new, the same records.
  auto again = import(log);
  ASSERT_TRUE(again.problems.empty()) << problems_text(again);
  EXPECT_EQ(again.added, 0);
  // A log with an inject never lands on a real incident.
  StartIncidentRequest start;
  start.discovery = {"渡辺 愛", at(1), "受付で", "画面が固まる", ""};
  const auto incident = start_incident(*ws_, staff_, start, at(2)).id;
  OfflineLog stray = laptop(9, {entry(31, OfflineEntryKind::Note, 12, "桜井 健一", "付与",
                                      R"({"drill_inject":{"index":1,"minute":20,"text":"x"}})")});
  EXPECT_FALSE(import(stray, incident).problems.empty());
  // A malformed inject is named by its path.
  OfflineLog bad = laptop(10, {entry(41, OfflineEntryKind::Note, 12, "桜井 健一", "付与",
                                     R"({"drill_inject":{"index":-1,"minute":20,"text":"x"}})")});
  const auto refused = import(bad, r.incident);
  ASSERT_FALSE(refused.problems.empty());
  EXPECT_NE(problems_text(refused).find("drill_inject.index"), std::string::npos)
      << problems_text(refused);
}

}  // namespace
}  // namespace medbcp::app
