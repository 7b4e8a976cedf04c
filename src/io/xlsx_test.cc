#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"

namespace medbcp::io {
namespace {

// Builds an .xlsx from hand-written parts, the way other producers (Excel
// itself, LibreOffice) lay them out, to read what our own writer never makes.
std::string make_xlsx(const std::map<std::string, std::string>& parts) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("medbcp-xlsx-test-" + std::to_string(getpid()) + ".xlsx"))
                               .string();
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
    EXPECT_GE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(zip), 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

constexpr char kWorkbook[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr date1904="0"/>
<sheets><sheet name="表紙" sheetId="1" r:id="rId2"/><sheet name="別紙２" sheetId="2" r:id="rId1"/></sheets>
</workbook>)";

constexpr char kRels[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/ledger.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/cover.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";

// Index 1 has furigana (rPh) as Japanese Excel writes it; index 2 is rich text.
constexpr char kShared[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>管理番号</t></si>
<si><t>受付端末</t><rPh sb="0" eb="2"><t>ウケツケ</t></rPh><phoneticPr fontId="1"/></si>
<si><r><rPr><b/></rPr><t>電子</t></r><r><t xml:space="preserve">カルテ 1_x000D_
2</t></r></si>
</sst>)";

// Style 1: built-in date 14; style 2: custom 和暦 format; style 3: time only.
constexpr char kStyles[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="176" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="177" formatCode="[h]:mm"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>
</styleSheet>)";

constexpr char kLedgerSheet[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>導入日</t></is></c></row>
<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" s="1"><v>45383</v></c>
<c r="D3" s="2"><v>45383</v></c><c r="E3" s="3"><v>1.5</v></c><c r="F3"><v>0.30000000000000004</v></c>
<c r="G3" t="b"><v>1</v></c><c r="H3" t="str"><f>A3&amp;"x"</f><v>1x</v></c><c r="I3" t="s"><v>2</v></c></row>
</sheetData></worksheet>)";

constexpr char kCoverSheet[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>表紙</t></is></c></row></sheetData></worksheet>)";

std::string sample_workbook() {
  return make_xlsx({{"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kRels},
                    {"xl/sharedStrings.xml", kShared},
                    {"xl/styles.xml", kStyles},
                    {"xl/worksheets/ledger.xml", kLedgerSheet},
                    {"xl/worksheets/cover.xml", kCoverSheet}});
}

TEST(XlsxReaderTest, ReadsSheetsByOrderAndName) {
  const std::string bytes = sample_workbook();
  EXPECT_TRUE(looks_like_xlsx(bytes));
  EXPECT_EQ(xlsx_sheet_names(bytes), (std::vector<std::string>{"表紙", "別紙２"}));
  EXPECT_EQ(read_xlsx(bytes).rows, (std::vector<std::vector<std::string>>{{"表紙"}}));
  EXPECT_THROW(read_xlsx(bytes, "ない"), XlsxError);
}

TEST(XlsxReaderTest, ReadsEveryKindOfCell) {
  const XlsxSheet sheet = read_xlsx(sample_workbook(), std::string("別紙２"));
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.rows[0], (std::vector<std::string>{"管理番号", "", "導入日"}));
  EXPECT_TRUE(sheet.rows[1].empty());
  EXPECT_EQ(sheet.rows[2],
            (std::vector<std::string>{"1", "受付端末", "2024-04-01", "2024-04-01", "1.5", "0.3",
                                      "TRUE", "1x", "電子カルテ 1\r\n2"}));
}

TEST(XlsxReaderTest, RejectsFilesThatAreNotWorkbooks) {
  EXPECT_THROW(read_xlsx("not a zip at all"), XlsxError);
  EXPECT_THROW(read_xlsx(make_xlsx({{"hello.txt", "hi"}})), XlsxError);
}

TEST(XlsxReaderTest, ACellPastTheLastColumnIsRefusedNotOverflowed) {
  // Found by fuzz/xlsx_parts_fuzz: "AAAAAAAA1" overflowed the column count.
  for (const char* ref : {"AAAAAAAAAAAAA1", "XFE1"}) {
    const std::string sheet =
        std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r=")") +
        ref + R"(" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>)";
    const std::string bytes = make_xlsx({{"xl/workbook.xml", kWorkbook},
                                         {"xl/_rels/workbook.xml.rels", kRels},
                                         {"xl/sharedStrings.xml", kShared},
                                         {"xl/styles.xml", kStyles},
                                         {"xl/worksheets/ledger.xml", sheet},
                                         {"xl/worksheets/cover.xml", kCoverSheet}});
    EXPECT_THROW(read_xlsx(bytes, std::string("別紙２")), XlsxError) << ref;
  }
}

