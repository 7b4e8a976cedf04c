// A parsed plan template: the small, readable language of templates/bcp-ja.md
// (markdown-like headings, paragraphs and lists, {{field}} placeholders and
// {{directive}} lines for the plan's lists, tables and the contact chart).
// template_parser.h makes it from text; plan_document.h fills it with a plan.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace medbcp::doc {

// A piece of a line of template text.
struct TemplatePiece {
  enum class Kind { Literal, Field, Blank };
  Kind kind = Kind::Literal;
  std::string text;  // Literal: the text; Field: the field name ("facility.name")
  int width = 6;     // Blank: width in full-width characters
};

using TemplateText = std::vector<TemplatePiece>;

struct TemplateBlock {
  enum class Kind {
    Heading,      // level 1–3; text = the title
    Paragraph,    // text; style decided by the builder (【…】 lines are remarks)
    Note,         // "> " lines
    CircledList,  // "1. " items → ①②
    ParenList,    // "(1) " items → （１）（２）
    BulletList,   // "- " items → ・
    Directive,    // {{list systems}}, {{table fallbacks}}, {{chart contacts}}
    PageBreak,    // {{page}} / {{page landscape}}
  };
  Kind kind = Kind::Paragraph;
  int line = 0;                             // 1-based line of the block's first line (for messages)
  int level = 0;                            // Heading
  TemplateText text;                        // Heading, Paragraph, Note
  std::vector<TemplateText> items;          // lists
  std::string directive;                    // "list", "table", "chart"
  std::string subject;                      // "systems", "fallbacks", "contacts"
  std::map<std::string, std::string> args;  // caption="…", columns="a b c"
  bool landscape = false;                   // PageBreak
};

struct Template {
  std::map<std::string, std::string> meta;  // front matter: title, subtitle, source
  std::vector<TemplateBlock> blocks;
};

}  // namespace medbcp::doc
