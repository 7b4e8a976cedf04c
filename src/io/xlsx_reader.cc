#include "io/xlsx_reader.h"

#include <zip.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

#include "core/time.h"
#include "io/zip_xml_stream.h"

namespace medbcp::io {
namespace {

// --- the zip container -----------------------------------------------------

class ZipArchive {
 public:
  explicit ZipArchive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) fail(error);
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive_ == nullptr) {
      zip_source_free(source);
      fail(error);
    }
    zip_error_fini(&error);
  }
  ~ZipArchive() { zip_discard(archive_); }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& name) const {
    return zip_name_locate(archive_, name.c_str(), 0) >= 0;
  }

  // Every part is read as a stream, bounded by what the archive holds and
  // not by what it claims: a few bytes of upload can claim gigabytes (found
  // by fuzz/xlsx_fuzz). No clinic's sheet comes close to 64 MiB.
  static constexpr std::uint64_t kMaxPartBytes = 64 << 20;

  ZipXmlStream open(const std::string& name) const {
    if (!has(name)) throw XlsxError("XLSX の構成要素 " + name + " がありません");
    return ZipXmlStream(archive_, name, kMaxPartBytes);
  }

 private:
  [[noreturn]] static void fail(zip_error_t& error) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw XlsxError("XLSX ファイルとして開けません: " + message);
  }
  zip_t* archive_ = nullptr;
};

// OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR).
std::string unescape_ooxml(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_') {
      const std::string hex(text.substr(i + 2, 4));
      char* end = nullptr;
      const unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 4) {
        // Code points below U+0800 cover every escape writers emit.
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        i += 7;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// Lists a part may hold are bounded too, far above any real workbook (Excel
// itself allows 64,000 cell formats): each entry costs memory even when the
// element that makes it is five bytes of XML.
constexpr size_t kMaxListEntries = 65536;
// A ledger has thousands of distinct texts; a million is an attack.
constexpr size_t kMaxSharedStrings = 1000000;

// Reads from the start of a <si> or <is> element to its end: its own <t>, or
// the <t> of each rich text run <r>. Phonetic runs <rPh> (furigana) are not
// part of the value.
std::string read_string_item(ZipXmlStream& xml) {
  std::string out;
  int depth = 1;
  int phonetic_depth = 0;
  bool in_text = false;
  while (depth > 0 && xml.next()) {
    switch (xml.event()) {
      case ZipXmlStream::Event::kStart:
        ++depth;
        if (xml.local_name() == "rPh") ++phonetic_depth;
        if (xml.local_name() == "t") in_text = true;
        break;
      case ZipXmlStream::Event::kEnd:
        --depth;
        if (xml.local_name() == "rPh") --phonetic_depth;
        if (xml.local_name() == "t") in_text = false;
        break;
      case ZipXmlStream::Event::kText:
        if (in_text && phonetic_depth == 0) out += xml.text();
        break;
    }
  }
  return unescape_ooxml(out);
}

// --- workbook structure ------------------------------------------------------

std::string resolve_target(std::string_view base_dir, std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  std::string path(base_dir);
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    const size_t slash = path.find_last_of('/', path.size() >= 2 ? path.size() - 2 : 0);
    path = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  }
  return path + std::string(target);
}

struct SheetEntry {
  std::string name;
  std::string path;
};

struct Workbook {
  std::vector<SheetEntry> sheets;
  std::string shared_strings_path;
  std::string styles_path;
  bool date1904 = false;
};

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
};

std::vector<Relationship> read_relationships(const ZipArchive& zip, const std::string& path) {
  std::vector<Relationship> out;
  if (!zip.has(path)) return out;
  ZipXmlStream xml = zip.open(path);
  while (xml.next()) {
    if (!xml.is_start("Relationship")) continue;
    if (out.size() == kMaxListEntries) throw XlsxError("XLSX の " + path + " の項目が多すぎます");
    out.push_back({xml.attribute("Id"), xml.attribute("Type"),
                   resolve_target("xl/", xml.attribute("Target"))});
  }
  return out;
}

