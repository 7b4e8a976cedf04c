// The escaping HTML writer: text and attribute values can never break out
// of their place, names are checked, and tags must be closed in order.
#include "web/html.h"

#include <gtest/gtest.h>

namespace medbcp::web {
namespace {

TEST(Html, EscapesTextAndAttributeValues) {
  EXPECT_EQ(core::escape_markup(R"(<script>alert("x")</script> & 'y')"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  Html h;
  h.el("p", {{"title", "\" onmouseover=\"alert(1)"}}, "<b>当院</b>");
  EXPECT_EQ(h.str(), "<p title=\"&quot; onmouseover=&quot;alert(1)\">&lt;b&gt;当院&lt;/b&gt;</p>");
}

TEST(Html, JapaneseTextPassesThroughUnchanged) {
  Html h;
  h.text("医療情報システム安全管理責任者（院長）");
  EXPECT_EQ(h.str(), "医療情報システム安全管理責任者（院長）");
}

TEST(Html, FlagsAndOptionalAttributesAppearOnlyWhenSet) {
  Html h;
  h.empty("input", {{"name", "x"},
                    Attr::flag("checked", true),
                    Attr::flag("disabled", false),
                    Attr::optional("aria-describedby", "")});
  EXPECT_EQ(h.str(), "<input name=\"x\" checked>");
}

TEST(Html, BrokenUtf8BecomesTheReplacementCharacter) {
  EXPECT_EQ(core::escape_markup("さくら\xff\xfe\xc3(内科"), "さくら\uFFFD\uFFFD\uFFFD(内科");
  EXPECT_EQ(core::escape_markup("\xe3\x81"), "\uFFFD\uFFFD");            // cut short
  EXPECT_EQ(core::escape_markup("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong "/"
  EXPECT_EQ(core::escape_markup("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate
  EXPECT_EQ(core::escape_markup("𠮷野家 ① ～"), "𠮷野家 ① ～");          // valid text untouched
}

TEST(Html, SvgLeavesCloseThemselves) {
  Html h;
  h.open("svg").self_closing("rect", {{"width", "3"}}).el("text", "x").close("svg");
  EXPECT_EQ(h.str(), "<svg><rect width=\"3\"/><text>x</text></svg>");
}

TEST(Html, TagsMustCloseInOrder) {
  Html h;
  h.open("div").open("p");
  EXPECT_THROW(h.close("div"), std::logic_error);
  h.close("p").close("div");
  EXPECT_EQ(h.depth(), 0u);
  EXPECT_THROW(h.close("div"), std::logic_error);
}

TEST(Html, NamesBuiltFromDataAreRefused) {
  Html h;
  EXPECT_THROW(h.open("div onload=x"), std::logic_error);
  EXPECT_THROW(h.el("p", {{"x\"y", "1"}}, ""), std::logic_error);
  EXPECT_THROW(h.open(""), std::logic_error);
}

TEST(Html, AFragmentWithOpenTagsCannotBeAppended) {
  Html inner;
  inner.open("span");
  Html outer;
  EXPECT_THROW(outer.append(inner), std::logic_error);
}

TEST(Html, RawMarkupGoesInOnlyThroughTheNamedCall) {
  Html h;
  h.raw_html_unescaped("<!DOCTYPE html>");
  h.text("<!DOCTYPE html>");
  EXPECT_EQ(h.str(), "<!DOCTYPE html>&lt;!DOCTYPE html&gt;");
}

}  // namespace
}  // namespace medbcp::web
