// WordprocessingML written by hand. Element order inside *Pr elements follows
// the schema (Word refuses files that break it, LibreOffice does not), so
// each property list below is written in schema order.
#include "doc/docx_renderer.h"

#include <algorithm>
#include <cstdio>

#include "core/markup_escape.h"
#include "doc/cairo_chart.h"
#include "doc/contact_chart_layout.h"
#include "doc/markup.h"
#include "doc/table_widths.h"
#include "doc/zip_writer.h"

namespace medbcp::doc {
namespace {

// Page geometry in twips (1/20 pt).
constexpr int kA4Short = 11906, kA4Long = 16838;
struct Section {
  int width, height, top, bottom, left, right;
  int content() const { return width - left - right; }
};
constexpr Section kPortrait{kA4Short, kA4Long, 1247, 1247, 1304, 1191};
constexpr Section kLandscape{kA4Long, kA4Short, 907, 964, 964, 964};

constexpr const char* kMincho = "游明朝";
constexpr const char* kGothic = "游ゴシック";

// Numbering definitions (numbering.xml): 0 = headings (章 none, 節 １, 項 （１）),
// 1 = ①, 2 = （１）, 3 = ・. Lists get their own w:num so each restarts at 1.
constexpr int kHeadingNum = 1;

std::string esc(std::string_view s) { return core::escape_markup(s); }

std::string text_run(std::string_view text, const std::string& rpr = {}) {
  std::string out = "<w:r>";
  if (!rpr.empty()) out += "<w:rPr>" + rpr + "</w:rPr>";
  out += "<w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
  return out;
}

std::string runs(const Text& text, const std::string& rpr = {}) {
  std::string out;
  for (const Span& s : text) {
    if (s.kind == Span::Kind::Blank) {
      // The Blank character style shades the ＿＿＿ field to fill by hand.
      out += text_run(blank_text(s.width), "<w:rStyle w:val=\"Blank\"/>" + rpr);
    } else if (!s.text.empty()) {
      out += text_run(s.text, rpr);
    }
  }
  return out;
}

std::string paragraph(const std::string& style, const std::string& content,
                      const std::string& more_ppr = {}) {
  std::string out = "<w:p><w:pPr>";
  if (!style.empty()) out += "<w:pStyle w:val=\"" + style + "\"/>";
  out += more_ppr + "</w:pPr>" + content + "</w:p>";
  return out;
}

std::string field(const char* instruction, const char* shown) {
  return std::string(
             "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
             "xml:space=\"preserve\"> ") +
         instruction +
         " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>" +
         shown + "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
}

const char* kNamespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

std::string styles_xml() {
  auto fonts = [](const char* face) {
    return std::string("<w:rFonts w:ascii=\"") + face + "\" w:eastAsia=\"" + face +
           "\" w:hAnsi=\"" + face + "\" w:cs=\"" + face + "\"/>";
  };
  std::string s =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr>)" +
      fonts(kMincho) +
      R"(<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="80" w:line="400" w:lineRule="auto"/><w:ind w:leftChars="100" w:left="210" w:firstLineChars="100" w:firstLine="210"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Remark"><w:name w:val="Remark"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="120"/><w:ind w:leftChars="100" w:left="210"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="A7B1BD"/><w:left w:val="single" w:sz="4" w:space="4" w:color="A7B1BD"/><w:bottom w:val="single" w:sz="4" w:space="4" w:color="A7B1BD"/><w:right w:val="single" w:sz="4" w:space="4" w:color="A7B1BD"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F6F8FB"/><w:spacing w:before="120" w:after="160"/><w:ind w:left="300" w:right="100"/></w:pPr><w:rPr><w:sz w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40" w:line="380" w:lineRule="auto"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:numId w:val="1"/></w:numPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="1F3A5F"/></w:pBdr><w:spacing w:before="360" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="280" w:after="80" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="160" w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:leftChars="100" w:left="210"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:sz w:val="21"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="60"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="2400" w:after="60"/><w:jc w:val="left"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:color w:val="5B6B7F"/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CoverFacility"><w:name w:val="Cover Facility"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:top w:val="single" w:sz="24" w:space="12" w:color="1F3A5F"/></w:pBdr><w:spacing w:before="200" w:after="600" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:sz w:val="42"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CoverNote"><w:name w:val="Cover Note"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="600"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:color w:val="5B6B7F"/><w:sz w:val="15"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="1F3A5F"/></w:pBdr><w:spacing w:after="360" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9401"/></w:tabs><w:spacing w:before="160"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9401"/></w:tabs><w:ind w:leftChars="200" w:left="420"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:jc w:val="left"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr>)" +
      fonts(kGothic) + R"(<w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="TableText"/><w:qFormat/><w:rPr><w:b/><w:color w:val="1F3A5F"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr>)" +
      fonts(kGothic) + R"(<w:color w:val="5B6B7F"/><w:sz w:val="15"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Blank"><w:name w:val="Blank Field"/><w:qFormat/><w:rPr><w:color w:val="7F8C9E"/><w:shd w:val="clear" w:color="auto" w:fill="FFF1C4"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
)";
  return s;
}

