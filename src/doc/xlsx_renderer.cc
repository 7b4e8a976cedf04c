#include "doc/xlsx_renderer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace medbcp::doc {
namespace {

constexpr lxw_color_t kNavy = 0x1F3A5F;
constexpr lxw_color_t kNavyTint = 0xE3EAF3;
constexpr lxw_color_t kBlank = 0xFFF1C4;
constexpr lxw_color_t kRule = 0xA7B1BD;
constexpr const char* kFont = "游ゴシック";
constexpr std::uint8_t kPaperA4 = 9;

// A temporary file that is removed when it goes out of scope: libxlsxwriter
// 1.1 writes only to a file.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/medbcp-xlsx-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("一時ファイルを作成できません: " + path_);
    close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// "表５　情報機器台帳" → "情報機器台帳"; Excel forbids []:*?/\ and allows 31 characters.
std::string sheet_name(const Table& t, std::set<std::string>& used) {
  std::string name = t.caption;
  if (auto pos = name.find("　"); name.starts_with("表") && pos != std::string::npos)
    name = name.substr(pos + 3);
  if (name.empty()) name = t.name;
  std::string clean;
  int chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < 28;) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    std::string ch = name.substr(i, len);
    if (ch.size() == 1 && std::string("[]:*?/\\'").find(ch[0]) != std::string::npos) ch = "_";
    clean += ch;
    ++chars;
    i += len;
  }
  std::string unique = clean;
  for (int n = 2; used.count(unique); ++n) unique = clean + std::to_string(n);
  used.insert(unique);
  return unique;
}

// Excel header/footer text: & starts a code, so a literal & is doubled.
std::string header_text(std::string_view s, std::size_t max_bytes) {
  std::string out;
  for (char c : s) {
    if (out.size() + 2 > max_bytes) break;
    if (c == '&') out += '&';
    out += c;
  }
  return out;
}

class XlsxWriter {
 public:
  explicit XlsxWriter(const Document& doc) : doc_(doc) {}
  ~XlsxWriter() {
    if (workbook_) lxw_workbook_free(workbook_);  // only after a failure
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  std::string run() {
    TempFile file;
    lxw_workbook_options options{};
    workbook_ = workbook_new_opt(file.path().c_str(), &options);
    if (!workbook_) throw std::runtime_error("XLSX を作成できません");
    formats();
    std::string title = doc_.title + "　" + to_plain(doc_.facility_name);
    std::string author = to_plain(doc_.facility_name);
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    workbook_set_properties(workbook_, &properties);

    // 別紙２ first: it is what most clinics open this file for.
    std::vector<const Table*> tables;
    for (const Block& b : doc_.blocks)
      if (const auto* t = std::get_if<Table>(&b); t && t->name == "devices") tables.push_back(t);
    for (const Block& b : doc_.blocks)
      if (const auto* t = std::get_if<Table>(&b); t && t->name != "devices") tables.push_back(t);
    for (const Table* t : tables) sheet(*t);
    if (tables.empty()) workbook_add_worksheet(workbook_, nullptr);

    lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR)
      throw std::runtime_error(std::string("XLSX の書き出しに失敗しました: ") +
                               lxw_strerror(error));
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

 private:
  lxw_format* format(bool bold, lxw_color_t bg, lxw_color_t color, double size, bool border) {
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, kFont);
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    if (bg) format_set_bg_color(f, bg);
    if (color) format_set_font_color(f, color);
    if (border) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_border_color(f, kRule);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    return f;
  }

  void formats() {
    title_ = format(true, 0, kNavy, 14, false);
    subtitle_ = format(false, 0, 0x5B6B7F, 9, false);
    header_ = format(true, kNavyTint, kNavy, 10, true);
    format_set_bottom(header_, LXW_BORDER_MEDIUM);
    format_set_bottom_color(header_, kNavy);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    cell_ = format(false, 0, 0, 10, true);
    blank_ = format(false, kBlank, 0x7F8C9E, 10, true);
  }

  void sheet(const Table& t) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, sheet_name(t, names_).c_str());
    if (!ws) throw std::runtime_error("XLSX のシートを作成できません");
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, kPaperA4);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_fit_to_pages(ws, 1, 0);  // as wide as one page, as many pages as it takes
    worksheet_center_horizontally(ws);
    std::string footer = "&L" + header_text(to_plain(doc_.facility_name), 90) + "&C&P / &N&R" +
                         header_text(doc_.edition_line(), 90);
    worksheet_set_footer(ws, footer.c_str());

    const lxw_row_t header_row = 3;
    worksheet_write_string(ws, 0, 0, (t.caption.empty() ? t.name : t.caption).c_str(), title_);
    worksheet_write_string(
        ws, 1, 0, (to_plain(doc_.facility_name) + "　" + doc_.edition_line()).c_str(), subtitle_);
    worksheet_set_row(ws, 0, 22, nullptr);

    double total = 0;
    for (const Column& c : t.columns) total += c.weight;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      double width = std::max(6.0, 150.0 * t.columns[c].weight / total);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                           nullptr);
      worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), t.columns[c].header.c_str(),
                             header_);
    }
    worksheet_set_row(ws, header_row, 20, nullptr);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Text& value = c < t.rows[r].size() ? t.rows[r][c] : Text{};
        worksheet_write_string(ws, static_cast<lxw_row_t>(header_row + 1 + r),
                               static_cast<lxw_col_t>(c), to_plain(value).c_str(),
                               has_blank(value) ? blank_ : cell_);
      }
    }
    if (!t.columns.empty()) {
      lxw_row_t last = static_cast<lxw_row_t>(header_row + std::max<std::size_t>(t.rows.size(), 1));
      worksheet_autofilter(ws, header_row, 0, last, static_cast<lxw_col_t>(t.columns.size() - 1));
    }
    worksheet_freeze_panes(ws, header_row + 1, 0);
    worksheet_repeat_rows(ws, header_row, header_row);
  }

  const Document& doc_;
  lxw_workbook* workbook_ = nullptr;
  std::set<std::string> names_;
  lxw_format* title_ = nullptr;
  lxw_format* subtitle_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* cell_ = nullptr;
  lxw_format* blank_ = nullptr;
};

}  // namespace

std::string render_xlsx(const Document& doc) { return XlsxWriter(doc).run(); }

}  // namespace medbcp::doc
