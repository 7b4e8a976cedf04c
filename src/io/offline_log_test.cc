#include "io/offline_log.h"

#include <gtest/gtest.h>

#include <functional>

#include <nlohmann/json.hpp>

namespace medbcp::io {
namespace {

using core::Instant;

Instant at(const char* iso) { return *Instant::parse(iso); }

OfflineLog sample_log() {
  OfflineLog log;
  log.kit = {"0123456789abcdef0123456789abcdef", "テスト内科クリニック", 3,
             at("2024-04-01T00:00:00Z")};
  log.log_id = "fedcba9876543210fedcba9876543210";
  log.entries.push_back({"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", OfflineEntryKind::Fact,
                         at("2024-04-02T01:02:03Z"), at("2024-04-02T01:05:00Z"), "受付 山田",
                         "受付PCの画面に脅迫文", "{}"});
  log.entries.push_back({"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", OfflineEntryKind::Step,
                         at("2024-04-02T01:10:00Z"), at("2024-04-02T01:11:00Z"), "事務長 佐藤",
                         "LANケーブルを抜いた", R"({"state":"done","step":"isolate"})"});
  return log;
}

bool has_problem_at(const OfflineLogParse& parse, const std::string& field) {
  for (const auto& p : parse.problems) {
    if (p.field == field) return true;
  }
  return false;
}

std::string fields(const OfflineLogParse& parse) {
  std::string out;
  for (const auto& p : parse.problems) out += p.field + ": " + p.message + "\n";
  return out;
}

// Edits the JSON of the sample, keeping the (now stale) hash.
std::string edited(const std::function<void(nlohmann::json&)>& edit) {
  auto j = nlohmann::json::parse(offline_log_to_json(sample_log()));
  edit(j);
  return j.dump();
}

// Edits the JSON and writes the matching hash, as a careful forger (or a
// newer kit) would: what remains is the structural check.
std::string edited_rehashed(const std::function<void(nlohmann::json&)>& edit) {
  auto j = nlohmann::json::parse(offline_log_to_json(sample_log()));
  edit(j);
  OfflineLog log;
  log.kit = {j["kit"]["id"], j["kit"]["facility"], j["kit"]["edition"].get<int>(),
             *Instant::parse(j["kit"]["made_at"].get<std::string>())};
  log.log_id = j["log_id"];
  for (const auto& e : j["entries"]) {
    OfflineEntry entry;
    entry.id = e.value("id", "");
    entry.kind = offline_entry_kind_from_code(e.value("kind", "")).value_or(OfflineEntryKind::Note);
    entry.occurred_at = Instant::parse(e.value("occurred_at", "")).value_or(Instant{});
    entry.recorded_at = Instant::parse(e.value("recorded_at", "")).value_or(Instant{});
    entry.author = e.value("author", "");
    entry.text = e.value("text", "");
    entry.payload = e.value("payload", "");
    log.entries.push_back(entry);
  }
  j["sha256"] = offline_log_digest(log);
  return j.dump();
}

TEST(OfflineLog, DigestFollowsTheDocumentedEncoding) {
  // Computed independently (Python: struct.pack('>Q', len) + bytes per field).
  EXPECT_EQ(offline_log_digest(sample_log()),
            "7bf3c757a835ca488241c771f1ad7d46a7f2bbe053f9b4fb7f87f8b91c2fe060");
}

TEST(OfflineLog, WrittenLogReadsBackTheSame) {
  const OfflineLog log = sample_log();
  auto parse = parse_offline_log(offline_log_to_json(log));
  ASSERT_TRUE(parse.log) << fields(parse);
  EXPECT_EQ(parse.log->kit.facility, "テスト内科クリニック");
  EXPECT_EQ(parse.log->kit.edition, 3);
  ASSERT_EQ(parse.log->entries.size(), 2u);
  EXPECT_EQ(parse.log->entries[1].payload, log.entries[1].payload);
  EXPECT_EQ(parse.log->entries[1].author, "事務長 佐藤");
  EXPECT_EQ(parse.log->entries[0].occurred_at, at("2024-04-02T01:02:03Z"));
}

TEST(OfflineLog, EditedTextIsRefusedByTheHash) {
  auto parse = parse_offline_log(
      edited([](nlohmann::json& j) { j["entries"][0]["text"] = "受付PCは正常"; }));
  EXPECT_FALSE(parse.log);
  EXPECT_TRUE(has_problem_at(parse, "sha256")) << fields(parse);
}

TEST(OfflineLog, RemovedEntryIsRefusedByTheHash) {
  auto parse = parse_offline_log(edited([](nlohmann::json& j) { j["entries"].erase(1); }));
  EXPECT_FALSE(parse.log);
  EXPECT_TRUE(has_problem_at(parse, "sha256"));
}

TEST(OfflineLog, ChangedTimeIsRefusedByTheHash) {
  auto parse = parse_offline_log(
      edited([](nlohmann::json& j) { j["entries"][0]["occurred_at"] = "2024-04-02T00:02:03Z"; }));
  EXPECT_TRUE(has_problem_at(parse, "sha256"));
}

TEST(OfflineLog, MissingHashIsAProblem) {
  auto parse = parse_offline_log(edited([](nlohmann::json& j) { j.erase("sha256"); }));
  EXPECT_TRUE(has_problem_at(parse, "sha256"));
}

TEST(OfflineLog, TimesMustBeExactUtc) {
  auto parse = parse_offline_log(edited_rehashed(
      [](nlohmann::json& j) { j["entries"][0]["occurred_at"] = "2024-04-02T10:02:03+09:00"; }));
  EXPECT_TRUE(has_problem_at(parse, "entries[0].occurred_at")) << fields(parse);
  EXPECT_EQ(parse.problems.front().row, 1);
}

TEST(OfflineLog, UnknownKindAndKeyAreProblemsWithPaths) {
  auto parse = parse_offline_log(edited_rehashed([](nlohmann::json& j) {
    j["entries"][1]["kind"] = "decision";
    j["entries"][0]["extra"] = 1;
  }));
  EXPECT_TRUE(has_problem_at(parse, "entries[1].kind")) << fields(parse);
  EXPECT_TRUE(has_problem_at(parse, "entries[0].extra")) << fields(parse);
}

TEST(OfflineLog, StepPayloadMustNameAChapterThreeStep) {
  auto parse = parse_offline_log(edited_rehashed([](nlohmann::json& j) {
    j["entries"][1]["payload"] = R"({"state":"done","step":"reboot_everything"})";
  }));
  EXPECT_TRUE(has_problem_at(parse, "entries[1].payload.step")) << fields(parse);
}

TEST(OfflineLog, NotApplicableStepNeedsAReason) {
  auto parse = parse_offline_log(edited_rehashed([](nlohmann::json& j) {
    j["entries"][1]["payload"] = R"({"state":"not_applicable","step":"stop_network"})";
  }));
  EXPECT_TRUE(has_problem_at(parse, "entries[1].payload.reason")) << fields(parse);
}

TEST(OfflineLog, DuplicateIdsAreAProblem) {
  auto parse = parse_offline_log(
      edited_rehashed([](nlohmann::json& j) { j["entries"][1]["id"] = j["entries"][0]["id"]; }));
  EXPECT_TRUE(has_problem_at(parse, "entries[1].id")) << fields(parse);
}

TEST(OfflineLog, ContactNeedsTargetAndCaller) {
  auto parse = parse_offline_log(edited_rehashed([](nlohmann::json& j) {
    j["entries"][1]["kind"] = "contact";
    j["entries"][1]["payload"] =
        R"({"contact":{"type":"external","id":2,"name":""},"called_by":"","channel":"電話","reached":true,"said":"","follow_up":""})";
  }));
  EXPECT_TRUE(has_problem_at(parse, "entries[1].payload.contact.name")) << fields(parse);
  EXPECT_TRUE(has_problem_at(parse, "entries[1].payload.called_by")) << fields(parse);
}

// The kit's first contact is the 安全管理責任者: one person, no number.
TEST(OfflineLog, TheOfficerIsAContactWithoutANumber) {
  auto parse = parse_offline_log(edited_rehashed([](nlohmann::json& j) {
    j["entries"][1]["kind"] = "contact";
    j["entries"][1]["payload"] =
        R"({"contact":{"type":"officer","id":0,"name":"桜井 健一（院長・安全管理責任者）"},"called_by":"中村","channel":"電話","reached":true,"said":"報告","follow_up":""})";
  }));
  EXPECT_TRUE(parse.problems.empty()) << fields(parse);
}

TEST(OfflineLog, ReportNeedsDiscovererAndTime) {
  auto parse = parse_offline_log(edited_rehashed([](nlohmann::json& j) {
    j["entries"][0]["kind"] = "report";
    j["entries"][0]["payload"] =
        R"({"opening":{"title":"","threat":"malware","discoverer":"","discovered_at":"昨日","how_found":"","situation":"","actions_taken":"","personal_data_leak":false,"aware_at":"2024-04-02T01:02:03Z"}})";
  }));
  EXPECT_TRUE(has_problem_at(parse, "entries[0].payload.opening.discoverer")) << fields(parse);
  EXPECT_TRUE(has_problem_at(parse, "entries[0].payload.opening.discovered_at")) << fields(parse);
}

// The report carries what was ticked: ids with names; anything else is named.
TEST(OfflineLog, TickedSystemsAndDevicesAreReadAndBadOnesNamed) {
  const std::string opening =
      R"("title":"","threat":"malware","discoverer":"中村","discovered_at":"2024-04-02T01:02:03Z","how_found":"","situation":"脅迫文","actions_taken":"","personal_data_leak":false,"aware_at":"2024-04-02T01:02:03Z")";
  auto good = parse_offline_log(edited_rehashed([&](nlohmann::json& j) {
    j["entries"][0]["kind"] = "report";
    j["entries"][0]["payload"] =
        R"({"opening":{)" + opening +
        R"(,"systems":[{"id":1,"name":"電子カルテシステム"}],"devices":[{"asset_number":"PC-001","id":4,"name":"受付端末1"}]}})";
  }));
  EXPECT_TRUE(good.problems.empty()) << fields(good);
  auto bad = parse_offline_log(edited_rehashed([&](nlohmann::json& j) {
    j["entries"][0]["kind"] = "report";
    j["entries"][0]["payload"] =
        R"({"opening":{)" + opening +
        R"(,"systems":[{"id":0,"name":"電子カルテ"},"x"],"devices":[{"id":4,"name":"","owner":"x"}]}})";
  }));
  EXPECT_TRUE(has_problem_at(bad, "entries[0].payload.opening.systems.0.id")) << fields(bad);
  EXPECT_TRUE(has_problem_at(bad, "entries[0].payload.opening.systems.1")) << fields(bad);
  EXPECT_TRUE(has_problem_at(bad, "entries[0].payload.opening.devices.0.name")) << fields(bad);
  EXPECT_TRUE(has_problem_at(bad, "entries[0].payload.opening.devices.0.owner")) << fields(bad);
}

TEST(OfflineLog, NewerFormatVersionIsExplained) {
  auto parse = parse_offline_log(edited([](nlohmann::json& j) { j["version"] = 2; }));
  ASSERT_EQ(parse.problems.size(), 1u);
  EXPECT_EQ(parse.problems[0].field, "version");
}

TEST(OfflineLog, GarbageNeverThrows) {
  for (const char* text :
       {"", "null", "[]", "{", "\xff\xfe", "{\"format\":\"medbcp-offline-log\"}",
        "{\"format\":\"medbcp-offline-log\",\"version\":1,\"entries\":[1,null,{}]}",
        "{\"format\":\"medbcp-offline-log\",\"version\":1,\"kit\":[],\"entries\":{}}"}) {
    OfflineLogParse parse;
    EXPECT_NO_THROW(parse = parse_offline_log(text)) << text;
    EXPECT_FALSE(parse.log) << text;
    EXPECT_FALSE(parse.problems.empty()) << text;
  }
}

}  // namespace
}  // namespace medbcp::io

namespace medbcp::io {
namespace {

TEST(OfflineLog, ANumberTooLargeForAnyTypeIsAProblemNotACrash) {
  // Found by fuzz/offline_log_fuzz: nlohmann throws out_of_range here, not
  // parse_error.
  const OfflineLogParse parsed = parse_offline_log(R"({"format": "x", "n": 7e7777777})");
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_NE(parsed.problems[0].message.find("数値"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::io