Workbook read_workbook(const ZipArchive& zip) {
  if (!zip.has("xl/workbook.xml")) throw XlsxError("XLSX のブック (xl/workbook.xml) がありません");
  Workbook book;
  const std::vector<Relationship> rels = read_relationships(zip, "xl/_rels/workbook.xml.rels");
  auto target_of = [&](std::string_view id) -> std::string {
    for (const Relationship& rel : rels) {
      if (id == rel.id) return rel.target;
    }
    return {};
  };
  for (const Relationship& rel : rels) {
    if (rel.type.ends_with("/sharedStrings")) book.shared_strings_path = rel.target;
    if (rel.type.ends_with("/styles")) book.styles_path = rel.target;
  }
  if (book.shared_strings_path.empty()) book.shared_strings_path = "xl/sharedStrings.xml";
  if (book.styles_path.empty()) book.styles_path = "xl/styles.xml";

  ZipXmlStream xml = zip.open("xl/workbook.xml");
  int index = 0;
  while (xml.next()) {
    if (xml.is_start("workbookPr")) {
      const std::string date1904 = xml.attribute("date1904");
      book.date1904 = date1904 == "1" || date1904 == "true";
    } else if (xml.is_start("sheet")) {
      if (book.sheets.size() == kMaxListEntries) throw XlsxError("XLSX のシートが多すぎます");
      ++index;
      std::string path;
      if (const std::string id = xml.attribute_ending_with(":id"); !id.empty()) {
        path = target_of(id);
      }
      if (path.empty()) path = "xl/worksheets/sheet" + std::to_string(index) + ".xml";
      book.sheets.push_back({xml.attribute("name"), path});
    }
  }
  if (book.sheets.empty()) throw XlsxError("XLSX にシートがありません");
  return book;
}

std::vector<std::string> read_shared_strings(const ZipArchive& zip, const std::string& path) {
  std::vector<std::string> out;
  if (!zip.has(path)) return out;
  ZipXmlStream xml = zip.open(path);
  while (xml.next()) {
    if (!xml.is_start("si")) continue;
    if (out.size() == kMaxSharedStrings) {
      throw XlsxError("XLSX の共有文字列が多すぎます（上限 1,000,000 件）");
    }
    out.push_back(read_string_item(xml));
  }
  return out;
}

// For each cell style index (the s attribute), whether it shows a date.
// Only <xf> inside <cellXfs> are cell styles (<cellStyleXfs> holds others).
std::vector<bool> read_date_styles(const ZipArchive& zip, const std::string& path) {
  std::vector<bool> out;
  if (!zip.has(path)) return out;
  std::vector<std::pair<int, std::string>> custom;
  std::vector<int> cell_format_ids;
  bool in_cell_xfs = false;
  ZipXmlStream xml = zip.open(path);
  while (xml.next()) {
    if (xml.is_start("numFmt")) {
      if (custom.size() == kMaxListEntries) throw XlsxError("XLSX の表示形式が多すぎます");
      custom.emplace_back(std::atoi(xml.attribute("numFmtId").c_str()),
                          xml.attribute("formatCode"));
    } else if (xml.is_start("cellXfs")) {
      in_cell_xfs = true;
    } else if (xml.is_end("cellXfs")) {
      in_cell_xfs = false;
    } else if (in_cell_xfs && xml.is_start("xf")) {
      if (cell_format_ids.size() == kMaxListEntries) throw XlsxError("XLSX の書式が多すぎます");
      cell_format_ids.push_back(std::atoi(xml.attribute("numFmtId").c_str()));
    }
  }
  // Formats may be listed after the styles that use them, so match at the end.
  for (const int id : cell_format_ids) {
    std::string code;
    for (const auto& [custom_id, custom_code] : custom) {
      if (custom_id == id) code = custom_code;
    }
    out.push_back(is_date_format(id, code));
  }
  return out;
}

// "B12" -> column 1 (0-based); -1 when there are no letters. Past XFD (the
// 16,384th column) it stops counting and answers 16,384, out of range for
// the caller: "AAAAAAAA…" overflowed an int (found by fuzz/xlsx_parts_fuzz).
int column_of(std::string_view ref) {
  constexpr int kMaxColumns = 16384;
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > kMaxColumns) return kMaxColumns;
  }
  return i == 0 ? -1 : col - 1;
}

