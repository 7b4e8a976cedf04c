#include "io/xlsx_reader.h"

#include <zip.h>
#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/time.h"

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

  static constexpr zip_uint64_t kMaxPartBytes = 64 << 20;

  std::string read(const std::string& name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
      throw XlsxError("XLSX の構成要素 " + name + " がありません");
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(archive_, name.c_str(), 0),
                                                           zip_fclose);
    if (!file) throw XlsxError("XLSX の " + name + " を開けません");
    // The size is what the archive claims: a few bytes of upload can claim
    // gigabytes (found by fuzz/xlsx_fuzz). No clinic's sheet comes close.
    if (stat.size > kMaxPartBytes) throw XlsxError("XLSX の " + name + " が大きすぎます");
    std::string out(stat.size, '\0');
    const zip_int64_t n = zip_fread(file.get(), out.data(), stat.size);
    if (n < 0 || static_cast<zip_uint64_t>(n) != stat.size) {
      throw XlsxError("XLSX の " + name + " を読めません（ファイルが壊れています）");
    }
    return out;
  }

 private:
  [[noreturn]] static void fail(zip_error_t& error) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw XlsxError("XLSX ファイルとして開けません: " + message);
  }
  zip_t* archive_ = nullptr;
};

pugi::xml_document parse_xml(const ZipArchive& zip, const std::string& name) {
  const std::string text = zip.read(name);
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size());
  if (!result) throw XlsxError("XLSX の " + name + " が XML として読めません");
  return doc;
}

// Element names may carry a namespace prefix (x:sheetData), so compare the
// local part only.
bool is(const pugi::xml_node& node, std::string_view local) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name == local;
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children()) {
    if (is(c, local)) return c;
  }
  return {};
}

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

