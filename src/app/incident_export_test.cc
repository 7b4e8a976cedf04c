// The exports must let someone outside medbcp read the timeline (CSV) and
// recompute its chain from the JSON alone, following the documented scheme.
#include "app/incident_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/plan_service.h"
#include "core/sha256.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

using core::Instant;

class IncidentExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-incident-export-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, admin_));
    StartIncidentRequest r;
    r.threat = core::ThreatKind::UnauthorizedAccess;
    r.discovery = {"鈴木 一郎", Instant{1717371600}, "VPNのログ", "深夜の管理者ログイン", ""};
    auto started = start_incident(*ws_, admin_, r, Instant{1717372000});
    ASSERT_TRUE(started.problems.empty());
    id_ = started.id;
    log_entry(*ws_, admin_, id_,
              {core::EntryKind::Action, "=VPNを停止, \"管理者\"に連絡", std::nullopt},
              Instant{1717372100});
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  IncidentView view() { return load_incident_view(*ws_, admin_, id_, Instant{1717372200}); }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  Actor admin_{core::UserId(1), "桜井 健一", Role::Admin};
  core::IncidentId id_;
};

std::string be64(std::uint64_t n) {
  std::string out;
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift & 0xff));
  return out;
}

TEST_F(IncidentExportTest, JsonLetsAnyoneRecomputeTheChain) {
  auto j = nlohmann::json::parse(timeline_json(view(), Instant{1717372300}));
  EXPECT_EQ(j["format"], "medbcp-incident-timeline");
  EXPECT_EQ(j["facility"], "さくら内科クリニック");
  EXPECT_TRUE(j["chain"]["verified"].get<bool>());
  ASSERT_EQ(j["entries"].size(), 2u);

  // An independent implementation of the documented scheme.
  std::string prev(32, '\0');
  for (const auto& e : j["entries"]) {
    std::string bytes = prev;
    for (std::string field :
         {std::string("medbcp-timeline-1"), e["id"].get<std::string>(),
          std::to_string(e["incident_id"].get<long long>()),
          std::to_string(e["seq"].get<long long>()), e["kind"].get<std::string>(),
          e["occurred_at"].get<std::string>(), e["recorded_at"].get<std::string>(),
          e["author"].get<std::string>(), e["text"].get<std::string>(),
          e["payload"].get<std::string>(), e["corrects"].get<std::string>(),
          std::string(e["recorded_offline"].get<bool>() ? "1" : "0")}) {
      bytes += be64(field.size()) + field;
    }
    const core::Digest digest = core::sha256(bytes);
    EXPECT_EQ(core::to_hex(digest), e["hash"].get<std::string>());
    prev.assign(reinterpret_cast<const char*>(digest.data()), digest.size());
  }
  EXPECT_EQ(core::to_hex(*core::digest_from_hex(j["chain"]["head_hash"].get<std::string>())),
            j["entries"][1]["hash"].get<std::string>());
}

TEST_F(IncidentExportTest, CsvHasBomJapaneseHeadersAndDefusesFormulas) {
  const std::string csv = timeline_csv(view());
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("seq,発生日時,記録日時,種類,記録者,内容"), std::string::npos);
  EXPECT_NE(csv.find("2024-06-03 08:40:00"), std::string::npos);  // Tokyo time, to the second
  EXPECT_NE(csv.find("\"'=VPNを停止, \"\"管理者\"\"に連絡\""), std::string::npos);
  EXPECT_NE(csv.find("\r\n2,"), std::string::npos);
}

TEST_F(IncidentExportTest, CsvDefusesFullWidthFormulasToo) {
  log_entry(*ws_, admin_, id_, {core::EntryKind::Note, "＝1+1", std::nullopt}, Instant{1717372150});
  log_entry(*ws_, admin_, id_, {core::EntryKind::Note, "＠担当", std::nullopt},
            Instant{1717372160});
  const std::string csv = timeline_csv(view());
  EXPECT_NE(csv.find(",'＝1+1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'＠担当,"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::app
