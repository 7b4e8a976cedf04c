// The document model every renderer draws from: headings, paragraphs,
// numbered and bulleted lists, tables, the contact-chart figure and page
// breaks, plus the few facts the cover and the footer need. It knows nothing
// about plans or templates (plan_document.h builds it) nor about file formats
// (the *_renderer.h files turn it into PDF, HTML, DOCX and XLSX).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "doc/contact_chart.h"

namespace medbcp::doc {

// A run of text, or a blank the reader fills in by hand. Blanks are kept
// distinct so every renderer can make them unmistakable (an underlined,
// tinted field) instead of printing a stray 〇〇 or an empty-looking cell.
struct Span {
  enum class Kind { Text, Blank };
  Kind kind = Kind::Text;
  std::string text;  // Text: the words. Blank: unused.
  int width = 6;     // Blank: width in full-width characters.

  friend bool operator==(const Span&, const Span&) = default;
};

using Text = std::vector<Span>;

Text plain(std::string text);
Text blank(int width = 6);
// The blank as printed characters: width × "＿" (U+FF3F FULLWIDTH LOW LINE),
// which also survives text extraction, so a test or a reader of the plain
// text still sees a field to fill.
std::string blank_text(int width);
// Text with every blank replaced by blank_text(width).
std::string to_plain(const Text& text);
bool has_blank(const Text& text);
bool is_empty(const Text& text);
// Appends `more` to `text`, merging neighbouring text runs.
void append(Text& text, const Text& more);
void append(Text& text, std::string more);

// 見出し. level 1 = 章 (第１章, 附則, 別紙), 2 = 節 (１　策定目的),
// 3 = 項 (（１）発見・報告). `number` is already formatted, may be empty.
struct Heading {
  int level = 1;
  std::string number;
  std::string title;
  std::string anchor;  // unique id for links and bookmarks, e.g. "h3"

  std::string full_title() const;  // number + "　" + title, or title
};

struct Paragraph {
  enum class Style {
    Body,    // ordinary paragraph, first line indented one character
    Note,    // a remark in a box (※ …)
    Remark,  // a short line such as 【別紙１・連絡体制図参照】, not indented
  };
  Style style = Style::Body;
  Text text;
};

// A list whose markers the builder chose: ①②… for 対象範囲 and 想定事象,
// （１）（２） for 基本方針, ・ for the three facts of a first report.
struct List {
  enum class Marker { Circled, Paren, Bullet };
  Marker marker = Marker::Circled;
  std::vector<Text> items;

  std::string marker_text(std::size_t index) const;  // "①", "（１）", "・"
};

struct Column {
  std::string header;
  double weight = 1;  // relative width
  enum class Align { Start, Center };
  Align align = Align::Start;
};

struct Table {
  std::string name;     // stable key: "fallbacks", "backups", "devices", …
  std::string caption;  // 表１　業務内容に対する代替手段
  std::vector<Column> columns;
  std::vector<std::vector<Text>> rows;
  bool compact = false;  // small type, for wide ledgers
};

struct Figure {
  std::string caption;
  ContactChart chart;
};

// Starts a new page; the orientation holds until the next page break.
struct PageBreak {
  enum class Orientation { Portrait, Landscape };
  Orientation orientation = Orientation::Portrait;
};

using Block = std::variant<Heading, Paragraph, List, Table, Figure, PageBreak>;

struct CoverFact {
  std::string label;  // 版数, 施行日, …
  Text value;
};

struct Document {
  std::string title;     // 事業継続計画（ＢＣＰ）
  std::string subtitle;  // サイバー攻撃を想定した
  Text facility_name;
  std::string edition;  // 第１版
  Text effective_date;  // 令和６年４月１日, or blanks
  std::vector<CoverFact> cover_facts;
  std::string source_note;  // provenance printed on the cover
  std::vector<Block> blocks;

  // Headings of level ≤ max_level, in order (the table of contents).
  std::vector<const Heading*> headings(int max_level = 2) const;
  // The footer line "第１版　令和６年４月１日施行".
  std::string edition_line() const;
};

}  // namespace medbcp::doc