// Excel's "General" for a stored double: integers without ".0", others with
// up to 15 significant digits, which is what Excel shows and keeps.
std::string number_text(std::string_view stored) {
  char* end = nullptr;
  std::string s(stored);
  const double value = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) return s;
  char buf[64];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", value);
  }
  return buf;
}

// One <c> element as read from the stream.
struct CellXml {
  std::string type;         // the t attribute
  size_t style = 0;         // the s attribute
  std::string value;        // the text of <v>
  std::string inline_text;  // the text of <is>, for t="inlineStr"
};

std::string cell_text(const CellXml& cell, const std::vector<std::string>& shared,
                      const std::vector<bool>& date_styles, bool date1904) {
  const std::string_view type = cell.type;
  const std::string& value = cell.value;
  if (type == "s") {
    const auto index = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
    if (index >= shared.size()) throw XlsxError("XLSX の共有文字列の参照が範囲外です");
    return shared[index];
  }
  if (type == "inlineStr") return cell.inline_text;
  if (type == "str" || type == "e") return unescape_ooxml(value);
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  if (type == "d") return value.substr(0, 10);
  if (value.empty()) return {};
  if (cell.style < date_styles.size() && date_styles[cell.style]) {
    const double serial = std::strtod(value.c_str(), nullptr);
    // Excel's dates run from serial 0 to 2958465 (9999-12-31); a number
    // outside them in a date-formatted cell is shown as the number it is
    // (a huge one overflowed the day count: found by fuzz/xlsx_parts_fuzz).
    if (serial >= 0 && serial < kLastExcelSerial + 1) {
      return excel_serial_to_iso_date(serial, date1904);
    }
  }
  return number_text(value);
}

// The spreadsheet row a <row r="…"> names, 0-based; `next` when it names none.
size_t row_index(const std::string& r, size_t next) {
  size_t n = next + 1;
  if (!r.empty()) {
    char* end = nullptr;
    n = std::strtoul(r.c_str(), &end, 10);
    if (*end != '\0') n = 0;
  }
  if (n == 0 || n > 1048576) throw XlsxError("XLSX の行番号が範囲外です");
  return n - 1;
}

// Reads the cells of a worksheet. Only cells with text are kept, and a row
// exists in the result only up to its last such cell: 60 MiB of empty rows
// and cells cost nothing.
std::vector<std::vector<std::string>> read_cells(ZipXmlStream& xml,
                                                 const std::vector<std::string>& shared,
                                                 const std::vector<bool>& date_styles,
                                                 bool date1904) {
  std::vector<std::vector<std::string>> rows;
  size_t next_row = 0;
  size_t row = 0;
  size_t next_col = 0;
  size_t col = 0;
  bool in_cell = false;
  bool in_value = false;
  CellXml cell;
  while (xml.next()) {
    switch (xml.event()) {
      case ZipXmlStream::Event::kStart:
        if (xml.local_name() == "row") {
          row = row_index(xml.attribute("r"), next_row);
          next_row = row + 1;
          next_col = 0;
        } else if (xml.local_name() == "c") {
          const int c = column_of(xml.attribute("r"));
          col = c >= 0 ? static_cast<size_t>(c) : next_col;
          if (col > 16383) throw XlsxError("XLSX の列番号が範囲外です");
          next_col = col + 1;
          cell = CellXml{
              xml.attribute("t"), std::strtoul(xml.attribute("s").c_str(), nullptr, 10), {}, {}};
          in_cell = true;
        } else if (in_cell && xml.local_name() == "v") {
          in_value = true;
        } else if (in_cell && xml.local_name() == "is") {
          cell.inline_text = read_string_item(xml);
        }
        break;
      case ZipXmlStream::Event::kEnd:
        if (xml.local_name() == "v") {
          in_value = false;
        } else if (in_cell && xml.local_name() == "c") {
          in_cell = false;
          std::string text = cell_text(cell, shared, date_styles, date1904);
          if (text.empty()) break;
          if (rows.size() <= row) rows.resize(row + 1);
          std::vector<std::string>& cells = rows[row];
          if (cells.size() <= col) cells.resize(col + 1);
          cells[col] = std::move(text);
        }
        break;
      case ZipXmlStream::Event::kText:
        if (in_value) cell.value += xml.text();
        break;
    }
  }
  return rows;
}

