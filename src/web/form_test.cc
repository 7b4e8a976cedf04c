// Form fields: what was typed is kept when a form is rejected, messages sit
// beside their field, and typed dates accept ISO and 和暦.
#include "web/form.h"

#include <gtest/gtest.h>

#include "web/record_form.h"

namespace medbcp::web {
namespace {

TEST(Form, ARejectedFieldKeepsTheTypedTextAndShowsItsMessage) {
  FormState state;
  state.set("name", "<当院>");
  state.error("name", "「医療機関名」を入力してください。");
  Html h;
  field(h, FieldSpec("name", "医療機関名", FieldKind::Text, true), state);
  const std::string& html = h.str();
  EXPECT_NE(html.find("value=\"&lt;当院&gt;\""), std::string::npos) << html;
  EXPECT_NE(html.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(html.find("id=\"f-name-error\""), std::string::npos);
  EXPECT_NE(html.find("aria-describedby=\"f-name-error\""), std::string::npos);
  EXPECT_NE(html.find("「医療機関名」を入力してください。"), std::string::npos);
}

TEST(Form, PasswordsAreNeverEchoedBack) {
  FormState state;
  state.set("password", "secret-value");
  Html h;
  field(h, FieldSpec("password", "パスワード", FieldKind::Password), state);
  EXPECT_EQ(h.str().find("secret-value"), std::string::npos);
}

TEST(Form, TheSummaryLinksEachProblemToItsField) {
  FormState state;
  state.error("phone", "電話番号を確認してください。");
  state.error("", "全体の問題");
  Html h;
  error_summary(h, state, {FieldSpec("phone", "電話")});
  EXPECT_NE(h.str().find("href=\"#f-phone\""), std::string::npos);
  EXPECT_NE(h.str().find("全体の問題"), std::string::npos);
}

TEST(Form, TypedDatesAcceptIsoAndWareki) {
  EXPECT_EQ(parse_typed_date("2024-04-01"), (core::Date{2024, 4, 1}));
  EXPECT_EQ(parse_typed_date("２０２４／４／１"), (core::Date{2024, 4, 1}));
  EXPECT_EQ(parse_typed_date("令和6年4月1日"), (core::Date{2024, 4, 1}));
  EXPECT_EQ(parse_typed_date("令和元年5月1日"), (core::Date{2019, 5, 1}));
  EXPECT_FALSE(parse_typed_date("2024-02-30"));
  EXPECT_FALSE(parse_typed_date("来週"));
}

TEST(Form, TypedCountsAreWholeNumbersInRange) {
  EXPECT_EQ(parse_typed_count("７", 100), 7);
  EXPECT_FALSE(parse_typed_count("-1", 100));
  EXPECT_FALSE(parse_typed_count("101", 100));
  EXPECT_FALSE(parse_typed_count("1.5", 100));
  EXPECT_FALSE(parse_typed_count("", 100));
}

TEST(Form, RecordFieldsRoundTripThroughTheirText) {
  struct R {
    std::optional<core::Date> day;
    int n = 0;
    bool on = false;
  } r;
  auto date = fields::date<R>("day", "日", &R::day);
  EXPECT_FALSE(date.set(r, "R6.4.1"));
  EXPECT_EQ(date.get(r), "2024-04-01");
  EXPECT_TRUE(date.set(r, "2024-13-01"));  // a message
  auto count = fields::count<R>("n", "数", &R::n, 10);
  EXPECT_TRUE(count.set(r, "11"));
  EXPECT_FALSE(count.set(r, "3"));
  EXPECT_EQ(count.get(r), "3");
  auto check = fields::check<R>("on", "可", &R::on);
  check.set(r, "1");
  EXPECT_TRUE(r.on);
}

}  // namespace
}  // namespace medbcp::web
