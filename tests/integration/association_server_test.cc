// One server for an association (医師会): every member facility on one
// PostgreSQL database, each request working in the facility its session
// belongs to. The isolation matrix walks every route the server has, as the
// administrator of one clinic, and proves that nothing of another clinic is
// ever shown and nothing of it changes; the association's accounts see the
// overview and add facilities, and never a clinic's pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "app/api_tokens.h"
#include "app/association_overview.h"
#include "app/drills.h"
#include "app/facilities.h"
#include "app/facility_directory.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/stocktake.h"
#include "app/users.h"
#include "facility_rows.h"
#include "store/database.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

const char* const kAssociationPassword = "hanabi-tsuki-yuki-88";
const char* const kClinicPassword = "shinryo-hajime-pass-42";

// What belongs to さくら only; none of it may reach another clinic's pages.
const std::vector<std::string>& sakura_markers() {
  static const std::vector<std::string> markers = {"SAKURA-SECRET", "さくら秘密", "sakura-kanri"};
  return markers;
}

class AssociationServer : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!store::testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
    url_ = store::fresh_postgres_database(store::test_postgres_url());
    // A database becomes an association's with its first facility.
    app::add_facility(url_, app::cli_actor(), "seed", "種の医院", core::Instant{1});
    directory_ = app::FacilityDirectory::for_association(url_);
    ServerConfig config;
    config.port = 0;
    server_ = std::make_unique<WebServer>(*directory_, config, 4);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->serve(); });
    while (!server_->running()) std::this_thread::yield();
  }
  void TearDown() override {
    if (server_) {
      server_->stop();
      thread_.join();
    }
    server_.reset();
    directory_.reset();
  }

  // The first-run page makes the first 協会管理者, who adds a facility.
  TestBrowser association_admin() {
    TestBrowser b(port_);
    b.get("/setup");
    auto res = b.post("/setup", {{"name", "kyokai"},
                                 {"password", kAssociationPassword},
                                 {"password_confirm", kAssociationPassword}});
    EXPECT_TRUE(res && res->status == 303) << (res ? res->body : "no response");
    if (res) {
      EXPECT_EQ(res->get_header_value("Location"), "/association?notice=welcome_association");
    }
    return b;
  }
  void add_facility(TestBrowser& admin, const std::string& code, const std::string& name,
                    const std::string& admin_name) {
    admin.get("/association/facilities/new");
    auto res = admin.post("/association/facilities", {{"code", code},
                                                      {"name", name},
                                                      {"admin_name", admin_name},
                                                      {"admin_password", kClinicPassword},
                                                      {"admin_password_confirm", kClinicPassword}});
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303) << res->body;
  }
  static void sign_in(TestBrowser& b, const std::string& code, const std::string& name) {
    b.get("/login");
    auto res =
        b.post("/login", {{"facility", code}, {"name", name}, {"password", kClinicPassword}});
    EXPECT_TRUE(res && res->status == 303)
        << (res ? res->body.substr(res->body.find("<main")) : "no response");
    b.get("/");
  }
  TestBrowser clinic(const std::string& code, const std::string& name) {
    TestBrowser b(port_);
    sign_in(b, code, name);
    return b;
  }
  std::map<std::string, std::string> fingerprint(const std::string& code) {
    return medbcp::testing::facility_row_digests(url_, code);
  }

  std::string url_;
  std::unique_ptr<app::FacilityDirectory> directory_;
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// The concrete paths of a route pattern: ids 1 and 2 for each number,
// `random_ids` for each random id, every alternative of a group "(a|b)";
// {} when a group is none of these.
std::vector<std::string> expand(const std::string& pattern,
                                const std::vector<std::string>& random_ids) {
  std::vector<std::string> out{""};
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '(') {
      const std::size_t end = pattern.find(')', i);
      const std::string group = pattern.substr(i + 1, end - i - 1);
      std::vector<std::string> values;
      if (group == "\\d+" || group == "[0-9]+") {
        values = {"1", "2"};
      } else if (group == "[0-9-]+") {  // a checklist item
        values = {"1-1", "2-4"};
      } else if (group == "[a-z0-9-]+") {  // a drill scenario's code
        values = {"warning-sign", "no-such-scenario"};
      } else if (group == "[0-9a-f]{32}") {
        values = random_ids;
      } else if (group.find('|') != std::string::npos) {
        std::size_t start = 0;
        while (start <= group.size()) {
          std::size_t bar = group.find('|', start);
          std::string alt = group.substr(start, bar == std::string::npos ? bar : bar - start);
          alt.erase(std::remove(alt.begin(), alt.end(), '\\'), alt.end());
          values.push_back(alt);
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      } else {
        return {};
      }
      std::vector<std::string> next;
      for (const auto& prefix : out) {
        for (const auto& v : values) next.push_back(prefix + v);
      }
      out = std::move(next);
      i = end + 1;
      continue;
    }
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) c = pattern[++i];
    for (auto& prefix : out) prefix += c;
    ++i;
  }
  return out;
}