// A workbook with the sample's other parts and `sheet` as 別紙２.
std::string workbook_with_ledger_sheet(const std::string& sheet,
                                       const std::string& shared = kShared) {
  return make_xlsx({{"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kRels},
                    {"xl/sharedStrings.xml", shared},
                    {"xl/styles.xml", kStyles},
                    {"xl/worksheets/ledger.xml", sheet},
                    {"xl/worksheets/cover.xml", kCoverSheet}});
}

constexpr char kSheetOpen[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
constexpr char kSheetClose[] = "</sheetData></worksheet>";

// The virtual memory this process has mapped, from /proc (kB).
[[maybe_unused]] std::uint64_t mapped_bytes() {  // not under ASan, which skips its test
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmSize:")) return std::stoull(line.substr(7)) * 1024;
  }
  return 0;
}

// The attack test's bomb: about 55 MiB of empty cells (a few hundred KB
// zipped) inside the 64 MiB part limit. A tree of every node took over 1 GB;
// read as a stream it must fit in 256 MiB more than the process already
// maps, and come back with only the one cell that has text.
TEST(XlsxReaderTest, ASheetOfEmptyCellsCostsNoMemory) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer maps terabytes of shadow memory: no address-space limit";
#else
  std::string sheet = kSheetOpen;
  sheet.reserve(56 << 20);
  for (int row = 1; row <= 1000; ++row) {
    const std::string r = std::to_string(row);
    const std::string cell = "<c r=\"A" + r + "\"/>";
    sheet.append("<row r=\"").append(r).append("\">");
    for (int i = 0; i < 5000; ++i) sheet += cell;
    sheet += "</row>";
  }
  sheet += R"(<row r="1001"><c r="B1001" t="inlineStr"><is><t>最後</t></is></c></row>)";
  sheet += kSheetClose;
  const std::string bytes = workbook_with_ledger_sheet(sheet);
  sheet.clear();
  sheet.shrink_to_fit();

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const rlimit limit{mapped_bytes() + (256u << 20), mapped_bytes() + (256u << 20)};
    setrlimit(RLIMIT_AS, &limit);
    int code = 1;
    try {
      const XlsxSheet read = read_xlsx(bytes, std::string("別紙２"));
      if (read.rows.size() == 1001 && read.rows[1000] == std::vector<std::string>{"", "最後"}) {
        code = 0;
      }
    } catch (...) {
      code = 2;  // out of memory, or a parse failure because of it
    }
    _exit(code);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: wrong cells read, 2: failed within 256 MiB";
#endif
}

TEST(XlsxReaderTest, AMillionEmptySharedStringsAreRefused) {
  std::string shared = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (int i = 0; i <= 1000000; ++i) shared += "<si/>";
  shared += "</sst>";
  try {
    read_xlsx(workbook_with_ledger_sheet(kCoverSheet, shared), std::string("別紙２"));
    ADD_FAILURE() << "a million and one shared strings were read";
  } catch (const XlsxError& error) {
    EXPECT_NE(std::string(error.what()).find("共有文字列が多すぎます"), std::string::npos);
  }
}

// Rows without numbers count on from the last; past Excel's 1,048,576th
// the sheet is refused, numbered or not.
TEST(XlsxReaderTest, RowsPastTheLastAreRefusedNumberedOrNot) {
  std::string unnumbered = kSheetOpen;
  for (int i = 0; i <= 1048576; ++i) unnumbered += "<row/>";
  unnumbered += kSheetClose;
  EXPECT_THROW(read_xlsx(workbook_with_ledger_sheet(unnumbered), std::string("別紙２")), XlsxError);
  const std::string numbered = std::string(kSheetOpen) + R"(<row r="1048577"/>)" + kSheetClose;
  EXPECT_THROW(read_xlsx(workbook_with_ledger_sheet(numbered), std::string("別紙２")), XlsxError);
  const std::string last = std::string(kSheetOpen) +
                           R"(<row r="1048576"><c t="inlineStr"><is><t>x</t></is></c></row>)" +
                           kSheetClose;
  EXPECT_EQ(read_xlsx(workbook_with_ledger_sheet(last), std::string("別紙２")).rows.size(),
            1048576u);
}

