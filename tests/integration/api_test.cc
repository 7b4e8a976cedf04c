// The JSON API through a real server: every operation of api/openapi.json
// called (the test fails if the document gains one no test calls), tokens
// checked (none, unknown, expired, revoked, read-only, a role without the
// permission), and every bad request answered with a Japanese problem
// document that names the field, nothing changed.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "app/api_tokens.h"
#include "app/audit.h"
#include "app/device_import.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/users.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

using nlohmann::json;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ApiTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(60, 0);
    write_ = token("editor", app::TokenScope::Write);
    read_ = token("viewer", app::TokenScope::Read);
  }
  std::string token(const std::string& user_name, app::TokenScope scope, int days = 30,
                    core::Instant at = core::Instant::now()) {
    const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
    for (const auto& u : app::list_users(*ws_, cli)) {
      if (u.name != user_name) continue;
      auto r = app::create_api_token(*ws_, cli, u.id, "test-" + user_name, scope, days, at);
      EXPECT_TRUE(r.problems.empty());
      return r.secret;
    }
    ADD_FAILURE() << "no user " << user_name;
    return "";
  }
  // Calls an operation, noting the operation it is for (its path template).
  httplib::Result call(const std::string& method, const std::string& path,
                       const std::string& operation, const std::string& bearer,
                       const std::string& body = "", const std::string& type = "application/json") {
    called_.insert(method + " " + operation);
    httplib::Headers h;
    if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
    if (method == "GET") return client_->Get(path, h);
    if (method == "PUT") return client_->Put(path, h, body, type);
    return client_->Post(path, h, body, type);
  }
  static json problem_of(const httplib::Result& res) {
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json") << res->body;
    return json::parse(res->body);
  }
  static bool names_field(const json& problem, const std::string& field) {
    for (const auto& e : problem.value("errors", json::array())) {
      if (e.value("field", "") == field) return true;
    }
    return false;
  }

  std::unique_ptr<httplib::Client> client_;
  std::string write_, read_;
  std::set<std::string> called_;
};

TEST_F(ApiTest, EveryOperationOfTheDocumentIsCalledAndAnswers) {
  // The document the server serves is the one in the repository.
  auto served = client_->Get("/api/v1/openapi.json");
  ASSERT_EQ(served->status, 200);
  const json doc = json::parse(served->body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_EQ(served->body, read_file(std::string(MEDBCP_SOURCE_DIR) + "/api/openapi.json"));

  // plan
  auto plan = call("GET", "/api/v1/plan", "/api/v1/plan", write_);  // (viewers may not export)
  ASSERT_EQ(plan->status, 200) << plan->body;
  json exported = json::parse(plan->body);
  exported["facility"]["name"] = "API更新クリニック";
  auto put_plan = call("PUT", "/api/v1/plan", "/api/v1/plan", write_, exported.dump());
  ASSERT_EQ(put_plan->status, 200) << put_plan->body;
  EXPECT_EQ(app::load_plan(*ws_).facility.name, "API更新クリニック");

  // devices: JSON back as it came, a dry run of a changed one, CSV
  auto devices = call("GET", "/api/v1/devices", "/api/v1/devices", write_);
  ASSERT_EQ(devices->status, 200);
  json list = json::parse(devices->body);
  ASSERT_TRUE(list.is_array());
  ASSERT_FALSE(list.empty());
  list[0]["location"] = "API で移動";
  auto dry = call("PUT", "/api/v1/devices?dry_run=true", "/api/v1/devices", write_, list.dump());
  ASSERT_EQ(dry->status, 200) << dry->body;
  EXPECT_EQ(json::parse(dry->body)["updated"], 1);
  EXPECT_EQ(json::parse(dry->body)["applied"], false);
  EXPECT_NE(app::load_plan(*ws_).devices[0].location, "API で移動");
  auto applied = call("PUT", "/api/v1/devices", "/api/v1/devices", write_, list.dump());
  ASSERT_EQ(applied->status, 200) << applied->body;
  EXPECT_EQ(app::load_plan(*ws_).devices[0].location, "API で移動");
  // The same ledger as a spreadsheet's CSV: nothing changes.
  const app::Actor exporter{core::UserId(), "cli", app::Role::Admin};
  const auto csv = app::export_devices(*ws_, exporter, app::DeviceExportFormat::CsvUtf8);
  auto as_csv =
      call("PUT", "/api/v1/devices?dry_run=true", "/api/v1/devices", write_, csv.bytes, "text/csv");
  ASSERT_EQ(as_csv->status, 200) << as_csv->body;
  EXPECT_EQ(json::parse(as_csv->body)["updated"], 0);
  EXPECT_EQ(json::parse(as_csv->body)["added"], 0);

  // backups: what a backup job calls
  auto run = call("POST", "/api/v1/backups/1/runs", "/api/v1/backups/{plan}/runs", write_,
                  R"({"result":"ok","at":"2026-12-06T02:00:00+09:00","note":"夜間"})");
  ASSERT_EQ(run->status, 201) << run->body;
  EXPECT_EQ(json::parse(run->body)["at"], "2026-12-05T17:00:00Z");
  auto test =
      call("POST", "/api/v1/backups/1/restore-tests", "/api/v1/backups/{plan}/restore-tests",
           write_, R"({"result":"ok","minutes":42})");
  ASSERT_EQ(test->status, 201) << test->body;

  // incidents: start, add an entry, read with the chain's head, verify
  auto started = call("POST", "/api/v1/incidents", "/api/v1/incidents", write_,
                      R"({"threat":"malware","discoverer":"受付 佐藤","situation":"脅迫文"})");
  ASSERT_EQ(started->status, 201) << started->body;
  const auto id = json::parse(started->body)["id"].get<std::int64_t>();
  EXPECT_EQ(started->get_header_value("Location"), "/api/v1/incidents/" + std::to_string(id));
  const std::string base = "/api/v1/incidents/" + std::to_string(id);
  auto entry = call("POST", base + "/entries", "/api/v1/incidents/{id}/entries", write_,
                    R"({"kind":"action","text":"LANケーブルを抜いた"})");
  ASSERT_EQ(entry->status, 201) << entry->body;
  const std::string hash = json::parse(entry->body)["hash"];
  auto got = call("GET", base, "/api/v1/incidents/{id}", read_);
  ASSERT_EQ(got->status, 200);
  EXPECT_EQ(json::parse(got->body)["chain"]["head_hash"], hash);
  auto verified = call("GET", base + "/verify", "/api/v1/incidents/{id}/verify", read_);
  ASSERT_EQ(verified->status, 200);
  EXPECT_EQ(json::parse(verified->body)["ok"], true);
  EXPECT_EQ(json::parse(verified->body)["head_hash"], hash);

  // status
  auto status = call("GET", "/api/v1/status", "/api/v1/status", read_);
  ASSERT_EQ(status->status, 200);
  EXPECT_TRUE(json::parse(status->body)["reminders"].is_array());

  // Every operation the document names was called above.
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(called_.contains(std::string(upper).append(" ").append(path)))
          << "no test calls " << upper << " " << path;
    }
  }

  // Every use is in the audit log, with the token's name.
  const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
  app::AuditFilter filter;
  filter.action = std::string(app::audit_action::kApiRequest);
  const auto audit = app::list_audit_log(*ws_, cli, filter, 1, 100);
  EXPECT_GE(audit.total, 12);
  EXPECT_NE(audit.entries.front().detail.find("test-"), std::string::npos);
}

