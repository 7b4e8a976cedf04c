// Fuzzes the plan-template language (templates/bcp-ja.md, edited by medical
// associations): any text parses to a template or to problems with line
// numbers, and a template that parses fills with the demo clinic's plan and
// renders to HTML without failing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/demo_plan.h"
#include "doc/html_renderer.h"
#include "doc/plan_document.h"
#include "doc/template_parser.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace doc = medbcp::doc;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  doc::TemplateParse parsed = doc::parse_template(text);
  for (const auto& p : parsed.problems) {
    FUZZ_CHECK(!p.message.empty());
    FUZZ_CHECK(p.row >= 0);
  }
  if (!parsed.ok()) return 0;
  static const medbcp::core::Plan plan = medbcp::core::demo_plan();
  doc::Document document = doc::build_plan_document(plan, parsed.tmpl);
  doc::render_html(document);
  return 0;
}