// A part may declare entities pointing at files or the network; none is
// loaded or expanded, and the text around them still reads.
TEST(XlsxReaderTest, ExternalEntitiesAreNeverLoaded) {
  const std::string sheet = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>前&secret;後</t></is></c></row>)" +
                            std::string(kSheetClose);
  std::ifstream hostname("/etc/hostname");
  std::string host;
  std::getline(hostname, host);
  const XlsxSheet read = read_xlsx(workbook_with_ledger_sheet(sheet), std::string("別紙２"));
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0], std::vector<std::string>{"前後"});
  if (!host.empty()) {
    EXPECT_EQ(read.rows[0][0].find(host), std::string::npos);
  }
}

TEST(XlsxReaderTest, RecognisesDateFormats) {
  EXPECT_TRUE(is_date_format(14, ""));
  EXPECT_TRUE(is_date_format(57, ""));  // Japanese built-in ge.m.d style
  EXPECT_FALSE(is_date_format(0, ""));
  EXPECT_FALSE(is_date_format(49, ""));  // text "@"
  EXPECT_TRUE(is_date_format(176, "yyyy/m/d"));
  EXPECT_TRUE(is_date_format(176, "[$-411]ggge\"年\"m\"月\"d\"日\""));
  EXPECT_FALSE(is_date_format(177, "[h]:mm:ss"));
  EXPECT_FALSE(is_date_format(178, "#,##0\"台\""));
  EXPECT_FALSE(is_date_format(179, "[Red]0.00"));
  EXPECT_FALSE(is_date_format(164, "General"));  // LibreOffice names General this way
  EXPECT_FALSE(is_date_format(180, "0.00E+00"));
  EXPECT_TRUE(is_date_format(181, "mmm\\ dd"));
}

TEST(XlsxReaderTest, ConvertsSerialsInBothDateSystems) {
  EXPECT_EQ(excel_serial_to_iso_date(45383, false), "2024-04-01");
  EXPECT_EQ(excel_serial_to_iso_date(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso_date(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_to_iso_date(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso_date(45383.75, false), "2024-04-01");
  EXPECT_EQ(excel_serial_to_iso_date(43921, true), "2024-04-01");
  EXPECT_EQ(excel_serial_to_iso_date(2958465, false), "9999-12-31");
  // Found by fuzz/xlsx_parts_fuzz: a huge serial overflowed the day count.
  EXPECT_EQ(excel_serial_to_iso_date(4.53e23, false), "");
  EXPECT_EQ(excel_serial_to_iso_date(-1, false), "");
}

TEST(XlsxWriterTest, OwnOutputReadsBack) {
  XlsxTable table;
  table.sheet_name = "情報機器台帳";
  table.print_header = "別紙２ 情報機器台帳 & 付録";
  table.columns = {{"管理番号", 10}, {"機器名", 20}, {"導入日", 12}, {"備考", 30}};
  table.rows = {
      {std::string("001"), std::string("受付端末①"), core::Date{2024, 4, 1},
       std::string("1行目\n2行目 ～ ｶﾅ")},
      {std::string("002"), std::string("=SUM(A1)"), std::monostate{}, std::string("")},
  };
  const std::string bytes = xlsx_bytes(table);
  const XlsxSheet sheet = read_xlsx(bytes);
  EXPECT_EQ(sheet.name, "情報機器台帳");
  EXPECT_EQ(sheet.rows, (std::vector<std::vector<std::string>>{
                            {"管理番号", "機器名", "導入日", "備考"},
                            {"001", "受付端末①", "2024-04-01", "1行目\n2行目 ～ ｶﾅ"},
                            {"002", "=SUM(A1)"}}));
}

TEST(XlsxWriterTest, PageSetupIsA4LandscapeWithFrozenHeader) {
  XlsxTable table;
  table.sheet_name = "台帳";
  table.columns = {{"管理番号", 10}};
  const std::string bytes = xlsx_bytes(table);
  // Look inside the sheet XML for the settings Excel reads.
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("medbcp-xlsx-setup-" + std::to_string(getpid()) + ".xlsx"))
                               .string();
  std::ofstream(path, std::ios::binary) << bytes;
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(zip, nullptr);
  zip_file_t* file = zip_fopen(zip, "xl/worksheets/sheet1.xml", 0);
  ASSERT_NE(file, nullptr);
  std::string xml(65536, '\0');
  xml.resize(static_cast<size_t>(zip_fread(file, xml.data(), xml.size())));
  zip_fclose(file);
  zip_discard(zip);
  std::filesystem::remove(path);
  EXPECT_NE(xml.find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(xml.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(xml.find("<col "), std::string::npos);
}

}  // namespace
}  // namespace medbcp::io
