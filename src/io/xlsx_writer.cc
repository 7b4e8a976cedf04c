#include "io/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace medbcp::io {
namespace {

constexpr uint8_t kPaperA4 = 9;

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("XLSX ") + what + ": " + lxw_strerror(error));
  }
}

// Header and footer strings treat & as a control character.
std::string escape_header_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += '&';
    out += c;
  }
  return out;
}

}  // namespace

void write_xlsx(const std::string& path, const XlsxTable& table) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw std::runtime_error("XLSX を作成できません: " + path);
  // workbook_close() frees the workbook whatever happens, so every path that
  // leaves this function after here must call it exactly once.
  try {
    lxw_worksheet* sheet = workbook_add_worksheet(
        workbook, table.sheet_name.empty() ? nullptr : table.sheet_name.c_str());
    if (sheet == nullptr)
      throw std::runtime_error("XLSX のシート名が使えません: " + table.sheet_name);

    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xD9E1F2);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format* text = workbook_add_format(workbook);
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(text, LXW_BORDER_THIN);
    format_set_num_format(text, "@");
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy/m/d");
    format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(date, LXW_ALIGN_LEFT);
    format_set_border(date, LXW_BORDER_THIN);

    worksheet_set_paper(sheet, kPaperA4);
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_repeat_rows(sheet, 0, 0), "repeat_rows");
    if (!table.print_header.empty()) {
      check(worksheet_set_header(sheet, ("&L" + escape_header_text(table.print_header)).c_str()),
            "header");
    }
    check(worksheet_set_footer(sheet, "&C&P / &N"), "footer");

    for (size_t c = 0; c < table.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(sheet, col, col, table.columns[c].width, nullptr), "column");
      check(worksheet_write_string(sheet, 0, col, table.columns[c].header.c_str(), header),
            "header cell");
    }
    if (!table.columns.empty()) {
      check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                 static_cast<lxw_col_t>(table.columns.size() - 1)),
            "autofilter");
    }
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < table.rows[r].size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const XlsxCell& cell = table.rows[r][c];
        if (const auto* s = std::get_if<std::string>(&cell)) {
          check(worksheet_write_string(sheet, row, col, s->c_str(), text), "cell");
        } else if (const auto* d = std::get_if<core::Date>(&cell)) {
          lxw_datetime when = {d->year, d->month, d->day, 0, 0, 0};
          check(worksheet_write_datetime(sheet, row, col, &when, date), "date cell");
        } else {
          check(worksheet_write_blank(sheet, row, col, text), "blank cell");
        }
      }
    }
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), "close");
}

std::string xlsx_bytes(const XlsxTable& table) {
  std::string pattern = (std::filesystem::temp_directory_path() / "medbcp-XXXXXX.xlsx").string();
  const int fd = mkstemps(pattern.data(), 5);
  if (fd < 0) throw std::runtime_error("一時ファイルを作成できません");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::filesystem::remove(path); }
  } remove{pattern};
  write_xlsx(pattern, table);
  std::ifstream in(pattern, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace medbcp::io