TEST_F(ApiTest, TokensAreCheckedAndRefusalsAreProblemDocuments) {
  const std::string before = app::plan_fingerprint(*ws_);
  // none, unknown
  auto none = call("GET", "/api/v1/status", "", "");
  EXPECT_EQ(none->status, 401);
  EXPECT_NE(none->get_header_value("WWW-Authenticate").find("Bearer"), std::string::npos);
  EXPECT_NE(problem_of(none)["detail"].get<std::string>().find("Authorization"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/status", "", "mbt_" + std::string(64, '0'))->status, 401);
  EXPECT_EQ(call("GET", "/api/v1/status", "", "sakura." + read_)->status, 401);  // a code here
  // expired
  const std::string old =
      token("viewer", app::TokenScope::Read, 1,
            core::Instant{core::Instant::now().seconds - std::int64_t{3} * 86400});
  auto expired = call("GET", "/api/v1/status", "", old);
  EXPECT_EQ(expired->status, 401);
  EXPECT_NE(problem_of(expired)["detail"].get<std::string>().find("有効期限"), std::string::npos);
  // revoked
  const std::string soon_gone = token("editor", app::TokenScope::Write);
  const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
  const auto tokens = app::list_api_tokens(*ws_, cli);
  ASSERT_TRUE(app::revoke_api_token(*ws_, cli, tokens.front().id, core::Instant::now()).empty());
  auto revoked = call("GET", "/api/v1/status", "", soon_gone);
  EXPECT_EQ(revoked->status, 401);
  EXPECT_NE(problem_of(revoked)["detail"].get<std::string>().find("取り消"), std::string::npos);
  // a cookie is no credential here
  TestBrowser b = signed_in("admin");
  EXPECT_EQ(b.get("/api/v1/status")->status, 401);

  // read-only token writing; a role without the permission
  auto read_only = call("PUT", "/api/v1/plan", "", read_, "{}");
  EXPECT_EQ(read_only->status, 403);
  EXPECT_NE(problem_of(read_only)["detail"].get<std::string>().find("読み取りのみ"),
            std::string::npos);
  const std::string staff = token("staff", app::TokenScope::Write);
  auto role = call("PUT", "/api/v1/plan", "", staff, "{}");
  EXPECT_EQ(role->status, 403);
  EXPECT_NE(problem_of(role)["detail"].get<std::string>().find("職員"), std::string::npos);

  // wrong type, unreadable, wrong fields, too large
  auto type = call("POST", "/api/v1/backups/1/runs", "", write_, "result=ok", "text/plain");
  EXPECT_EQ(type->status, 415);
  auto unreadable = call("POST", "/api/v1/backups/1/runs", "", write_, "{\"result\": ");
  EXPECT_EQ(unreadable->status, 400);
  EXPECT_NE(problem_of(unreadable)["detail"].get<std::string>().find("バイト目"),
            std::string::npos);
  auto fields = call("POST", "/api/v1/backups/1/restore-tests", "", write_,
                     R"({"result":"maybe","minutes":"x","at":"きのう"})");
  EXPECT_EQ(fields->status, 422);
  const json p = problem_of(fields);
  EXPECT_TRUE(names_field(p, "result"));
  EXPECT_TRUE(names_field(p, "minutes"));
  EXPECT_TRUE(names_field(p, "at"));
  auto no_plan = call("POST", "/api/v1/backups/99/runs", "", write_, R"({"result":"ok"})");
  EXPECT_EQ(no_plan->status, 422);
  auto bad_plan = call("PUT", "/api/v1/plan", "", write_, R"({"schema_version": 1})");
  EXPECT_EQ(bad_plan->status, 422);
  EXPECT_FALSE(problem_of(bad_plan)["errors"].empty());
  auto bad_devices = call("PUT", "/api/v1/devices", "", write_,
                          R"([{"asset_number":"PC-900","name":"x","ip_address":"999.1.1.1"}])");
  EXPECT_EQ(bad_devices->status, 422);
  EXPECT_NE(bad_devices->body.find("devices[0]"), std::string::npos) << bad_devices->body;
  auto big = call("PUT", "/api/v1/devices", "", write_, std::string(std::size_t{100} * 1024, ' '));
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(problem_of(big)["status"], 413);
  auto no_incident = call("GET", "/api/v1/incidents/999", "", read_);
  EXPECT_EQ(no_incident->status, 404);
  auto no_text = call("POST", "/api/v1/incidents", "", write_, R"({"threat":"nonsense"})");
  EXPECT_EQ(no_text->status, 422);
  EXPECT_TRUE(names_field(problem_of(no_text), "threat"));
  EXPECT_TRUE(names_field(problem_of(no_text), "discoverer"));

  EXPECT_EQ(app::plan_fingerprint(*ws_), before);  // nothing changed by any of it
  EXPECT_TRUE(app::list_incidents(*ws_, cli).empty());
}

TEST_F(ApiTest, TheAccountPageMakesAShownOnceTokenAndRevokesIt) {
  TestBrowser b = signed_in("editor");
  auto account = b.get("/account");
  EXPECT_NE(account->body.find("API のアクセストークン"), std::string::npos);
  auto made =
      b.post("/account/tokens", {{"name", "監視スクリプト"}, {"scope", "read"}, {"days", "30"}});
  ASSERT_EQ(made->status, 200) << made->body;
  std::smatch m;
  const std::regex shown("mbt_[0-9a-f]{64}");
  ASSERT_TRUE(std::regex_search(made->body, m, shown));
  const std::string secret = m.str();
  EXPECT_EQ(call("GET", "/api/v1/status", "", secret)->status, 200);
  // Never shown again, and only its hash is stored.
  account = b.get("/account");
  EXPECT_EQ(account->body.find(secret), std::string::npos);
  EXPECT_NE(account->body.find("監視スクリプト"), std::string::npos);
  std::smatch form;
  ASSERT_TRUE(std::regex_search(account->body, form, std::regex("/account/tokens/(\\d+)/revoke")));
  // Another user cannot revoke it; its owner can.
  TestBrowser other = signed_in("staff");
  other.get("/account");
  EXPECT_EQ(other.post(form.str(), {})->status, 404);
  EXPECT_EQ(call("GET", "/api/v1/status", "", secret)->status, 200);
  auto revoked = b.post(form.str(), {});
  EXPECT_EQ(revoked->status, 303);
  EXPECT_EQ(call("GET", "/api/v1/status", "", secret)->status, 401);
  // A nameless token is refused with the field named.
  b.get("/account");
  auto nameless = b.post("/account/tokens", {{"name", " "}, {"scope", "write"}, {"days", "90"}});
  EXPECT_EQ(nameless->status, 422);
  EXPECT_NE(nameless->body.find("トークンの名前"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::web
