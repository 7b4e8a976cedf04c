// Two passes over the same code: the first only measures (no glyphs are
// drawn), which fixes the page of every heading and the page count; the
// second draws cover, contents and body straight into the PDF with the real
// page numbers. Laid-out table cells are kept between the passes, so the
// second pass costs little more than the drawing itself. (Replaying Cairo
// recording surfaces instead was a third slower on a 1,000-row ledger.)
#include "doc/pdf_renderer.h"

#include "doc/pdf_writer.h"

namespace medbcp::doc::pdf {

PdfWriter::~PdfWriter() {
  if (cr_) cairo_destroy(cr_);
  if (scratch_) cairo_surface_destroy(scratch_);
}

std::string PdfWriter::run() {
  // Pass 1: measure. Shapes go to a scratch surface; text is not drawn.
  measuring_ = true;
  scratch_ = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cr_ = cairo_create(scratch_);
  body();
  cairo_destroy(cr_);
  cr_ = nullptr;
  return assemble();
}

void PdfWriter::body() {
  page_ = -1;
  marks_.clear();
  new_page(false);
  for (const Block& b : doc_.blocks) std::visit([this](const auto& v) { block(v); }, b);
  end_page();
}

void PdfWriter::end_page() {
  if (measuring_) return;
  footer(cr_, landscape_, first_body_ + page_, total_);
  cairo_show_page(cr_);
}

void PdfWriter::new_page(bool landscape) {
  if (page_ >= 0) end_page();
  ++page_;
  landscape_ = landscape;
  if (measuring_) {
    pages_.push_back(landscape);
  } else {
    cairo_pdf_surface_set_size(pdf_, page_width(), page_height());
  }
  y_ = top();
  blank_page_ = true;
}

void PdfWriter::show(PangoLayout* layout, double x, double y) {
  if (!measuring_) draw_layout(cr_, layout, x, y);
}

void PdfWriter::show_lines(PangoLayout* layout, double x, double y, std::size_t from,
                           std::size_t to) {
  if (!measuring_) draw_lines(cr_, layout, x, y, from, to);
}

void PdfWriter::ensure(double height) {
  if (!blank_page_ && y_ + height > bottom()) new_page(landscape_);
}

void PdfWriter::space(double points) {
  if (!blank_page_) y_ += points;
}

void PdfWriter::flow(PangoLayout* layout, double x, const Rgb& color) {
  std::vector<LineBox> lines = line_boxes(layout);
  std::size_t start = 0;
  double origin = 0;  // layout y drawn at y_
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (y_ + (lines[i].bottom - origin) <= bottom()) continue;
    if (i > start) {
      set_color(cr_, color);
      show_lines(layout, x, y_ - origin, start, i);
      new_page(landscape_);
    } else if (!blank_page_) {
      new_page(landscape_);
    } else {
      continue;  // a line taller than a page: draw it anyway
    }
    start = i;
    origin = lines[i].top;
  }
  set_color(cr_, color);
  show_lines(layout, x, y_ - origin, start, lines.size());
  y_ += lines.back().bottom - origin;
  blank_page_ = false;
}

void PdfWriter::block(const Heading& h) {
  TextStyle style{.sans = true, .bold = true, .color = kNavy};
  double before = 0, after = 0, keep = 0, x = left();
  switch (h.level) {
    case 1:
      style.size = 16;
      before = 24;
      after = 12;
      keep = 90;
      break;
    case 2:
      style.size = 12;
      before = 14;
      after = 5;
      keep = 60;
      break;
    default:
      style.size = 10.5;
      style.color = kInk;
      before = 8;
      after = 3;
      keep = 45;
      x += kEm;
      break;
  }
  space(before);
  LayoutPtr l = text_.layout(h.full_title(), style, left() + width() - x);
  double height = layout_height(l.get());
  ensure(height + after + keep);
  marks_.push_back({&h, static_cast<std::size_t>(page_), y_});
  set_color(cr_, style.color);
  show(l.get(), x, y_);
  y_ += height;
  if (h.level == 1) {
    y_ += 5;
    set_color(cr_, kNavy);
    cairo_set_line_width(cr_, 1.2);
    cairo_move_to(cr_, left(), y_);
    cairo_line_to(cr_, left() + width(), y_);
    cairo_stroke(cr_);
  }
  y_ += after;
  blank_page_ = false;
}

void PdfWriter::block(const Paragraph& p) {
  double x = left() + kEm;
  if (p.style == Paragraph::Style::Note) {
    const double pad = 8;
    TextStyle style{.size = 9.5, .line_spacing = 1.6, .justify = true};
    LayoutPtr l = text_.layout(p.text, style, width() - kEm - 2 * pad);
    double h = layout_height(l.get()) + 2 * pad;
    space(4);
    ensure(h);
    cairo_rectangle(cr_, x, y_, width() - kEm, h);
    set_color(cr_, kStripe);
    cairo_fill_preserve(cr_);
    set_color(cr_, kRule);
    cairo_set_line_width(cr_, 0.6);
    cairo_stroke(cr_);
    set_color(cr_, kInk);
    show(l.get(), x + pad, y_ + pad);
    y_ += h + 8;
    blank_page_ = false;
    return;
  }
  if (p.style == Paragraph::Style::Remark) {
    TextStyle style{.sans = true, .size = 9.5, .bold = true, .color = kNavy, .line_spacing = 1.5};
    LayoutPtr l = text_.layout(p.text, style, width() - kEm);
    space(2);
    flow(l.get(), x, kNavy);
    y_ += 6;
    return;
  }
  TextStyle style{.size = kEm, .line_spacing = 1.75, .indent = kEm, .justify = true};
  LayoutPtr l = text_.layout(p.text, style, width() - kEm);
  flow(l.get(), x, kInk);
  y_ += 5;
}