std::string numbering_level(int ilvl, const char* fmt, const char* text, int left, int hanging,
                            const char* pstyle = nullptr) {
  std::string out = "<w:lvl w:ilvl=\"" + std::to_string(ilvl) +
                    "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt + "\"/>";
  if (pstyle) out += std::string("<w:pStyle w:val=\"") + pstyle + "\"/>";
  out += std::string("<w:suff w:val=\"nothing\"/><w:lvlText w:val=\"") + text +
         "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" + std::to_string(left) +
         "\" w:hanging=\"" + std::to_string(hanging) + "\"/></w:pPr></w:lvl>";
  return out;
}

class DocxWriter {
 public:
  explicit DocxWriter(const Document& doc) : doc_(doc) {}

  std::string run() {
    body_ += "<w:body>";
    cover();
    contents();
    landscape_ = false;
    for (const Block& b : doc_.blocks) std::visit([this](const auto& v) { block(v); }, b);
    body_ += section_properties(landscape_, true) + "</w:body>";

    ZipWriter zip;
    zip.add("[Content_Types].xml", content_types());
    zip.add("_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>)");
    zip.add("docProps/core.xml", core_properties());
    zip.add("docProps/app.xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>medbcp</Application></Properties>)");
    zip.add(
        "word/document.xml",
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document") +
            kNamespaces + ">" + body_ + "</w:document>");
    zip.add("word/styles.xml", styles_xml());
    zip.add("word/numbering.xml", numbering_xml());
    zip.add("word/settings.xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)");
    zip.add("word/footer1.xml", footer(kPortrait));
    zip.add("word/footer2.xml", footer(kLandscape));
    zip.add("word/_rels/document.xml.rels", relationships());
    for (std::size_t i = 0; i < images_.size(); ++i)
      zip.add("word/media/chart" + std::to_string(i + 1) + ".png", std::move(images_[i]));
    return zip.finish();
  }

