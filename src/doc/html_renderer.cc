#include "doc/html_renderer.h"

#include <cstdio>

#include "core/markup_escape.h"
#include "doc/contact_chart_layout.h"
#include "doc/markup.h"
#include "doc/svg_chart.h"

namespace medbcp::doc {
namespace {

// The chart is laid out for the content area of a landscape A4 page (pt).
constexpr double kChartWidth = 760;
constexpr double kChartHeight = 430;

const char* kStyle = R"css(
:root {
  --ink: #21293a; --muted: #5b6b7f; --navy: #1f3a5f; --navy-tint: #e3eaf3;
  --rule: #9aa5b1; --stripe: #f6f8fb; --blank: #fff4cf;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: var(--ink); font-size: 10.5pt; line-height: 1.75;
  font-family: "Noto Serif CJK JP", "Noto Serif JP", "IPAexMincho", "Hiragino Mincho ProN",
    "Yu Mincho", serif;
}
h1, h2, h3, caption, table.data, .cover, .toc, .marker, .footer-note, p.remark {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans",
    "Yu Gothic", sans-serif;
}
h1 { font-size: 17pt; color: var(--navy); margin: 0 0 10pt; padding-bottom: 4pt;
  border-bottom: 1.5pt solid var(--navy); line-height: 1.4; break-after: avoid; }
h2 { font-size: 12.5pt; color: var(--navy); margin: 16pt 0 4pt; line-height: 1.4; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 2pt 1em; line-height: 1.4; break-after: avoid; }
h2 .num, h1 .num { margin-right: 0.5em; }
p { margin: 0 0 6pt; text-indent: 1em; }
section > p, section > ol, section > ul { margin-left: 1em; }
p.remark { text-indent: 0; font-weight: bold; color: var(--navy); }
p.note { text-indent: 0; border: 0.75pt solid var(--rule); background: var(--stripe);
  padding: 6pt 10pt; border-radius: 3pt; }
ol.marked, ul.marked { list-style: none; padding: 0; margin: 2pt 0 8pt 1em; }
ol.marked li, ul.marked li { padding-left: 2.2em; text-indent: -2.2em; margin: 0 0 2pt; }
.marker { display: inline-block; width: 2.2em; text-indent: 0; color: var(--navy); }
.blank { background: var(--blank); color: #7a8496; border-radius: 2pt; padding: 0 1pt; }
table.data { width: 100%; border-collapse: collapse; margin: 4pt 0 14pt; font-size: 9pt;
  line-height: 1.5; page-break-inside: auto; }
table.data.compact { font-size: 7.5pt; }
table.data caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt;
  color: var(--navy); padding-bottom: 3pt; }
table.data th { background: var(--navy-tint); color: var(--navy); font-weight: bold;
  border: 0.75pt solid var(--rule); padding: 3pt 5pt; text-align: left; }
table.data td { border: 0.75pt solid var(--rule); padding: 3pt 5pt; vertical-align: top; }
table.data tbody tr:nth-child(even) td { background: var(--stripe); }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; }
figure { margin: 0 0 8pt; }
figure figcaption { font-weight: bold; font-size: 9.5pt; color: var(--navy);
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", sans-serif; }
svg.chart { width: 100%; height: auto; display: block; }
.cover { display: flex; flex-direction: column; min-height: 250mm; padding-top: 40mm; }
.cover .sub { font-size: 14pt; color: var(--muted); margin: 0; text-indent: 0; }
.cover .title { font-size: 30pt; font-weight: bold; color: var(--navy); margin: 0 0 6pt;
  text-indent: 0; line-height: 1.3; }
.cover .rule { height: 3pt; width: 60mm; background: var(--navy); margin: 8pt 0 28pt; }
.cover .facility { font-size: 20pt; font-weight: bold; margin: 0 0 24pt; text-indent: 0; }
.cover table { border-collapse: collapse; font-size: 10pt; }
.cover table.facts th { text-align: left; color: var(--muted); font-weight: normal;
  padding: 4pt 16pt 4pt 0; border-bottom: 0.5pt solid #d5dbe3; }
.cover table.facts td { padding: 4pt 0; border-bottom: 0.5pt solid #d5dbe3; min-width: 80mm; }
.cover .bottom { margin-top: auto; }
.cover table.approval { margin: 0 0 14pt auto; }
.cover table.approval th { border: 0.75pt solid var(--rule); background: var(--navy-tint);
  font-weight: normal; padding: 2pt 0; width: 22mm; text-align: center; }
.cover table.approval td { border: 0.75pt solid var(--rule); height: 22mm; }
.cover .source { font-size: 8pt; color: var(--muted); text-indent: 0; }
.toc h1 { border: none; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0; }
.toc li.l1 { font-weight: bold; margin-top: 8pt; }
.toc li.l2 { padding-left: 2em; font-size: 10pt; }
.toc a { color: inherit; text-decoration: none; }
.footer-note { display: none; }
@page { size: A4; margin: 22mm 20mm 22mm 22mm;
  @bottom-left { content: "__FACILITY__"; font-size: 8pt; color: #5b6b7f; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b6b7f; }
  @bottom-right { content: "__EDITION__"; font-size: 8pt; color: #5b6b7f; } }
@page landscape { size: A4 landscape; margin: 16mm 18mm 18mm 18mm; }
@page cover { @bottom-left { content: none; } @bottom-center { content: none; }
  @bottom-right { content: none; } }
@media print {
  .cover { page: cover; min-height: 0; height: 250mm; }
  section.sheet { break-before: page; }
  section.landscape { page: landscape; }
  .toc a::after { content: leader(".") target-counter(attr(href), page); }
}
@media screen {
  body { background: #e9edf2; padding: 12mm 0; }
  section.sheet, .cover { background: #fff; width: 210mm; margin: 0 auto 10mm; padding: 22mm 20mm 22mm 22mm;
    box-shadow: 0 1px 4px rgba(0,0,0,.18); }
  .cover { min-height: 297mm; }
  section.landscape { width: 297mm; padding: 16mm 18mm; }
  .footer-note { display: block; font-size: 8pt; color: var(--muted); text-align: right;
    margin-top: 10mm; border-top: 0.5pt solid #d5dbe3; padding-top: 2pt; }
}
)css";

class HtmlWriter {
 public:
  explicit HtmlWriter(const Document& doc) : doc_(doc) {}

  std::string run() {
    std::string style = kStyle;
    replace(style, "__FACILITY__", escape_css_string(to_plain(doc_.facility_name)));
    replace(style, "__EDITION__", escape_css_string(doc_.edition_line()));
    out_ += "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + esc(doc_.title) + "｜" + esc(to_plain(doc_.facility_name)) + "</title>\n";
    out_ += "<style>" + style + "</style>\n</head>\n<body>\n";
    cover();
    toc();
    body();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  static void replace(std::string& s, const std::string& what, const std::string& with) {
    if (auto pos = s.find(what); pos != std::string::npos) s.replace(pos, what.size(), with);
  }
  static std::string esc(std::string_view s) { return core::escape_markup(s); }

  std::string text(const Text& t) {
    std::string out;
    for (const Span& s : t) {
      if (s.kind == Span::Kind::Blank)
        out += "<span class=\"blank\" title=\"未記入\">" + blank_text(s.width) + "</span>";
      else
        out += esc(s.text);
    }
    return out;
  }

  void cover() {
    out_ += "<header class=\"cover\">\n";
    if (!doc_.subtitle.empty()) out_ += "<p class=\"sub\">" + esc(doc_.subtitle) + "</p>\n";
    out_ += "<p class=\"title\">" + esc(doc_.title) + "</p>\n<div class=\"rule\"></div>\n";
    out_ += "<p class=\"facility\">" + text(doc_.facility_name) + "</p>\n";
    out_ += "<table class=\"facts\">\n<tbody>\n";
    for (const CoverFact& f : doc_.cover_facts)
      out_ +=
          "<tr><th scope=\"row\">" + esc(f.label) + "</th><td>" + text(f.value) + "</td></tr>\n";
    out_ += "</tbody>\n</table>\n<div class=\"bottom\">\n<table class=\"approval\">\n<thead><tr>";
    for (const char* who : {"作成", "確認", "承認"})
      out_ += std::string("<th scope=\"col\">") + who + "</th>";
    out_ += "</tr></thead>\n<tbody><tr><td></td><td></td><td></td></tr></tbody>\n</table>\n";
    if (!doc_.source_note.empty())
      out_ += "<p class=\"source\">" + esc(doc_.source_note) + "</p>\n";
    out_ += "</div>\n</header>\n";
  }

  void toc() {
    out_ += "<nav class=\"toc sheet\" aria-label=\"目次\">\n<h1>目次</h1>\n<ol>\n";
    for (const Heading* h : doc_.headings(2)) {
      out_ += "<li class=\"l" + std::to_string(h->level) + "\"><a href=\"#" + esc(h->anchor) +
              "\">" + esc(h->full_title()) + "</a></li>\n";
    }
    out_ += "</ol>\n</nav>\n";
  }

  void open_sheet(bool landscape) {
    if (open_ && out_.size() == sheet_content_) {
      out_.resize(sheet_start_);  // nothing on this sheet yet: just turn it
    } else if (open_) {
      close_sheet();
    }
    sheet_start_ = out_.size();
    out_ += landscape ? "<section class=\"sheet landscape\">\n" : "<section class=\"sheet\">\n";
    sheet_content_ = out_.size();
    open_ = true;
  }
  void close_sheet() {
    out_ += "<p class=\"footer-note\">" + text(doc_.facility_name) + "　" +
            esc(doc_.edition_line()) + "</p>\n</section>\n";
    open_ = false;
  }

  void body() {
    out_ += "<main>\n";
    open_sheet(false);
    for (const Block& b : doc_.blocks) std::visit([this](const auto& v) { block(v); }, b);
    close_sheet();
    out_ += "</main>\n";
  }

  void block(const Heading& h) {
    const char* tag = h.level <= 1 ? "h1" : h.level == 2 ? "h2" : "h3";
    out_.append("<").append(tag).append(" id=\"").append(esc(h.anchor)).append("\">");
    if (!h.number.empty())
      out_.append("<span class=\"num\">").append(esc(h.number)).append("</span>");
    out_.append(esc(h.title)).append("</").append(tag).append(">\n");
  }

  void block(const Paragraph& p) {
    const char* cls = p.style == Paragraph::Style::Note     ? " class=\"note\""
                      : p.style == Paragraph::Style::Remark ? " class=\"remark\""
                                                            : "";
    out_ += std::string("<p") + cls + ">" + text(p.text) + "</p>\n";
  }

  void block(const List& l) {
    const char* tag = l.marker == List::Marker::Bullet ? "ul" : "ol";
    out_ += std::string("<") + tag + " class=\"marked\">\n";
    for (std::size_t i = 0; i < l.items.size(); ++i)
      out_ += "<li><span class=\"marker\">" + esc(l.marker_text(i)) + "</span>" + text(l.items[i]) +
              "</li>\n";
    out_ += std::string("</") + tag + ">\n";
  }

  void block(const Table& t) {
    out_ += std::string("<table class=\"data") + (t.compact ? " compact" : "") + "\" data-name=\"" +
            esc(t.name) + "\">\n";
    if (!t.caption.empty()) out_ += "<caption>" + esc(t.caption) + "</caption>\n";
    double total = 0;
    for (const Column& c : t.columns) total += c.weight;
    out_ += "<colgroup>";
    for (const Column& c : t.columns) {
      char w[32];
      std::snprintf(w, sizeof w, "%.1f%%", total > 0 ? 100 * c.weight / total : 0);
      out_ += std::string("<col style=\"width:") + w + "\">";
    }
    out_ += "</colgroup>\n<thead><tr>";
    for (const Column& c : t.columns) out_ += "<th scope=\"col\">" + esc(c.header) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out_ += "<tr>";
      for (const Text& cell : row) out_ += "<td>" + text(cell) + "</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }

  void block(const Figure& f) {
    out_ += "<figure>\n";
    if (!f.caption.empty()) out_ += "<figcaption>" + esc(f.caption) + "</figcaption>\n";
    out_ += contact_chart_svg(layout_contact_chart(f.chart, kChartWidth, kChartHeight));
    out_ += "</figure>\n";
  }

  void block(const PageBreak& p) { open_sheet(p.orientation == PageBreak::Orientation::Landscape); }

  const Document& doc_;
  std::string out_;
  bool open_ = false;
  std::size_t sheet_start_ = 0;    // where the open <section> begins
  std::size_t sheet_content_ = 0;  // where its content begins
};

}  // namespace

std::string render_html(const Document& doc) { return HtmlWriter(doc).run(); }

}  // namespace medbcp::doc