void PdfWriter::block(const List& list) {
  double x = left() + kEm;
  TextStyle style{.size = kEm, .line_spacing = 1.6, .justify = true};
  const double gap = text_.leading(style);
  double marker = 0;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    LayoutPtr m = text_.layout(list.marker_text(i), style, -1);
    marker = std::max(marker, layout_width(m.get()));
  }
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    Text t = plain(list.marker_text(i));
    append(t, list.items[i]);
    style.indent = -marker;  // hanging: wrapped lines align with the text
    LayoutPtr l = text_.layout(t, style, width() - kEm);
    flow(l.get(), x, kInk);
    y_ += gap;
  }
  y_ += 5 - gap / 2;
}

void PdfWriter::block(const Figure& f) {
  LayoutPtr caption;
  double caption_h = 0;
  if (!f.caption.empty()) {
    caption =
        text_.layout(f.caption, {.sans = true, .size = 9.5, .bold = true, .color = kNavy}, width());
    caption_h = layout_height(caption.get()) + 8;
  }
  space(4);
  ChartLayout chart = layout_contact_chart(f.chart, width(), bottom() - y_ - caption_h);
  // Only a page mostly used up already moves the chart to the next page.
  if (bottom() - y_ < (bottom() - top()) * 0.45 && !blank_page_) {
    new_page(landscape_);
    chart = layout_contact_chart(f.chart, width(), bottom() - y_ - caption_h);
  }
  if (caption) {
    set_color(cr_, kNavy);
    show(caption.get(), left(), y_);
    y_ += caption_h;
  }
  if (!measuring_) draw_contact_chart(cr_, text_, chart, left(), y_);
  y_ += chart.height + 10;
  blank_page_ = false;
}

void PdfWriter::block(const PageBreak& p) {
  bool landscape = p.orientation == PageBreak::Orientation::Landscape;
  if (!blank_page_) {
    new_page(landscape);
    return;
  }
  // Nothing on this page yet: only turn it.
  landscape_ = landscape;
  if (measuring_)
    pages_.back() = landscape;
  else
    cairo_pdf_surface_set_size(pdf_, page_width(), page_height());
  y_ = top();
}

std::string PdfWriter::assemble() {
  std::string out;
  pdf_ = cairo_pdf_surface_create_for_stream(append_to_string, &out, kA4Short, kA4Long);
  if (cairo_surface_status(pdf_) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(pdf_);
    throw std::runtime_error("PDF を作成できません");
  }
  std::string facility = to_plain(doc_.facility_name);
  cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_TITLE,
                                 (doc_.title + "　" + facility).c_str());
  cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_AUTHOR, facility.c_str());
  cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_SUBJECT, doc_.subtitle.c_str());
  cairo_pdf_surface_set_metadata(pdf_, CAIRO_PDF_METADATA_CREATOR, "medbcp");
  cr_ = cairo_create(pdf_);

  const int toc_pages = contents(nullptr, 0, 0);
  first_body_ = 2 + toc_pages;  // 1-based page number of the first body page
  total_ = 1 + toc_pages + static_cast<int>(pages_.size());
  const std::size_t measured_pages = pages_.size();

  cover(cr_);
  cairo_show_page(cr_);
  contents(cr_, first_body_, total_);
  footer(cr_, false, 1 + toc_pages, total_);
  cairo_show_page(cr_);

  measuring_ = false;
  body();
  if (static_cast<std::size_t>(page_) + 1 != measured_pages)
    throw std::logic_error("PDF: the two passes paginated differently");

  // Bookmarks: chapters with their sections beneath.
  int chapter_id = CAIRO_PDF_OUTLINE_ROOT;
  for (const Mark& m : marks_) {
    if (m.heading->level > 2) continue;
    char link[96];
    std::snprintf(link, sizeof link, "page=%d pos=[0 %.1f]", first_body_ + static_cast<int>(m.page),
                  std::max(0.0, m.y - 12));
    int parent = m.heading->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : chapter_id;
    int id = cairo_pdf_surface_add_outline(pdf_, parent, m.heading->full_title().c_str(), link,
                                           static_cast<cairo_pdf_outline_flags_t>(0));
    if (m.heading->level == 1) chapter_id = id;
  }

  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(pdf_);
  cairo_status_t status = cairo_surface_status(pdf_);
  cairo_surface_destroy(pdf_);
  pdf_ = nullptr;
  if (info_) *info_ = {total_, text_.missing_glyphs()};
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("PDF の書き出しに失敗しました: ") +
                             cairo_status_to_string(status));
  return out;
}

}  // namespace medbcp::doc::pdf

namespace medbcp::doc {

std::string render_pdf(const Document& doc, PdfInfo* info) {
  return pdf::PdfWriter(doc, info).run();
}

}  // namespace medbcp::doc
