// The kits made from the demo plan: the offline kit is one file that fetches
// nothing, the paper kit's PDF holds every form, and freshness follows plan
// changes and printing.
#include "app/kit.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "app/plan_service.h"
#include "core/incident_steps.h"
#include "core/numbering.h"
#include "core/phone.h"
#include "doc/kit_forms.h"
#include "doc/kit_html.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

using core::Instant;

const Instant kNow = Instant::from_tokyo(core::Date{2024, 6, 3}, 9, 0);

class KitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-kit-" + std::to_string(::getpid()) + "-" +
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

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  Actor admin_{core::UserId(1), "管理者", Role::Admin};
};

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::strlen(from), to);
    }
  }
  return s;
}

// What would make a browser reach the network: a URL in src/href/action
// (also protocol-relative), a stylesheet @import, a CSS url() of a URL, or
// an external script or stylesheet element.
std::vector<std::string> external_references(const std::string& html) {
  static const std::regex patterns[] = {
      std::regex(R"((src|href|action|srcset|poster|data|formaction)\s*=\s*["']?\s*(https?:|//))",
                 std::regex::icase),
      std::regex(R"(@import)", std::regex::icase),
      std::regex(R"(url\(\s*["']?\s*(https?:|//))", std::regex::icase),
      std::regex(R"(<link\b)", std::regex::icase),
      std::regex(R"(<script[^>]*\bsrc\s*=)", std::regex::icase),
      std::regex(R"(fetch\(|XMLHttpRequest|navigator\.sendBeacon|new\s+WebSocket|EventSource)"),
  };
  std::vector<std::string> found;
  for (const auto& p : patterns) {
    for (auto it = std::sregex_iterator(html.begin(), html.end(), p); it != std::sregex_iterator();
         ++it) {
      found.push_back(it->str());
    }
  }
  return found;
}

TEST(KitReferences, CheckerFindsWhatItLooksFor) {
  EXPECT_FALSE(external_references("<img src=\"https://x/y.png\">").empty());
  EXPECT_FALSE(external_references("<a href='//cdn.example/x'>").empty());
  EXPECT_FALSE(external_references("<style>@import 'x.css';</style>").empty());
  EXPECT_FALSE(external_references("b{background:url( http://x )}").empty());
  EXPECT_TRUE(external_references("<a href=\"tel:0312345678\">").empty());
  EXPECT_TRUE(external_references("<a href=\"#card\">").empty());
}

TEST_F(KitTest, OfflineKitReferencesNoExternalUrl) {
  const KitFile kit = make_offline_kit(*ws_, admin_, kNow);
  const std::string& html = kit.bytes;
  EXPECT_EQ(external_references(html), std::vector<std::string>{});
  // The plan document inside the frame, as the browser reads it.
  const std::string marker = "srcdoc=\"";
  const auto start = html.find(marker);
  ASSERT_NE(start, std::string::npos);
  const auto end = html.find('"', start + marker.size());
  const std::string plan =
      unescape(html.substr(start + marker.size(), end - start - marker.size()));
  EXPECT_NE(plan.find("<html"), std::string::npos);
  EXPECT_EQ(external_references(plan), std::vector<std::string>{});
}

TEST_F(KitTest, OfflineKitHasItsPartsAndStatesEditionAndTime) {
  const core::Plan plan = load_plan(*ws_);
  const KitFile kit = make_offline_kit(*ws_, admin_, kNow);
  const std::string& html = kit.bytes;
  EXPECT_TRUE(kit.file_name.ends_with(".html"));
  for (const char* part :
       {"id=\"card\"", "id=\"contacts\"", "id=\"checklist\"", "id=\"logger\"", "id=\"fallbacks\"",
        "id=\"plan\"", "id=\"export\"", "id=\"report-form\""}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_NE(html.find("計画 第" + core::full_width_number(plan.facility.edition) + "版"),
            std::string::npos);
  EXPECT_NE(html.find("令和６年６月３日 09:00"), std::string::npos);
  EXPECT_NE(html.find("href=\"" + core::tel_uri(plan.officer.phone_day) + "\""), std::string::npos);
  EXPECT_NE(html.find("medbcpSha256"), std::string::npos);  // the logger is inline
  // The logger's data block is JSON naming this kit.
  const auto open = html.find("<script type=\"application/json\" id=\"kit-data\">");
  ASSERT_NE(open, std::string::npos);
  const auto body = html.find('>', open) + 1;
  const auto data = nlohmann::json::parse(html.substr(body, html.find("</script>", body) - body));
  EXPECT_EQ(data["kit"]["id"], kit.id);
  EXPECT_EQ(data["kit"]["made_at"], kNow.iso_utc());
  EXPECT_EQ(data["steps"].size(), core::all_response_steps().size());
}

TEST(KitHtml, PlanTextCannotCloseTheScriptOrInjectMarkup) {
  core::Plan plan;
  plan.facility.name = "</script><img src=https://evil.example/x>";
  plan.internal_contacts.push_back(
      {core::InternalContactId(1), "<b>x</b>", "role", "", "03-1111-2222", "", "", std::nullopt});
  const std::string html =
      doc::offline_kit_html(plan, {std::string(32, 'a'), kNow, "t", ""}, "<p>plan</p>");
  EXPECT_EQ(html.find("<img src=https://evil"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=https://evil"), std::string::npos);  // shown as text
  EXPECT_EQ(html.find("<b>x</b>"), std::string::npos);
  // Inside the logger's JSON the name cannot end the script element.
  EXPECT_NE(html.find("\\u003c/script>\\u003cimg"), std::string::npos);
}

TEST_F(KitTest, FreshnessFollowsPlanChangesAndPrinting) {
  KitFreshness f = kit_freshness(*ws_);
  EXPECT_TRUE(f.offline_outdated);
  EXPECT_TRUE(f.printed_outdated);
  EXPECT_EQ(f.warnings.size(), 2u);

  make_offline_kit(*ws_, admin_, kNow);
  const KitFile paper = make_paper_kit(*ws_, admin_, kNow);
  f = kit_freshness(*ws_);
  EXPECT_FALSE(f.offline_outdated);
  EXPECT_TRUE(f.printed_outdated);  // made, not yet printed
  ASSERT_TRUE(f.paper);
  EXPECT_EQ(f.paper->id, paper.id);

  ASSERT_TRUE(mark_paper_kit_printed(*ws_, admin_, "", Instant{kNow.seconds + 3600}));
  f = kit_freshness(*ws_);
  EXPECT_FALSE(f.printed_outdated);
  EXPECT_TRUE(f.warnings.empty());
  EXPECT_NE(f.printed_summary.find("令和６年６月３日に印刷"), std::string::npos)
      << f.printed_summary;

  ASSERT_TRUE(update_plan(*ws_, admin_, [](core::Plan& p) {
                p.officer.phone_night = "090-0000-1111";
              }).empty());
  f = kit_freshness(*ws_);
  EXPECT_TRUE(f.offline_outdated);
  EXPECT_TRUE(f.printed_outdated);
  ASSERT_EQ(f.warnings.size(), 2u);
  EXPECT_NE(f.warnings[0].find("オフラインキットを作り直して"), std::string::npos);
  EXPECT_NE(f.warnings[1].find("印刷し直して"), std::string::npos);
}

TEST_F(KitTest, PrintedNeedsAPaperKit) {
  EXPECT_FALSE(mark_paper_kit_printed(*ws_, admin_, "", kNow));
  const KitFile offline = make_offline_kit(*ws_, admin_, kNow);
  EXPECT_FALSE(mark_paper_kit_printed(*ws_, admin_, offline.id, kNow));
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

TEST_F(KitTest, PaperKitPdfHoldsThePlanAndEveryFormTitle) {
  const core::Plan plan = load_plan(*ws_);
  const KitFile kit = make_paper_kit(*ws_, admin_, kNow);
  ASSERT_TRUE(kit.bytes.starts_with("%PDF-"));
  const auto path = dir_ / kit.file_name;
  std::ofstream(path, std::ios::binary) << kit.bytes;
  const std::string text = run("pdftotext -enc UTF-8 '" + path.string() + "' - 2>/dev/null");
  ASSERT_FALSE(text.empty()) << "pdftotext is needed (poppler-utils)";
  for (const char* title :
       {"初動対応カード", "発見・報告書", "時系列記録用紙", "連絡記録", "棚卸し記録用紙",
        "休診・縮小のお知らせ（掲示用）", "電話応対の手引き", "言わないこと", "紙カルテ（診療録）",
        "処方・検査伝票（複写式）", "会計記録（未収金）", "画像閲覧記録", "別紙１", "別紙２",
        "全職員用", "カーボン紙"}) {
    EXPECT_NE(text.find(title), std::string::npos) << title;
  }
  for (const auto& c : plan.internal_contacts) {
    EXPECT_NE(text.find(c.name), std::string::npos) << "card of " << c.name;
  }
  // The forms follow the plan: as many pages as the plan PDF has, plus one
  // per form title.
  const std::string info = run("pdfinfo '" + path.string() + "' 2>/dev/null");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
  EXPECT_GT(std::stoul(m[1]), doc::paper_form_titles(plan).size());
}

TEST(PaperForms, FallbackFormsFollowTheTemplateExamples) {
  core::Plan plan;
  auto form = [&](const char* business, const char* system, const char* fallback) {
    core::FallbackOperation f;
    f.business = business;
    f.system_label = system;
    f.fallback = fallback;
    return doc::fallback_form_for(plan, f);
  };
  EXPECT_EQ(form("診療録等", "電子カルテシステム", "紙運用"), doc::FallbackForm::MedicalRecord);
  EXPECT_EQ(form("処方・検査", "オーダリングシステム", "紙運用（カーボンコピー）"),
            doc::FallbackForm::OrderSlip);
  EXPECT_EQ(form("放射線画像診断", "PACS", "撮影機器ワークステーションにて画像閲覧"),
            doc::FallbackForm::Imaging);
  EXPECT_EQ(form("会計", "医事会計システム", "未収扱いを検討"), doc::FallbackForm::Billing);
  EXPECT_EQ(form("予約", "予約システム", "電話で受付"), doc::FallbackForm::General);
}

}  // namespace
}  // namespace medbcp::app