 private:
  // --- packaging -------------------------------------------------------------
  std::string content_types() const {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>)";
  }

  std::string core_properties() const {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>)" +
           esc(doc_.title + "　" + to_plain(doc_.facility_name)) + "</dc:title><dc:subject>" +
           esc(doc_.subtitle) + "</dc:subject><dc:creator>" + esc(to_plain(doc_.facility_name)) +
           "</dc:creator></cp:coreProperties>";
  }

  std::string relationships() const {
    std::string out = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooterPortrait" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterLandscape" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>)";
    for (std::size_t i = 0; i < images_.size(); ++i) {
      std::string n = std::to_string(i + 1);
      out +=
          "<Relationship Id=\"rIdImage" + n +
          "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
          "Target=\"media/chart" +
          n + ".png\"/>";
    }
    return out + "</Relationships>";
  }

  std::string numbering_xml() const {
    std::string out = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
    // Headings: a chapter (level 0, printed as written) restarts the
    // numbers of its 節 (１, ２…) and those restart their 項 (（１）…).
    out += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>" +
           numbering_level(0, "none", "", 0, 0, "Heading1") +
           numbering_level(1, "decimalFullWidth", "%2　", 0, 0, "Heading2") +
           numbering_level(2, "decimalFullWidth", "（%3）", 210, 0, "Heading3") +
           "</w:abstractNum>";
    out += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>" +
           numbering_level(0, "decimalEnclosedCircle", "%1", 420, 210) + "</w:abstractNum>";
    out += "<w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"singleLevel\"/>" +
           numbering_level(0, "decimalFullWidth", "（%1）", 840, 630) + "</w:abstractNum>";
    out += "<w:abstractNum w:abstractNumId=\"3\"><w:multiLevelType w:val=\"singleLevel\"/>" +
           numbering_level(0, "bullet", "・", 420, 210) + "</w:abstractNum>";
    out += "<w:num w:numId=\"" + std::to_string(kHeadingNum) +
           "\"><w:abstractNumId w:val=\"0\"/></w:num>";
    for (std::size_t i = 0; i < lists_.size(); ++i) {
      out +=
          "<w:num w:numId=\"" + std::to_string(i + 2) + "\"><w:abstractNumId w:val=\"" +
          std::to_string(lists_[i]) +
          "\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
    }
    return out + "</w:numbering>";
  }

  std::string footer(const Section& s) const {
    int w = s.content();
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr") +
           kNamespaces + ">" +
           paragraph("Footer",
                     text_run(to_plain(doc_.facility_name)) + "<w:r><w:tab/></w:r>" +
                         field("PAGE", "1") + text_run(" / ") + field("NUMPAGES", "1") +
                         "<w:r><w:tab/></w:r>" + text_run(doc_.edition_line()),
                     "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" "
                     "w:color=\"D5DBE3\"/></w:pBdr>"
                     "<w:tabs><w:tab w:val=\"center\" w:pos=\"" +
                         std::to_string(w / 2) + "\"/><w:tab w:val=\"right\" w:pos=\"" +
                         std::to_string(w) + "\"/></w:tabs><w:jc w:val=\"left\"/>") +
           "</w:ftr>";
  }

  // The properties of the section that ends here.
  std::string section_properties(bool landscape, bool with_footer) const {
    const Section& s = landscape ? kLandscape : kPortrait;
    std::string out = "<w:sectPr>";
    if (with_footer)
      out += std::string("<w:footerReference w:type=\"default\" r:id=\"") +
             (landscape ? "rIdFooterLandscape" : "rIdFooterPortrait") + "\"/>";
    out += "<w:pgSz w:w=\"" + std::to_string(s.width) + "\" w:h=\"" + std::to_string(s.height) +
           "\"" + (landscape ? " w:orient=\"landscape\"" : "") + "/><w:pgMar w:top=\"" +
           std::to_string(s.top) + "\" w:right=\"" + std::to_string(s.right) + "\" w:bottom=\"" +
           std::to_string(s.bottom) + "\" w:left=\"" + std::to_string(s.left) +
           "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
           "<w:cols w:space=\"425\"/></w:sectPr>";
    return out;
  }

  // --- cover and contents ----------------------------------------------------
  void cover() {
    if (!doc_.subtitle.empty()) body_ += paragraph("Subtitle", text_run(doc_.subtitle));
    body_ += paragraph("Title", text_run(doc_.title));
    body_ += paragraph("CoverFacility", runs(doc_.facility_name));
    // The facts as a borderless two-column table with hairlines.
    body_ +=
        "<w:tbl><w:tblPr><w:tblW w:w=\"7800\" w:type=\"dxa\"/><w:tblBorders><w:bottom "
        "w:val=\"single\" "
        "w:sz=\"4\" w:space=\"0\" w:color=\"D5DBE3\"/><w:insideH w:val=\"single\" w:sz=\"4\" "
        "w:space=\"0\" "
        "w:color=\"D5DBE3\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        "<w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"4800\"/></w:tblGrid>";
    for (const CoverFact& f : doc_.cover_facts) {
      body_ +=
          "<w:tr><w:trPr><w:trHeight w:val=\"400\"/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"3000\" "
          "w:type=\"dxa\"/>"
          "<w:vAlign w:val=\"center\"/></w:tcPr>" +
          paragraph("TableText", text_run(f.label, "<w:color w:val=\"5B6B7F\"/>")) +
          "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"4800\" w:type=\"dxa\"/><w:vAlign "
          "w:val=\"center\"/></w:tcPr>" +
          paragraph("", runs(f.value)) + "</w:tc></w:tr>";
    }
    body_ += "</w:tbl>";
    // Sign-off boxes, to be stamped on paper.
    body_ += paragraph("", "", "<w:spacing w:before=\"1200\"/>");
    body_ +=
        "<w:tbl><w:tblPr><w:tblW w:w=\"3780\" w:type=\"dxa\"/><w:jc w:val=\"right\"/>" +
        grid_borders("A7B1BD") +
        "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1260\"/><w:gridCol "
        "w:w=\"1260\"/><w:gridCol w:w=\"1260\"/></w:tblGrid><w:tr>";
    for (const char* who : {"作成", "確認", "承認"})
      body_ += std::string(
                   "<w:tc><w:tcPr><w:tcW w:w=\"1260\" w:type=\"dxa\"/><w:shd w:val=\"clear\" "
                   "w:color=\"auto\" "
                   "w:fill=\"E3EAF3\"/></w:tcPr>") +
               paragraph("TableHeader", text_run(who), "<w:jc w:val=\"center\"/>") + "</w:tc>";
    body_ += "</w:tr><w:tr><w:trPr><w:trHeight w:val=\"1200\" w:hRule=\"exact\"/></w:trPr>";
    for (int i = 0; i < 3; ++i)
      body_ += "<w:tc><w:tcPr><w:tcW w:w=\"1260\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>";
    body_ += "</w:tr></w:tbl>";
    if (!doc_.source_note.empty()) body_ += paragraph("CoverNote", text_run(doc_.source_note));
    // The cover is a section of its own, without a footer.
    body_ += "<w:p><w:pPr>" + section_properties(false, false) + "</w:pPr></w:p>";
  }

  void contents() {
    body_ += paragraph("TOCHeading", text_run("目次"));
    std::vector<const Heading*> headings = doc_.headings(2);
    // A TOC field, pre-filled with the entries: Word refreshes the page
    // numbers when the file is opened (updateFields), LibreOffice shows the
    // entries as they are.
    for (std::size_t i = 0; i < headings.size(); ++i) {
      const Heading& h = *headings[i];
      std::string content;
      if (i == 0)
        content +=
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
            "xml:space=\"preserve\"> TOC "
            "\\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar "
            "w:fldCharType=\"separate\"/></w:r>";
      content += text_run(h.full_title());
      if (i + 1 == headings.size()) content += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
      body_ += paragraph(h.level == 1 ? "TOC1" : "TOC2", content);
    }
    body_ += page_break();
  }

  static std::string page_break() { return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; }

  static std::string grid_borders(const char* color) {
    std::string out = "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" +
             color + "\"/>";
    return out + "</w:tblBorders>";
  }

  int content_width() const { return (landscape_ ? kLandscape : kPortrait).content(); }

  // --- blocks ----------------------------------------------------------------
  void block(const Heading& h) {
    const char* style = h.level <= 1 ? "Heading1" : h.level == 2 ? "Heading2" : "Heading3";
    // The number (１, （１）) comes from Word's numbering, linked to the style.
    std::string id = std::to_string(++bookmarks_);
    body_ +=
        paragraph(style, "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + esc(h.anchor) + "\"/>" +
                             text_run(h.title) + "<w:bookmarkEnd w:id=\"" + id + "\"/>");
  }

  void block(const Paragraph& p) {
    const char* style = p.style == Paragraph::Style::Note     ? "Note"
                        : p.style == Paragraph::Style::Remark ? "Remark"
                                                              : "BodyText";
    body_ += paragraph(style, runs(p.text));
  }

  void block(const List& l) {
    lists_.push_back(l.marker == List::Marker::Circled ? 1
                     : l.marker == List::Marker::Paren ? 2
                                                       : 3);
    std::string num = std::to_string(lists_.size() + 1);
    for (const Text& item : l.items)
      body_ +=
          paragraph("ListParagraph", runs(item),
                    "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + num + "\"/></w:numPr>");
  }

  // Column widths as in the PDF (doc/table_widths.h), with text widths
  // estimated: Word and LibreOffice lay the document out, with their fonts.
  std::vector<int> column_twips(const Table& t) const {
    const double size = t.compact ? 7 : 8.5;  // points, as in the styles
    const double twips_per_em = size * 20;    // 20 twips a point
    const double padding = 2 * 80 + 40;       // cell margins, and some air
    std::vector<double> weights, hard, soft;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      weights.push_back(t.columns[c].weight);
      double need = estimated_width_em(t.columns[c].header);
      double label = 0;
      for (const auto& row : t.rows) {
        if (c >= row.size()) continue;
        const std::string plain = to_plain(row[c]);
        if (is_short_label(plain)) label = std::max(label, estimated_width_em(plain));
        for (std::string_view run : unbreakable_runs(plain))
          need = std::max(need, estimated_width_em(run));
      }
      const double cap = content_width() / 3.0;
      hard.push_back(std::min(need * twips_per_em + padding, cap));
      soft.push_back(std::min(label * twips_per_em + padding, cap));
    }
    std::vector<int> out;
    for (double w : column_widths(weights, hard, soft, content_width()))
      out.push_back(static_cast<int>(w));
    return out;
  }

  void block(const Table& t) {
    if (t.columns.empty()) return;
    if (!t.caption.empty()) body_ += paragraph("Caption", text_run(t.caption));
    const std::vector<int> widths = column_twips(t);
    const char* size = t.compact ? "<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>" : "";
    body_ +=
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
        "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1F3A5F\"/>"
        "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A7B1BD\"/>"
        "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1F3A5F\"/>"
        "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A7B1BD\"/>"
        "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A7B1BD\"/>"
        "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A7B1BD\"/></w:tblBorders>"
        "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left "
        "w:w=\"80\" "
        "w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
        "</w:tblCellMar><w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" "
        "w:firstColumn=\"0\" "
        "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int w : widths) body_ += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    body_ += "</w:tblGrid>";
    // The header row repeats on every page; no row breaks across pages.
    body_ += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      body_ +=
          "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) +
          "\" w:type=\"dxa\"/><w:tcBorders><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" "
          "w:color=\"1F3A5F\"/></w:tcBorders><w:shd w:val=\"clear\" w:color=\"auto\" "
          "w:fill=\"E3EAF3\"/></w:tcPr>" +
          paragraph("TableHeader", text_run(t.columns[c].header, size)) + "</w:tc>";
    body_ += "</w:tr>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      body_ += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        body_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) + "\" w:type=\"dxa\"/>";
        if (r % 2 == 1) body_ += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F6F8FB\"/>";
        body_ += "</w:tcPr>";
        const Text& cell = c < t.rows[r].size() ? t.rows[r][c] : Text{};
        body_ += paragraph("TableText", runs(cell, size)) + "</w:tc>";
      }
      body_ += "</w:tr>";
    }
    body_ += "</w:tbl>" + table_spacer();
  }

  void block(const Figure& f) {
    if (!f.caption.empty()) body_ += paragraph("Caption", text_run(f.caption));
    // The chart as a picture: laid out for the page it lands on, drawn at
    // 200 dpi so it prints sharply.
    double width_pt = content_width() / 20.0;
    double height_pt = (landscape_ ? kLandscape.height - kLandscape.top - kLandscape.bottom
                                   : kPortrait.height - kPortrait.top - kPortrait.bottom) /
                           20.0 -
                       90;
    ChartLayout layout = layout_contact_chart(f.chart, width_pt, height_pt);
    images_.push_back(contact_chart_png(layout, 200));
    const long long cx = static_cast<long long>(layout.width * 12700);
    const long long cy = static_cast<long long>(layout.height * 12700);
    std::string n = std::to_string(images_.size());
    std::string extent = "cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"";
    std::string name = esc(f.caption.empty() ? "連絡体制図" : f.caption);
    body_ += paragraph(
        "",
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " +
            extent + "/><wp:docPr id=\"" + n + "\" name=\"" + name + "\" descr=\"" + name +
            "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
            "noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            "<a:graphic><a:graphicData "
            "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            "<pic:nvPicPr><pic:cNvPr id=\"" +
            n + "\" name=\"chart" + n +
            ".png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage" + n +
            "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off "
            "x=\"0\" y=\"0\"/><a:ext " +
            extent +
            "/></a:xfrm><a:prstGeom "
            "prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
            "</a:graphic></wp:inline></w:drawing></w:r>",
        "<w:jc w:val=\"center\"/>");
  }

  void block(const PageBreak& p) {
    bool landscape = p.orientation == PageBreak::Orientation::Landscape;
    if (landscape == landscape_) {
      body_ += page_break();
      return;
    }
    // A change of orientation ends the section (a new section starts on a new
    // page). The paragraph that carries the break is made a hair tall, and
    // replaces the spacer after a table that ends the section: either, at a
    // normal height, spills onto a page of its own after a full page (a blank
    // page in the printout).
    if (body_.ends_with(table_spacer())) body_.resize(body_.size() - table_spacer().size());
    body_ +=
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
        "w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>" +
        section_properties(landscape_, true) + "</w:pPr></w:p>";
    landscape_ = landscape;
  }

  const Document& doc_;
  std::string body_;
  bool landscape_ = false;
  // Word needs a paragraph after a table; this one also spaces it from what
  // follows, unless a section break takes its place.
  static const std::string& table_spacer() {
    static const std::string spacer = paragraph("", "", "<w:spacing w:after=\"120\"/>");
    return spacer;
  }
  int bookmarks_ = 0;
  std::vector<int> lists_;  // abstractNumId of each list, numId = index + 2
  std::vector<std::string> images_;
};

}  // namespace

std::string render_docx(const Document& doc) { return DocxWriter(doc).run(); }

}  // namespace medbcp::doc
