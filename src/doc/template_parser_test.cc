#include "doc/template_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace medbcp::doc {
namespace {

using ::testing::HasSubstr;
using Kind = TemplateBlock::Kind;

TEST(TemplateParser, DefaultTemplateIsEmbeddedAndParsesCleanly) {
  ASSERT_FALSE(default_template_text().empty());
  TemplateParse p = parse_template(default_template_text());
  for (const auto& problem : p.problems) ADD_FAILURE() << problem.message;
  EXPECT_EQ(p.tmpl.meta.at("title"), "事業継続計画（ＢＣＰ）");
}

TEST(TemplateParser, HeadingsParagraphsAndFields) {
  TemplateParse p = parse_template(
      "# 第１章　総則\n"
      "## 策定目的\n"
      "本ＢＣＰは、{{facility.name}}（以下、当院という）\n"
      "において…\n"
      "\n"
      "### 発見\n");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.tmpl.blocks.size(), 4u);
  EXPECT_EQ(p.tmpl.blocks[0].kind, Kind::Heading);
  EXPECT_EQ(p.tmpl.blocks[0].level, 1);
  EXPECT_EQ(p.tmpl.blocks[1].level, 2);
  const TemplateBlock& para = p.tmpl.blocks[2];
  EXPECT_EQ(para.kind, Kind::Paragraph);
  EXPECT_EQ(para.line, 3);
  ASSERT_EQ(para.text.size(), 3u);
  EXPECT_EQ(para.text[0].text, "本ＢＣＰは、");
  EXPECT_EQ(para.text[1].kind, TemplatePiece::Kind::Field);
  EXPECT_EQ(para.text[1].text, "facility.name");
  // Japanese lines join without a space.
  EXPECT_EQ(para.text[2].text, "（以下、当院という）において…");
  EXPECT_EQ(p.tmpl.blocks[3].level, 3);
}

TEST(TemplateParser, ListsNotesAndDirectives) {
  TemplateParse p = parse_template(
      "1. 一つ目\n"
      "1. 二つ目\n"
      "\n"
      "(1) 方針\n"
      "- 発見日時\n"
      "> 注記\n"
      "{{table fallbacks caption=\"表１　代替手段\" columns=\"business, fallback\"}}\n"
      "{{list systems}}\n"
      "{{page landscape}}\n"
      "{{chart contacts}}\n");
  for (const auto& problem : p.problems) ADD_FAILURE() << problem.message;
  ASSERT_EQ(p.tmpl.blocks.size(), 8u);
  EXPECT_EQ(p.tmpl.blocks[0].kind, Kind::CircledList);
  EXPECT_EQ(p.tmpl.blocks[0].items.size(), 2u);
  EXPECT_EQ(p.tmpl.blocks[1].kind, Kind::ParenList);
  EXPECT_EQ(p.tmpl.blocks[2].kind, Kind::BulletList);
  EXPECT_EQ(p.tmpl.blocks[3].kind, Kind::Note);
  const TemplateBlock& table = p.tmpl.blocks[4];
  EXPECT_EQ(table.kind, Kind::Directive);
  EXPECT_EQ(table.directive, "table");
  EXPECT_EQ(table.subject, "fallbacks");
  EXPECT_EQ(table.args.at("caption"), "表１　代替手段");
  EXPECT_EQ(table.args.at("columns"), "business, fallback");
  EXPECT_EQ(p.tmpl.blocks[5].subject, "systems");
  EXPECT_EQ(p.tmpl.blocks[6].kind, Kind::PageBreak);
  EXPECT_TRUE(p.tmpl.blocks[6].landscape);
  EXPECT_EQ(p.tmpl.blocks[7].directive, "chart");
}

TEST(TemplateParser, CommentsAndFrontMatterKeepLineNumbers) {
  TemplateParse p = parse_template(
      "---\n"
      "title: 計画書\n"
      "---\n"
      "<!-- 説明\n"
      "  {{nonsense}} -->\n"
      "本文 <!-- 途中 --> 続き {{facility.nmae}}\n");
  EXPECT_EQ(p.tmpl.meta.at("title"), "計画書");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].row, 6);
  EXPECT_THAT(p.problems[0].message, HasSubstr("6行目"));
  EXPECT_THAT(p.problems[0].message, HasSubstr("{{facility.nmae}}"));
  EXPECT_THAT(p.problems[0].message, HasSubstr("facility.name"));  // suggests the real names
}

TEST(TemplateParser, BlankWithWidth) {
  TemplateParse p = parse_template("署名 {{blank 8}} 印\n");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.tmpl.blocks[0].text.size(), 3u);
  EXPECT_EQ(p.tmpl.blocks[0].text[1].kind, TemplatePiece::Kind::Blank);
  EXPECT_EQ(p.tmpl.blocks[0].text[1].width, 8);
}

TEST(TemplateParser, EveryMistakeIsReportedWithItsLineInJapanese) {
  TemplateParse p = parse_template(
      "#### 深すぎる見出し\n"                     // 1
      "{{table fallbaks}}\n"                      // 2
      "{{table fallbacks colour=\"red\"}}\n"      // 3
      "{{table devices columns=\"name cpu\"}}\n"  // 4
      "本文 {{facility.name\n"                    // 5
      "本文 {{table fallbacks}} の中\n"           // 6
      "{{list everything}}\n"                     // 7
      "{{page sideways}}\n"                       // 8
      "{{blank 99}}\n"                            // 9
      "{{chart}}\n"                               // 10
      "<!-- 閉じていない\n");                     // 11
  std::vector<int> rows;
  for (const auto& problem : p.problems) {
    rows.push_back(problem.row);
    EXPECT_EQ(problem.field, "template");
    EXPECT_THAT(problem.message, HasSubstr(std::to_string(problem.row) + "行目"));
  }
  EXPECT_THAT(rows, ::testing::UnorderedElementsAre(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
  auto message_at = [&](int row) {
    for (const auto& problem : p.problems)
      if (problem.row == row) return problem.message;
    return std::string();
  };
  EXPECT_THAT(message_at(2), HasSubstr("表「fallbaks」はありません"));
  EXPECT_THAT(message_at(4), HasSubstr("列「cpu」はありません"));
  EXPECT_THAT(message_at(5), HasSubstr("閉じられていません"));
  EXPECT_THAT(message_at(6), HasSubstr("行に単独で"));
}

TEST(TemplateParser, UnclosedFrontMatterIsAProblem) {
  TemplateParse p = parse_template("---\ntitle: x\n# 見出し\n");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.problems[0].row, 1);
}

TEST(TemplateParser, WindowsLineEndingsAndBom) {
  TemplateParse p = parse_template("\xEF\xBB\xBF# 総則\r\n本文\r\n");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.tmpl.blocks.size(), 2u);
  EXPECT_EQ(p.tmpl.blocks[1].text[0].text, "本文");
}

TEST(TemplateParser, EscapedBracesStayLiteral) {
  TemplateParse p = parse_template("例: \\{{facility.name}}\n");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.tmpl.blocks[0].text.size(), 1u);
  EXPECT_EQ(p.tmpl.blocks[0].text[0].text, "例: {{facility.name}}");
}

}  // namespace
}  // namespace medbcp::doc
