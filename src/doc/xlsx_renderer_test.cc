#include "doc/xlsx_renderer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "core/demo_plan.h"
#include "core/plan_template.h"
#include "doc/plan_document.h"
#include "doc/render_test_util.h"
#include "doc/template_parser.h"

namespace medbcp::doc {
namespace {

using namespace testing;

#define EXPECT_CONTAINS(text, phrase) \
  EXPECT_TRUE((text).find(phrase) != std::string::npos) << "missing: " << (phrase)

std::string xlsx_of(const core::Plan& plan) {
  return render_xlsx(build_plan_document(plan, parse_template(default_template_text()).tmpl));
}

TEST(XlsxRenderer, LedgerSheetComesFirstWithEveryDevice) {
  core::Plan plan = core::demo_plan();
  std::string xlsx = xlsx_of(plan);
  std::string workbook = zip_entry(xlsx, "xl/workbook.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_buffer(workbook.data(), workbook.size()));
  pugi::xml_node first = xml.child("workbook").child("sheets").first_child();
  EXPECT_STREQ(first.attribute("name").value(), "情報機器台帳");
  std::string strings = xml_text(zip_entry(xlsx, "xl/sharedStrings.xml"), "t");
  for (const core::Device& d : plan.devices) EXPECT_CONTAINS(strings, d.asset_number);
  for (const char* header : {"管理番号", "機器名", "設置場所", "保守業者", "最終棚卸日"})
    EXPECT_CONTAINS(strings, header);
  for (const core::FallbackOperation& f : plan.fallbacks) EXPECT_CONTAINS(strings, f.fallback);
}

TEST(XlsxRenderer, PrintsA4LandscapeWithFrozenRepeatedHeader) {
  std::string xlsx = xlsx_of(core::demo_plan());
  std::string sheet = zip_entry(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_CONTAINS(sheet, "orientation=\"landscape\"");
  EXPECT_CONTAINS(sheet, "paperSize=\"9\"");
  EXPECT_CONTAINS(sheet, "fitToHeight=\"0\"");
  EXPECT_CONTAINS(sheet, "state=\"frozen\"");
  EXPECT_CONTAINS(sheet, "topLeftCell=\"A5\"");  // rows 1–4 (titles and header) stay
  EXPECT_CONTAINS(zip_entry(xlsx, "xl/workbook.xml"), "_xlnm.Print_Titles");
}

TEST(XlsxRenderer, BlanksAreVisible) {
  std::string strings =
      xml_text(zip_entry(xlsx_of(core::template_plan("")), "xl/sharedStrings.xml"), "t");
  EXPECT_CONTAINS(strings, "＿＿＿");
  EXPECT_EQ(strings.find("〇〇"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::doc