// Whether code[i] is the E of scientific notation (0.00E+00), not an era year.
bool is_exponent(std::string_view code, size_t i, int bracket) {
  return bracket == 0 && (code[i] == 'E' || code[i] == 'e') && i + 1 < code.size() &&
         (code[i + 1] == '+' || code[i + 1] == '-');
}

}  // namespace

bool is_date_format(int builtin_id, std::string_view code) {
  if (code.empty()) {
    // Built-in formats: 14-17 and 22 everywhere; 27-36 and 50-58 are the
    // East Asian date formats (ge.m.d, yyyy"年"m"月"d"日" …) in a Japanese Excel.
    return (builtin_id >= 14 && builtin_id <= 17) || builtin_id == 22 ||
           (builtin_id >= 27 && builtin_id <= 36) || (builtin_id >= 50 && builtin_id <= 58);
  }
  // Drop quoted literals, [..] sections (colours, locales like [$-411]) and
  // escaped characters, then look for a date part: y, d, e (era year) or
  // g (era). "m" alone may be minutes, so it does not count.
  bool in_quotes = false;
  int bracket = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (in_quotes) {
      in_quotes = c != '"';
      continue;
    }
    if (c == '"') {
      in_quotes = true;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = bracket > 0 ? bracket - 1 : 0;
    } else if (c == '\\' || c == '_' || c == '*' || is_exponent(code, i, bracket)) {
      ++i;  // the escaped character, or the exponent's sign (0.00E+00)
    } else if (bracket == 0 && (c == 'G' || c == 'g') && code.substr(i, 7) == "General") {
      i += 6;
    } else if (bracket == 0) {
      const char lower = static_cast<char>(c | 0x20);
      if (lower == 'y' || lower == 'd' || lower == 'e' || lower == 'g') return true;
    }
  }
  return false;
}

std::string excel_serial_to_iso_date(double serial, bool date1904) {
  if (!(serial >= 0 && serial < kLastExcelSerial + 1)) return {};  // NaN too
  const auto whole = static_cast<std::int64_t>(std::floor(serial));
  std::int64_t days;
  if (date1904) {
    days = core::Date{1904, 1, 1}.days_since_epoch() + whole;
  } else {
    // Excel counts a 1900-02-29 that never was (serial 60), so serials before
    // it are one day later than the plain count from 1899-12-30.
    days = core::Date{1899, 12, 30}.days_since_epoch() + whole + (whole < 61 ? 1 : 0);
  }
  return core::Date::from_days_since_epoch(days).iso();
}

bool looks_like_xlsx(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

std::vector<std::string> xlsx_sheet_names(std::string_view file_bytes) {
  ZipArchive zip(file_bytes);
  std::vector<std::string> out;
  for (const SheetEntry& sheet : read_workbook(zip).sheets) out.push_back(sheet.name);
  return out;
}

XlsxSheet read_xlsx(std::string_view file_bytes, const std::optional<std::string>& sheet_name) {
  ZipArchive zip(file_bytes);
  const Workbook book = read_workbook(zip);
  const SheetEntry* entry = &book.sheets.front();
  if (sheet_name) {
    entry = nullptr;
    for (const SheetEntry& sheet : book.sheets) {
      if (sheet.name == *sheet_name) entry = &sheet;
    }
    if (entry == nullptr) throw XlsxError("XLSX にシート「" + *sheet_name + "」がありません");
  }
  const std::vector<std::string> shared = read_shared_strings(zip, book.shared_strings_path);
  const std::vector<bool> date_styles = read_date_styles(zip, book.styles_path);

  XlsxSheet out;
  out.name = entry->name;
  ZipXmlStream xml = zip.open(entry->path);
  out.rows = read_cells(xml, shared, date_styles, book.date1904);
  return out;
}

}  // namespace medbcp::io