TEST_F(AssociationServer, EveryRouteAsAnotherClinicShowsAndChangesNothingOfSakura) {
  std::string sakura_round;  // さくら's stock-take: its id is tried from あおば
  auto kyokai = association_admin();
  add_facility(kyokai, "aoba", "あおば内科", "aoba-kanri");
  add_facility(kyokai, "sakura", "さくら秘密クリニック", "sakura-kanri");
  // さくら's own records: an incident, a published 版, a second account.
  {
    app::Workspace* sakura = directory_->facility("sakura");
    ASSERT_NE(sakura, nullptr);
    const app::Actor admin{core::UserId(), "sakura-kanri", app::Role::Admin};
    app::StartIncidentRequest r;
    r.title = "SAKURA-SECRET-INCIDENT 受付端末に脅迫文";
    r.threat = core::ThreatKind::Malware;
    r.discovery = {"さくら秘密の発見者", core::Instant{1796500000}, "始業時", "SAKURA-SECRET",
                   "LANケーブルを抜いた"};
    r.aware_at = core::Instant{1796500000};
    ASSERT_TRUE(app::start_incident(*sakura, admin, r, core::Instant{1796500000}).problems.empty());
    ASSERT_TRUE(
        app::add_user(*sakura, admin, "sakura-kanri-staff", app::Role::Staff, kClinicPassword)
            .empty());
    ASSERT_TRUE(app::update_plan(*sakura, admin, [](core::Plan& p) {
                  core::Device d;
                  d.name = "SAKURA-SECRET-PC";
                  d.kind = core::DeviceKind::Terminal;
                  p.devices.push_back(d);
                }).empty());
    // A drill of さくら's: its panel, report and controls are tried from あおば.
    app::StartDrillRequest drill;
    drill.scenario_code = "ransomware-monday";
    drill.participants = {{"さくら秘密の参加者", "発見者"}};
    drill.despite_open_incident = true;
    ASSERT_TRUE(
        app::start_drill(*sakura, admin, app::load_scenarios(), drill, core::Instant{1796500100})
            .problems.empty());
    auto round = app::start_stocktake(*sakura, admin, "さくら秘密の棚卸し", "");
    ASSERT_TRUE(round.problems.empty());
    sakura_round = round.round->id.value;
  }
  auto aoba = clinic("aoba", "aoba-kanri");
  {
    // あおば has records under the same ids, so each path reaches something.
    auto res = aoba.get("/incidents/new");
    ASSERT_TRUE(res);
  }
  // The JSON API is walked with あおば's token, as a script of あおば's
  // calls it; さくら's token presented as あおば's is no token at all.
  std::string aoba_token, sakura_token;
  for (const auto& [code, name] : {std::pair{"aoba", "aoba-kanri"}, {"sakura", "sakura-kanri"}}) {
    app::Workspace* ws = directory_->facility(code);
    const app::Actor admin{core::UserId(), name, app::Role::Admin};
    for (const auto& u : app::list_users(*ws, admin)) {
      if (u.name != name) continue;
      auto made = app::create_api_token(*ws, admin, u.id, "matrix", app::TokenScope::Write, 30,
                                        core::Instant::now());
      ASSERT_TRUE(made.problems.empty());
      (std::string(code) == "aoba" ? aoba_token : sakura_token) = made.secret;
    }
  }
  ASSERT_FALSE(aoba_token.empty());
  httplib::Client api("127.0.0.1", port_);
  api.set_read_timeout(60, 0);
  const httplib::Headers as_aoba = {{"Authorization", "Bearer aoba." + aoba_token}};
  EXPECT_EQ(api.Get("/api/v1/status", {{"Authorization", "Bearer aoba." + sakura_token}})->status,
            401);
  EXPECT_EQ(api.Get("/api/v1/status", {{"Authorization", "Bearer " + aoba_token}})->status, 401);

  const auto before = fingerprint("sakura");
  ASSERT_FALSE(before.empty());

  auto routes = server_->router().routes();
  // Signing out and changing one's own password end the session: last.
  std::stable_partition(routes.begin(), routes.end(), [](const std::string& r) {
    return r != "POST /logout" && r != "POST /account/password";
  });
  int requests = 0;
  std::vector<std::string> not_walked;
  for (const auto& route : routes) {
    const std::string method = route.substr(0, route.find(' '));
    if (route.starts_with("GET /assets/")) continue;  // the same files for everyone
    const auto paths =
        expand(route.substr(route.find(' ') + 1), {sakura_round, std::string(32, 'a')});
    if (paths.empty()) not_walked.push_back(route);
    for (const auto& path : paths) {
      // Still signed in as あおば (a request may have ended the session).
      if (auto account = aoba.get("/account"); !account || account->status != 200) {
        sign_in(aoba, "aoba", "aoba-kanri");
      }
      httplib::Result res =
          path.starts_with("/api/")
              ? (method == "GET"   ? api.Get(path, as_aoba)
                 : method == "PUT" ? api.Put(path, as_aoba, "{}", "application/json")
                                   : api.Post(path, as_aoba, "{}", "application/json"))
          : method == "GET" ? aoba.get(path)
                            : aoba.post(path, {{"title", "x"},
                                               {"name", "matrix-person"},
                                               {"facility", "aoba"},
                                               {"role", "viewer"},
                                               {"text", "x"},
                                               {"password", kClinicPassword},
                                               {"active", "0"}});
      ++requests;
      ASSERT_TRUE(res) << route << " " << path;
      EXPECT_LT(res->status, 500) << route << " " << path;
      for (const auto& marker : sakura_markers()) {
        EXPECT_EQ(res->body.find(marker), std::string::npos)
            << route << " " << path << " shows " << marker;
      }
    }
  }
  for (const auto& route : not_walked) ADD_FAILURE() << "the matrix cannot expand " << route;
  EXPECT_GT(requests, 80);
  EXPECT_EQ(fingerprint("sakura"), before);
}

