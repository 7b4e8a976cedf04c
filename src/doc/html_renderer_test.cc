// The HTML must be valid HTML5. Until an external validator (html-validate
// from npm) runs in CI, these tests check the structure here: one doctype,
// balanced elements, no end tags for void elements, quoted attributes,
// unique ids, every link target present, and escaped plan text.
#include "doc/html_renderer.h"

#include <gtest/gtest.h>

#include <set>

#include "core/demo_plan.h"
#include "core/plan_template.h"
#include "doc/plan_document.h"
#include "doc/template_parser.h"

namespace medbcp::doc {
namespace {

#define EXPECT_CONTAINS(text, phrase) \
  EXPECT_TRUE((text).find(phrase) != std::string::npos) << "missing: " << (phrase)

std::string html_of(const core::Plan& plan) {
  return render_html(build_plan_document(plan, parse_template(default_template_text()).tmpl));
}

struct Structure {
  std::vector<std::string> errors;
  std::set<std::string> ids;
  std::vector<std::string> links;  // href="#…"
  std::map<std::string, int> counts;
};

// A small HTML5 tokenizer, strict about what our writer produces.
Structure check_structure(const std::string& html) {
  static const std::set<std::string> kVoid = {"area",   "base",  "br",    "col",  "embed",
                                              "hr",     "img",   "input", "link", "meta",
                                              "source", "track", "wbr"};
  Structure s;
  std::vector<std::string> open;
  std::size_t i = 0;
  if (!html.starts_with("<!DOCTYPE html>")) s.errors.push_back("no <!DOCTYPE html> first");
  i = html.find('>') + 1;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string::npos) break;
    std::size_t gt = html.find('>', lt);
    if (gt == std::string::npos) {
      s.errors.push_back("unterminated tag");
      break;
    }
    std::string tag = html.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (tag.starts_with("!--")) continue;
    if (tag.starts_with("!")) {
      s.errors.push_back("second doctype or markup declaration");
      continue;
    }
    bool closing = tag.starts_with("/");
    bool self_closing = tag.ends_with("/");
    std::string body =
        tag.substr(closing ? 1 : 0, tag.size() - (closing ? 1 : 0) - (self_closing ? 1 : 0));
    std::string name = body.substr(0, body.find_first_of(" \n"));
    if (name.empty()) {
      s.errors.push_back("empty tag name near " + std::to_string(lt));
      continue;
    }
    if (closing) {
      if (kVoid.count(name)) s.errors.push_back("end tag for void element " + name);
      if (open.empty() || open.back() != name) {
        s.errors.push_back("</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">");
        continue;
      }
      open.pop_back();
      continue;
    }
    ++s.counts[name];
    // Attributes: name="value" pairs only.
    std::size_t a = name.size();
    while (a < body.size()) {
      while (a < body.size() && body[a] == ' ') ++a;
      if (a >= body.size()) break;
      std::size_t eq = body.find('=', a);
      if (eq == std::string::npos || body[eq + 1] != '"') {
        s.errors.push_back("unquoted attribute in <" + name + ">");
        break;
      }
      std::string attr = body.substr(a, eq - a);
      std::size_t end = body.find('"', eq + 2);
      std::string value = body.substr(eq + 2, end - eq - 2);
      if (attr == "id" && !s.ids.insert(value).second) s.errors.push_back("duplicate id " + value);
      if (attr == "href" && value.starts_with("#")) s.links.push_back(value.substr(1));
      a = end + 1;
    }
    bool in_svg = std::find(open.begin(), open.end(), "svg") != open.end() || name == "svg";
    if (self_closing && !in_svg && !kVoid.count(name))
      s.errors.push_back("self-closing <" + name + "/>");
    if (kVoid.count(name) || (self_closing && in_svg)) continue;
    open.push_back(name);
    if (name == "style" || name == "script") {  // raw text up to the end tag
      std::size_t end = html.find("</" + name + ">", i);
      if (end == std::string::npos) {
        s.errors.push_back("unterminated <" + name + ">");
        break;
      }
      i = end;
    }
  }
  if (!open.empty()) s.errors.push_back("unclosed <" + open.back() + ">");
  return s;
}

TEST(HtmlRenderer, IsStructurallyValidHtml5) {
  std::string html = html_of(core::demo_plan());
  Structure s = check_structure(html);
  for (const std::string& e : s.errors) ADD_FAILURE() << e;
  EXPECT_EQ(s.counts["html"], 1);
  EXPECT_EQ(s.counts["head"], 1);
  EXPECT_EQ(s.counts["body"], 1);
  EXPECT_EQ(s.counts["title"], 1);
  EXPECT_EQ(s.counts["main"], 1);
  EXPECT_CONTAINS(html, "<html lang=\"ja\">");
  EXPECT_CONTAINS(html, "<meta charset=\"utf-8\">");
  for (const std::string& target : s.links)
    EXPECT_TRUE(s.ids.count(target)) << "link to missing #" << target;
  EXPECT_GT(s.links.size(), 10u);  // the contents
}

TEST(HtmlRenderer, HoldsTheSameContentAsThePdf) {
  core::Plan plan = core::demo_plan();
  std::string html = html_of(plan);
  for (const char* heading : {"総則", "体制整備", "サイバーインシデント発生時の対応", "附則",
                              "連絡体制図", "情報機器台帳"})
    EXPECT_CONTAINS(html, heading);
  for (const core::FallbackOperation& f : plan.fallbacks) EXPECT_CONTAINS(html, f.fallback);
  for (const core::Device& d : plan.devices) EXPECT_CONTAINS(html, d.asset_number);
  EXPECT_CONTAINS(html, "<svg");  // 別紙１ as a drawing
  EXPECT_CONTAINS(html, plan.officer.name);
}

TEST(HtmlRenderer, PrintsOnA4WithLandscapeSheetsAndAFooter) {
  core::Plan plan = core::demo_plan();
  std::string html = html_of(plan);
  EXPECT_CONTAINS(html, "size: A4;");
  EXPECT_CONTAINS(html, "size: A4 landscape;");
  EXPECT_CONTAINS(html, "<section class=\"sheet landscape\">");
  EXPECT_CONTAINS(html, "counter(page)");
  EXPECT_CONTAINS(html, "content: \"" + plan.facility.name + "\"");
}

TEST(HtmlRenderer, EscapesEverythingFromThePlan) {
  core::Plan plan = core::demo_plan();
  plan.facility.name = "</style><script>alert(\"x\")</script> & 'q'";
  plan.fallbacks[0].business = "<b>太字</b>";
  std::string html = html_of(plan);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_CONTAINS(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
  EXPECT_CONTAINS(html, "&lt;b&gt;太字&lt;/b&gt;");
  // Inside the CSS footer the name cannot end the <style> element either.
  std::size_t style_end = html.find("</style>");
  EXPECT_EQ(html.rfind("</style>"), style_end) << "a second </style>";
  Structure s = check_structure(html);
  for (const std::string& e : s.errors) ADD_FAILURE() << e;
}

TEST(HtmlRenderer, BlanksAreMarkedFields) {
  std::string html = html_of(core::template_plan(""));
  EXPECT_CONTAINS(html, "<span class=\"blank\" title=\"未記入\">＿＿");
  EXPECT_EQ(html.find("〇〇"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::doc
