#include "core/incident_payload.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(IncidentPayloadTest, OpeningRoundTrips) {
  IncidentOpening o;
  o.title = "不審なログイン";
  o.threat = ThreatKind::UnauthorizedAccess;
  o.discovery = {"事務長", Instant{1711940400}, "VPN装置のログ", "深夜の管理者ログイン",
                 "VPNを停止"};
  o.systems = {{SystemId(2), "医事会計システム"}};
  o.devices = {{DeviceId(5), "VPN装置", "NW-01"}};
  o.personal_data_leak = true;
  o.aware_at = Instant{1711944000};
  auto back = read_opening(to_payload(o));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->title, o.title);
  EXPECT_EQ(back->threat, o.threat);
  EXPECT_EQ(back->discovery.discovered_at, o.discovery.discovered_at);
  EXPECT_EQ(back->discovery.actions_taken, "VPNを停止");
  ASSERT_EQ(back->devices.size(), 1u);
  EXPECT_EQ(back->devices[0].asset_number, "NW-01");
  EXPECT_TRUE(back->personal_data_leak);
  EXPECT_EQ(back->aware_at, o.aware_at);
}

TEST(IncidentPayloadTest, SameRecordSameBytesWithSortedKeys) {
  StepMark m{"isolate", StepState::NotApplicable, "該当端末なし", ""};
  EXPECT_EQ(to_payload(m), to_payload(m));
  EXPECT_EQ(to_payload(m),
            R"({"reason":"該当端末なし","state":"not_applicable","step":"isolate"})");
}

TEST(IncidentPayloadTest, StepNoteRoundTrips) {
  StepMark m{"isolate", StepState::Done, "", "受付端末1のLANケーブルを抜いた"};
  auto back = read_step_mark(to_payload(m));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->note, m.note);
}

TEST(IncidentPayloadTest, DecisionKeepsUnknownPossibility) {
  Decision d;
  d.kind = DecisionKind::SystemRecovery;
  d.system = SystemId(1);
  d.system_name = "電子カルテ";
  d.vendor = "A社";
  d.reason = "調査中";
  auto back = read_decision(to_payload(d));
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->possible.has_value());
  EXPECT_EQ(back->system, SystemId(1));
  d.possible = false;
  EXPECT_EQ(read_decision(to_payload(d))->possible, std::optional<bool>(false));
}

TEST(IncidentPayloadTest, EvidenceWithFile) {
  EvidenceItem e{"abc",     "ログ",        DeviceId(3),         "サーバ", "金庫", "事務長",
                 "log.zip", 5000000000ULL, std::string(64, 'a')};
  auto back = read_evidence(to_payload(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->file_size, 5000000000ULL);
  EXPECT_EQ(back->device, DeviceId(3));
}

TEST(IncidentPayloadTest, ReadersRejectGarbageWithoutThrowing) {
  for (std::string_view bad : {"", "[]", "{", "null", R"({"step": 1})"}) {
    EXPECT_FALSE(read_step_mark(bad)) << bad;
    EXPECT_FALSE(read_opening(bad)) << bad;
    EXPECT_FALSE(read_decision(bad)) << bad;
  }
  EXPECT_FALSE(is_json_object("[1]"));
  EXPECT_TRUE(is_json_object("{}"));
}

}  // namespace
}  // namespace medbcp::core