TEST_F(AssociationServer, ClinicsSignInBeforeTheAssociationHasAnAccount) {
  // A facility made with the CLI, its administrator too; the association
  // has no account yet.
  app::Workspace* seed = directory_->facility("seed");
  ASSERT_NE(seed, nullptr);
  ASSERT_TRUE(
      app::add_user(*seed, app::cli_actor(), "seed-kanri", app::Role::Admin, kClinicPassword)
          .empty());
  TestBrowser visitor(port_);
  auto res = visitor.get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/setup");
  auto clinic_admin = clinic("seed", "seed-kanri");
  res = clinic_admin.get("/plan");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("種の医院"), std::string::npos);
}

TEST_F(AssociationServer, ASessionIsGoodOnlyInItsOwnFacility) {
  auto kyokai = association_admin();
  add_facility(kyokai, "aoba", "あおば内科", "aoba-kanri");
  add_facility(kyokai, "sakura", "さくら秘密クリニック", "sakura-kanri");
  auto aoba = clinic("aoba", "aoba-kanri");
  const std::string cookie = aoba.cookie("medbcp_session");
  ASSERT_TRUE(cookie.starts_with("aoba.")) << cookie;

  // The same token presented as さくら's, or as the association's: signed out.
  for (const std::string& forged :
       {"sakura" + cookie.substr(4), cookie.substr(4), "nosuch" + cookie.substr(4)}) {
    httplib::Client c("127.0.0.1", port_);
    auto res = c.Get("/plan", {{"Cookie", "medbcp_session=" + forged}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 303) << forged;
    EXPECT_TRUE(res->get_header_value("Location").starts_with("/login")) << forged;
  }
  // A clinic's administrator has no association page.
  auto res = aoba.get("/association");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  res = aoba.post("/association/facilities", {{"code", "evil"},
                                              {"name", "x"},
                                              {"admin_name", "x"},
                                              {"admin_password", kClinicPassword},
                                              {"admin_password_confirm", kClinicPassword}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(directory_->facility("evil"), nullptr);
  // A wrong facility code signs nobody in, with the same message as a wrong password.
  TestBrowser stranger(port_);
  stranger.get("/login");
  res = stranger.post(
      "/login", {{"facility", "sakura"}, {"name", "aoba-kanri"}, {"password", kClinicPassword}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("施設コード、ユーザー名またはパスワードが正しくありません"),
            std::string::npos);
  // Full-width capitals, as a Japanese keyboard types them, are the code.
  stranger.get("/login");
  res = stranger.post(
      "/login", {{"facility", "ＡＯＢＡ"}, {"name", "aoba-kanri"}, {"password", kClinicPassword}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303) << res->body;
}

TEST_F(AssociationServer, TheAssociationSeesTheOverviewAndNoClinicsPage) {
  auto kyokai = association_admin();
  add_facility(kyokai, "aoba", "あおば内科", "aoba-kanri");
  add_facility(kyokai, "sakura", "さくら秘密クリニック", "sakura-kanri");
  // A taken code and a weak password add nothing.
  kyokai.get("/association/facilities/new");
  auto res = kyokai.post("/association/facilities", {{"code", "aoba"},
                                                     {"name", "二つ目"},
                                                     {"admin_name", "x-kanri"},
                                                     {"admin_password", kClinicPassword},
                                                     {"admin_password_confirm", kClinicPassword}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  res = kyokai.post("/association/facilities", {{"code", "kaede"},
                                                {"name", "かえで医院"},
                                                {"admin_name", "kaede-kanri"},
                                                {"admin_password", "short"},
                                                {"admin_password_confirm", "short"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(directory_->facility("kaede"), nullptr);

  // The home of an association account is the overview.
  res = kyokai.get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/association");
  res = kyokai.get("/association");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  for (const char* text : {"aoba", "あおば内科", "sakura", "seed", "要対応"}) {
    EXPECT_NE(res->body.find(text), std::string::npos) << text;
  }
  res = kyokai.get("/association?q=%E3%81%82%E3%81%8A%E3%81%B0");  // あおば
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("あおば内科"), std::string::npos);
  EXPECT_EQ(res->body.find("さくら秘密クリニック"), std::string::npos);
  res = kyokai.get("/association/overview.csv?sort=name&dir=desc");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_TRUE(res->body.starts_with("\xEF\xBB\xBF施設コード,施設名")) << res->body.substr(0, 80);
  EXPECT_LT(res->body.find("sakura,"),
            res->body.find("aoba,"));  // さくら before あおば, descending
  res = kyokai.get("/association/overview.xlsx");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_TRUE(res->body.starts_with("PK"));

  // No plan page, no incident, no ledger for the association.
  for (const char* path : {"/plan", "/incidents", "/incidents/1", "/plan/export.json", "/kit",
                           "/versions", "/audit", "/history"}) {
    res = kyokai.get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << path;
  }
  // 協会閲覧: the overview, not adding facilities.
  kyokai.get("/users");
  res = kyokai.post("/users", {{"name", "kyokai-etsuran"},
                               {"role", "association-viewer"},
                               {"password", kAssociationPassword}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 303) << res->body;
  // A clinic's role cannot be given to an association account.
  res = kyokai.post("/users",
                    {{"name", "kyokai-x"}, {"role", "admin"}, {"password", kAssociationPassword}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  TestBrowser viewer(port_);
  viewer.get("/login");
  res = viewer.post("/login", {{"name", "kyokai-etsuran"}, {"password", kAssociationPassword}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 303);
  res = viewer.get("/association");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("/association/facilities/new"), std::string::npos);
  res = viewer.get("/association/facilities/new");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

}  // namespace
}  // namespace medbcp::web
