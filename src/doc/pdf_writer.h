// The PDF renderer's writer (doc/pdf_renderer.h is its door): page
// geometry, colours and the PdfWriter class, whose members are defined in
// doc/pdf_renderer.cc (passes, pages, text blocks), doc/pdf_tables.cc
// (tables) and doc/pdf_front_matter.cc (cover, contents, footer). Internal
// to those three files.
#pragma once

#include "doc/pdf_renderer.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "doc/cairo_chart.h"
#include "doc/contact_chart_layout.h"
#include "doc/pango_text.h"
#include "doc/table_widths.h"

namespace medbcp::doc::pdf {

using namespace chart_style;

inline constexpr double kA4Short = 595.276;
inline constexpr double kA4Long = 841.890;
inline constexpr double kEm = 10.5;  // body font size; indents are in body ems

inline constexpr Rgb kMuted{0.357, 0.420, 0.498, "#5b6b7f"};
inline constexpr Rgb kRule{0.655, 0.694, 0.741, "#a7b1bd"};
inline constexpr Rgb kHairline{0.835, 0.859, 0.890, "#d5dbe3"};
inline constexpr Rgb kStripe{0.965, 0.973, 0.984, "#f6f8fb"};

struct Margins {
  double top, bottom, left, right;
};
inline constexpr Margins kPortrait{66, 74, 68, 62};
inline constexpr Margins kLandscape{46, 62, 52, 52};

// A heading's place, for the table of contents and the PDF bookmarks.
struct Mark {
  const Heading* heading;
  std::size_t page;  // index into the body pages
  double y;
};

inline cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                       unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class PdfWriter {
 public:
  PdfWriter(const Document& doc, PdfInfo* info) : doc_(doc), info_(info) {
    if (info_) text_.count_missing_glyphs();
  }

  ~PdfWriter();

  std::string run();

 private:
  // --- geometry of the current page ---------------------------------------
  const Margins& margins() const { return landscape_ ? kLandscape : kPortrait; }
  double page_width() const { return landscape_ ? kA4Long : kA4Short; }
  double page_height() const { return landscape_ ? kA4Short : kA4Long; }
  double left() const { return margins().left; }
  double width() const { return page_width() - margins().left - margins().right; }
  double top() const { return margins().top; }
  double bottom() const { return page_height() - margins().bottom; }

  void body();

  // Pass 2 closes each page with its footer (the page count is known).
  void end_page();

  void new_page(bool landscape);

  // Text is drawn only in the second pass.
  void show(PangoLayout* layout, double x, double y);
  void show_lines(PangoLayout* layout, double x, double y, std::size_t from, std::size_t to);

  // Moves to a new page unless `height` still fits on this one.
  void ensure(double height);

  void space(double points);

  // Draws a laid-out paragraph at x, continuing on new pages between lines.
  void flow(PangoLayout* layout, double x, const Rgb& color);

  // --- blocks ----------------------------------------------------------------
  void block(const Heading& h);

  void block(const Paragraph& p);

  void block(const List& list);

  struct TableStyle {
    TextStyle cell, header;
    double pad_x, pad_y;
  };

  TableStyle table_style(const Table& t) const;

  // A laid-out cell. Ledgers repeat the same words row after row (種別,
  // 設置場所, 保守業者, dates), so each distinct text of a column is laid
  // out once and drawn as often as it occurs.
  struct Cell {
    LayoutPtr layout;
    double height = 0;
    std::vector<LineBox> lines;  // filled only when a row must split
  };

  class CellCache {
   public:
    CellCache(TextEngine& text, const TextStyle& style, double width)
        : text_(text), style_(style), width_(width) {}
    Cell* get(const Text& value) {
      std::string key = to_plain(value);
      if (has_blank(value)) key.insert(key.begin(), '\x01');  // drawn tinted
      auto [it, inserted] = cells_.try_emplace(std::move(key));
      if (inserted) {
        it->second.layout = text_.layout(value, style_, width_);
        it->second.height = layout_height(it->second.layout.get());
      }
      return &it->second;
    }

   private:
    TextEngine& text_;
    TextStyle style_;
    double width_;
    std::unordered_map<std::string, Cell> cells_;
  };

  // One page's part of a table: the grid is stroked once per part, not per
  // cell, which keeps a 1,000-row ledger small and fast.
  struct Segment {
    double top = 0;                 // top of the header row
    std::vector<double> row_lines;  // y of each row's bottom border
  };

  void draw_table_header(const Table& t, const TableStyle& s, const std::vector<double>& xs,
                         const std::vector<LayoutPtr>& headers, double height, Segment& seg);

  void close_table_segment(const std::vector<double>& xs, const Segment& seg, double header_h);

  // Width of a run of printable ASCII in `style`, from per-character
  // advances measured once per style (kerning is left out: these are
  // minimum column widths, not positions).
  double ascii_width(std::string_view run, const TextStyle& style);

  // Column edges: widths by weight, but wide enough for each header and for
  // the longest run of each column that must not break (see table_widths.h).
  std::vector<double> column_edges(const Table& t, const TableStyle& s);

  void block(const Table& t);

  void stripe(const std::vector<double>& xs, std::size_t r, double height);

  // A row taller than a page continues on the next page between two lines
  // of text, never through one.
  void split_row(const std::vector<double>& xs, const TableStyle& s, std::vector<Cell*>& row,
                 std::size_t r, Segment& seg, const std::vector<LayoutPtr>& headers,
                 double header_h, const Table& t);

  void block(const Figure& f);

  void block(const PageBreak& p);

  // --- cover, contents, footer ---------------------------------------------
  void cover(cairo_t* cr);

  struct TocEntry {
    LayoutPtr title;
    double height;
    int level;
  };

  // Lays out (cr == nullptr) or draws the contents; returns its page count.
  int contents(cairo_t* cr, int first_body_page, int total);

  void footer(cairo_t* cr, bool landscape, int page, int total);

  // Pass 2: cover, contents, then the body again, into the PDF.
  std::string assemble();

  const Document& doc_;
  PdfInfo* info_;
  TextEngine text_;
  bool measuring_ = true;
  std::vector<bool> pages_;  // orientation of each body page (pass 1)
  int page_ = -1;            // current body page, 0-based
  int first_body_ = 0;       // page number of the first body page
  int total_ = 0;            // pages in the PDF
  std::vector<Mark> marks_;
  std::unordered_map<const Table*, std::vector<CellCache>> table_cells_;
  std::unordered_map<const Table*, std::vector<double>> table_edges_;
  std::map<std::pair<double, bool>, std::array<double, 0x7f - ' '>> ascii_advances_;
  cairo_surface_t* scratch_ = nullptr;  // pass 1 draws its shapes here
  cairo_surface_t* pdf_ = nullptr;
  cairo_t* cr_ = nullptr;
  bool landscape_ = false;
  double y_ = 0;
  bool blank_page_ = true;
};

}  // namespace medbcp::doc::pdf
