#include "core/markup_escape.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(EscapeMarkup, EntitiesForEveryCharacterThatEndsTextOrAnAttribute) {
  EXPECT_EQ(escape_markup(R"(<a href="x">'&'</a>)"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(EscapeMarkup, BrokenUtf8BecomesTheReplacementCharacter) {
  EXPECT_EQ(escape_markup("さくら\xff(内科"), "さくら\uFFFD(内科");
  EXPECT_EQ(escape_markup("𠮷野家 ～"), "𠮷野家 ～");
}

TEST(EscapeMarkup, ControlCharactersXmlForbidsAreDroppedLineBreaksStay) {
  EXPECT_EQ(escape_markup("a\x0c"
                          "b\x01\x7f"
                          "c"),
            "abc");
  EXPECT_EQ(escape_markup("a\tb\nc\r\n"), "a\tb\nc\r\n");
}

}  // namespace
}  // namespace medbcp::core