// The text of a <si> or <is> element: its own <t>, or the <t> of each rich
// text run <r>. Phonetic runs <rPh> (furigana) are not part of the value.
std::string string_item_text(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c : item.children()) {
    if (is(c, "t")) {
      out += c.text().get();
    } else if (is(c, "r")) {
      out += child(c, "t").text().get();
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

Workbook read_workbook(const ZipArchive& zip) {
  if (!zip.has("xl/workbook.xml")) throw XlsxError("XLSX のブック (xl/workbook.xml) がありません");
  Workbook book;
  pugi::xml_document rels_doc;
  if (zip.has("xl/_rels/workbook.xml.rels"))
    rels_doc = parse_xml(zip, "xl/_rels/workbook.xml.rels");
  auto target_of = [&](std::string_view id) -> std::string {
    for (pugi::xml_node rel : child(rels_doc, "Relationships").children()) {
      if (id == rel.attribute("Id").value())
        return resolve_target("xl/", rel.attribute("Target").value());
    }
    return {};
  };
  for (pugi::xml_node rel : child(rels_doc, "Relationships").children()) {
    const std::string_view type = rel.attribute("Type").value();
    const std::string target = resolve_target("xl/", rel.attribute("Target").value());
    if (type.ends_with("/sharedStrings")) book.shared_strings_path = target;
    if (type.ends_with("/styles")) book.styles_path = target;
  }
  if (book.shared_strings_path.empty()) book.shared_strings_path = "xl/sharedStrings.xml";
  if (book.styles_path.empty()) book.styles_path = "xl/styles.xml";

  pugi::xml_document doc = parse_xml(zip, "xl/workbook.xml");
  pugi::xml_node workbook = child(doc, "workbook");
  const std::string_view date1904 = child(workbook, "workbookPr").attribute("date1904").value();
  book.date1904 = date1904 == "1" || date1904 == "true";
  int index = 0;
  for (pugi::xml_node sheet : child(workbook, "sheets").children()) {
    if (!is(sheet, "sheet")) continue;
    ++index;
    std::string path;
    for (pugi::xml_attribute attr : sheet.attributes()) {
      if (std::string_view(attr.name()).ends_with(":id")) path = target_of(attr.value());
    }
    if (path.empty()) path = "xl/worksheets/sheet" + std::to_string(index) + ".xml";
    book.sheets.push_back({sheet.attribute("name").value(), path});
  }
  if (book.sheets.empty()) throw XlsxError("XLSX にシートがありません");
  return book;
}

std::vector<std::string> read_shared_strings(const ZipArchive& zip, const std::string& path) {
  std::vector<std::string> out;
  if (!zip.has(path)) return out;
  pugi::xml_document doc = parse_xml(zip, path);
  for (pugi::xml_node si : child(doc, "sst").children()) {
    if (is(si, "si")) out.push_back(string_item_text(si));
  }
  return out;
}

// For each cell style index (the s attribute), whether it shows a date.
std::vector<bool> read_date_styles(const ZipArchive& zip, const std::string& path) {
  std::vector<bool> out;
  if (!zip.has(path)) return out;
  pugi::xml_document doc = parse_xml(zip, path);
  pugi::xml_node style_sheet = child(doc, "styleSheet");
  std::vector<std::pair<int, std::string>> custom;
  for (pugi::xml_node fmt : child(style_sheet, "numFmts").children()) {
    custom.emplace_back(fmt.attribute("numFmtId").as_int(), fmt.attribute("formatCode").value());
  }
  for (pugi::xml_node xf : child(style_sheet, "cellXfs").children()) {
    const int id = xf.attribute("numFmtId").as_int();
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
  const std::string s(stored);
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

std::string cell_text(const pugi::xml_node& cell, const std::vector<std::string>& shared,
                      const std::vector<bool>& date_styles, bool date1904) {
  const std::string_view type = cell.attribute("t").value();
  const char* value = child(cell, "v").text().get();
  if (type == "s") {
    const auto index = static_cast<size_t>(std::strtoul(value, nullptr, 10));
    if (index >= shared.size()) throw XlsxError("XLSX の共有文字列の参照が範囲外です");
    return shared[index];
  }
  if (type == "inlineStr") return string_item_text(child(cell, "is"));
  if (type == "str" || type == "e") return unescape_ooxml(value);
  if (type == "b") return std::string_view(value) == "1" ? "TRUE" : "FALSE";
  if (type == "d") return std::string(std::string_view(value).substr(0, 10));
  if (*value == '\0') return {};
  const auto style = static_cast<size_t>(cell.attribute("s").as_uint());
  if (style < date_styles.size() && date_styles[style]) {
    const double serial = std::strtod(value, nullptr);
    // Excel's dates run from serial 0 to 2958465 (9999-12-31); a number
    // outside them in a date-formatted cell is shown as the number it is
    // (a huge one overflowed the day count: found by fuzz/xlsx_parts_fuzz).
    if (serial >= 0 && serial < kLastExcelSerial + 1) {
      return excel_serial_to_iso_date(serial, date1904);
    }
  }
  return number_text(value);
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
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (bracket == 0 && (c == 'G' || c == 'g') && code.substr(i, 7) == "General") {
      i += 6;
    } else if (bracket == 0 && (c == 'E' || c == 'e') && i + 1 < code.size() &&
               (code[i + 1] == '+' || code[i + 1] == '-')) {
      ++i;  // scientific notation, 0.00E+00
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
  pugi::xml_document doc = parse_xml(zip, entry->path);
  pugi::xml_node sheet_data = child(child(doc, "worksheet"), "sheetData");
  size_t next_row = 0;
  for (pugi::xml_node row : sheet_data.children()) {
    if (!is(row, "row")) continue;
    const size_t r = row.attribute("r") ? row.attribute("r").as_uint() - 1 : next_row;
    if (r > 1048575) throw XlsxError("XLSX の行番号が範囲外です");
    next_row = r + 1;
    if (out.rows.size() <= r) out.rows.resize(r + 1);
    std::vector<std::string>& cells = out.rows[r];
    size_t next_col = 0;
    for (pugi::xml_node cell : row.children()) {
      if (!is(cell, "c")) continue;
      const int col = column_of(cell.attribute("r").value());
      const size_t c = col >= 0 ? static_cast<size_t>(col) : next_col;
      if (c > 16383) throw XlsxError("XLSX の列番号が範囲外です");
      next_col = c + 1;
      std::string text = cell_text(cell, shared, date_styles, book.date1904);
      if (text.empty()) continue;
      if (cells.size() <= c) cells.resize(c + 1);
      cells[c] = std::move(text);
    }
  }
  return out;
}

}  // namespace medbcp::io
