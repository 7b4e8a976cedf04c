#include "doc/docx_renderer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "core/demo_plan.h"
#include "core/plan_template.h"
#include "core/wareki.h"
#include "doc/plan_document.h"
#include "doc/render_test_util.h"
#include "doc/template_parser.h"

namespace medbcp::doc {
namespace {

using namespace testing;

#define EXPECT_CONTAINS(text, phrase) \
  EXPECT_TRUE((text).find(phrase) != std::string::npos) << "missing: " << (phrase)

std::string docx_of(const core::Plan& plan) {
  return render_docx(build_plan_document(plan, parse_template(default_template_text()).tmpl));
}

TEST(DocxRenderer, IsAPackageOfWellFormedParts) {
  std::string docx = docx_of(core::demo_plan());
  std::vector<std::string> names = zip_names(docx);
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/numbering.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml",
        "word/_rels/document.xml.rels", "docProps/core.xml", "word/media/chart1.png"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), part), names.end()) << part;
  }
  for (const std::string& name : names) {
    if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
    pugi::xml_document xml;
    std::string bytes = zip_entry(docx, name);
    pugi::xml_parse_result parsed = xml.load_buffer(bytes.data(), bytes.size());
    EXPECT_TRUE(parsed) << name << ": " << parsed.description() << " at " << parsed.offset;
  }
}

// 別紙１ is a picture that fits the page its section sets, however many
// people the chart holds: Word never shows it cut off or spilling over.
TEST(DocxRenderer, TheContactChartFitsItsPage) {
  for (const int extra : {0, 40}) {
    core::Plan plan = core::demo_plan();
    const auto boss = plan.internal_contacts.front().id;
    for (int i = 0; i < extra; ++i) {
      core::InternalContact c;
      c.id = core::InternalContactId{1000 + i};
      c.name = "職員 " + std::to_string(i + 1);
      c.role = "受付";
      c.phone_day = "054-000-0000";
      c.reports_to = boss;
      plan.internal_contacts.push_back(c);
    }
    const std::string xml = zip_entry(docx_of(plan), "word/document.xml");
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size()));
    const pugi::xml_node extent = doc.select_node("//wp:extent").node();
    ASSERT_TRUE(extent) << "a drawing";
    // The section it is in: the first section break after it, else the body's.
    pugi::xml_node section;
    for (pugi::xml_node n = extent; n && !section; n = n.parent()) {
      for (pugi::xml_node after = n.next_sibling(); after && !section;
           after = after.next_sibling()) {
        section = after.name() == std::string("w:sectPr") ? after
                                                          : after.select_node(".//w:sectPr").node();
      }
    }
    ASSERT_TRUE(section);
    const auto twips = [&](const char* element, const char* attribute) {
      return section.child(element).attribute(attribute).as_llong();
    };
    const long long emu_per_twip = 635;
    const long long width =
        (twips("w:pgSz", "w:w") - twips("w:pgMar", "w:left") - twips("w:pgMar", "w:right")) *
        emu_per_twip;
    const long long height =
        (twips("w:pgSz", "w:h") - twips("w:pgMar", "w:top") - twips("w:pgMar", "w:bottom")) *
        emu_per_twip;
    EXPECT_GT(width, 0);
    EXPECT_LE(extent.attribute("cx").as_llong(), width) << extra << " more people";
    EXPECT_LE(extent.attribute("cy").as_llong(), height) << extra << " more people";
  }
}

TEST(DocxRenderer, TextHoldsChaptersFacilityDateAndEveryTableRow) {
  core::Plan plan = core::demo_plan();
  std::string document = zip_entry(docx_of(plan), "word/document.xml");
  std::string text = xml_text(document, "w:t");
  for (const char* heading :
       {"第１章　総則", "策定目的", "基本方針", "対象範囲", "想定する事象", "文書の管理および周知",
        "第２章　体制整備", "情報機器台帳", "代替運用", "バックアップ体制",
        "第３章　サイバーインシデント発生時の対応", "初動対応", "発生事象の発見・報告",
        "業務継続対応", "診療可否の判断と診療形態の決定", "附則", "別紙１　連絡体制図",
        "別紙２　情報機器台帳"}) {
    EXPECT_CONTAINS(text, heading);
  }
  EXPECT_CONTAINS(text, plan.facility.name);
  EXPECT_CONTAINS(
      text, "本ＢＣＰは、" + core::format_wareki(*plan.facility.effective_date) + "から施行する。");
  for (const core::FallbackOperation& f : plan.fallbacks) {
    EXPECT_CONTAINS(text, f.business);
    EXPECT_CONTAINS(text, f.fallback);
  }
  for (const core::BackupPlan& b : plan.backups) {
    EXPECT_CONTAINS(text, b.method);
    EXPECT_CONTAINS(text, b.restore_method);
  }
}

TEST(DocxRenderer, UsesRealHeadingsNumberingTablesAndLandscapeSections) {
  std::string docx = docx_of(core::demo_plan());
  std::string document = zip_entry(docx, "word/document.xml");
  EXPECT_CONTAINS(document, "<w:pStyle w:val=\"Heading1\"/>");
  EXPECT_CONTAINS(document, "<w:pStyle w:val=\"Heading2\"/>");
  EXPECT_CONTAINS(document, "<w:pStyle w:val=\"Heading3\"/>");
  EXPECT_CONTAINS(document, "<w:tblHeader/>");  // header row repeats on each page
  EXPECT_CONTAINS(document, "<w:cantSplit/>");
  EXPECT_CONTAINS(document, "w:orient=\"landscape\"");
  EXPECT_CONTAINS(document, "TOC \\o");
  EXPECT_CONTAINS(document, "<w:numPr>");
  std::string numbering = zip_entry(docx, "word/numbering.xml");
  EXPECT_CONTAINS(numbering, "decimalEnclosedCircle");  // ①
  EXPECT_CONTAINS(numbering, "（%3）");                 // （１）
  std::string styles = zip_entry(docx, "word/styles.xml");
  EXPECT_CONTAINS(styles, "<w:outlineLvl w:val=\"0\"/>");
  std::string footer = zip_entry(docx, "word/footer1.xml");
  EXPECT_CONTAINS(footer, "NUMPAGES");
  EXPECT_CONTAINS(footer, core::demo_plan().facility.name);
}

TEST(DocxRenderer, BlanksAreShadedFieldsNotPlaceholders) {
  std::string document = zip_entry(docx_of(core::template_plan("")), "word/document.xml");
  std::string text = xml_text(document, "w:t");
  EXPECT_EQ(text.find("〇〇"), std::string::npos);
  EXPECT_EQ(text.find("○○"), std::string::npos);
  EXPECT_CONTAINS(text, "令和＿＿年＿＿月＿＿日から施行する。");
  EXPECT_CONTAINS(document, "<w:rStyle w:val=\"Blank\"/>");
}

TEST(DocxRenderer, EscapesPlanText) {
  core::Plan plan = core::demo_plan();
  plan.facility.name = "<医院> & \"診療所\" 'A'";
  std::string docx = docx_of(plan);
  for (const char* part : {"word/document.xml", "word/footer1.xml", "docProps/core.xml"}) {
    std::string bytes = zip_entry(docx, part);
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_buffer(bytes.data(), bytes.size())) << part;
  }
  EXPECT_CONTAINS(zip_entry(docx, "word/document.xml"), "&lt;医院&gt; &amp; &quot;診療所&quot;");
}

}  // namespace
}  // namespace medbcp::doc
