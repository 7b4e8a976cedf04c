// The 届出・お知らせ part of an incident's page through a real server: the
// notices an incident calls for, a notice refused while its facts are
// missing (and made as a draft), the report items answered by the 責任者,
// a notice downloaded and its issue recorded on the timeline.
#include <gtest/gtest.h>

#include "web_test_browser.h"

namespace medbcp::web {
namespace {

class NoticeWeb : public WebServerTest {};

TEST_F(NoticeWeb, NoticesAreListedAnsweredMadeAndIssued) {
  TestBrowser staff = signed_in("staff");
  staff.get("/incidents/new");
  ASSERT_EQ(staff
                .post("/incidents", {{"discoverer", "中村"},
                                     {"how_found", "ルータの画面で気づいた"},
                                     {"situation", "患者名簿が外部へ送信された"},
                                     {"threat", "targeted_email"},
                                     {"personal_data_leak", "1"}})
                ->status,
            303);
  TestBrowser editor = signed_in("editor");
  auto page = editor.get("/incidents/1");
  ASSERT_EQ(page->status, 200);
  for (const char* expected :
       {"届出・お知らせ", "個人情報保護委員会への漏えい等報告（速報）",
        "/incidents/1/notices/ppc-prompt.pdf?draft=1", "未記入 ", "報告事項・費用を記入する"}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }
  auto refused = editor.get("/incidents/1/notices/ppc-prompt.txt");
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("「原因」がまだありません"), std::string::npos);
  auto draft = editor.get("/incidents/1/notices/ppc-prompt.txt?draft=1");
  ASSERT_EQ(draft->status, 200);
  EXPECT_NE(draft->body.find("（未記入：原因）"), std::string::npos);

  auto answered = editor.post("/incidents/1/report-items", {{"cause", "標的型メールの添付"},
                                                            {"affected_people", "約300人"},
                                                            {"leaked_items", "氏名"},
                                                            {"secondary_damage", "なし"},
                                                            {"person_response", "通知予定"},
                                                            {"publication", "未定"},
                                                            {"prevention", "教育"},
                                                            {"grounds", "要配慮個人情報"},
                                                            {"other", "なし"}});
  ASSERT_EQ(answered->status, 303) << answered->body;
  auto text = editor.get("/incidents/1/notices/ppc-prompt.txt");
  ASSERT_EQ(text->status, 200);
  EXPECT_NE(text->body.find("【原因】\n標的型メールの添付"), std::string::npos);
  EXPECT_EQ(editor.get("/incidents/1/notices/police.pdf?draft=1")->body.substr(0, 5), "%PDF-");

  // Staff can read the list and download, not record the 責任者's answers.
  staff.get("/incidents/1");
  EXPECT_EQ(staff.post("/incidents/1/report-items", {{"cause", "x"}})->status, 403);
  EXPECT_EQ(staff.post("/incidents/1/notices/ppc-prompt/issued", {})->status, 403);

  editor.get("/incidents/1");
  ASSERT_EQ(editor.post("/incidents/1/notices/ppc-prompt/issued", {})->status, 303);
  page = editor.get("/incidents/1");
  EXPECT_NE(page->body.find("個人情報保護委員会への漏えい等報告（速報）を提出・掲示した"),
            std::string::npos);  // on the timeline
  EXPECT_EQ(editor.get("/incidents/9/notices/ppc-prompt.pdf")->status, 404);
}

}  // namespace
}  // namespace medbcp::web
