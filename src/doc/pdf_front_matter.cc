// The PDF's front matter: the cover with its sign-off boxes, the table of
// contents with page numbers, and the footer of every page.
#include "doc/pdf_writer.h"

namespace medbcp::doc::pdf {

void PdfWriter::cover(cairo_t* cr) {
  const double x = kPortrait.left + 6;
  const double w = kA4Short - x - kPortrait.right;
  // A navy band down the left edge and a thin one at the foot.
  set_color(cr, kNavy);
  cairo_rectangle(cr, 0, 0, 18, kA4Long);
  cairo_fill(cr);
  set_color(cr, kNavyTint);
  cairo_rectangle(cr, 18, 0, 5, kA4Long);
  cairo_fill(cr);

  double y = 190;
  if (!doc_.subtitle.empty()) {
    LayoutPtr l = text_.layout(doc_.subtitle, {.sans = true, .size = 15, .color = kMuted}, w);
    set_color(cr, kMuted);
    draw_layout(cr, l.get(), x, y);
    y += layout_height(l.get()) + 6;
  }
  LayoutPtr title =
      text_.layout(doc_.title, {.sans = true, .size = 30, .bold = true, .color = kNavy}, w);
  set_color(cr, kNavy);
  draw_layout(cr, title.get(), x, y);
  y += layout_height(title.get()) + 14;
  cairo_rectangle(cr, x, y, 72, 3.5);
  cairo_fill(cr);
  y += 34;
  LayoutPtr facility =
      text_.layout(doc_.facility_name, {.sans = true, .size = 21, .bold = true}, w);
  set_color(cr, kInk);
  draw_layout(cr, facility.get(), x, y);
  y += layout_height(facility.get()) + 40;

  // The plan's facts as a quiet two-column list.
  const double label_w = 150;
  for (const CoverFact& f : doc_.cover_facts) {
    LayoutPtr label =
        text_.layout(f.label, {.sans = true, .size = 9, .color = kMuted}, label_w - 8);
    LayoutPtr value = text_.layout(f.value, {.size = 11}, w - label_w);
    double h = std::max(layout_height(label.get()), layout_height(value.get()));
    set_color(cr, kMuted);
    draw_layout(cr, label.get(), x, y + (h - layout_height(label.get())) / 2);
    set_color(cr, kInk);
    draw_layout(cr, value.get(), x + label_w, y);
    y += h + 7;
    set_color(cr, kHairline);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, x, y - 3.5);
    cairo_line_to(cr, x + w, y - 3.5);
    cairo_stroke(cr);
  }

  // Sign-off boxes: 作成 / 確認 / 承認, to be stamped on paper.
  const double box_w = 66, head_h = 17, box_h = 60;
  double bx = x + w - 3 * box_w, by = kA4Long - 205;
  for (int i = 0; i < 3; ++i) {
    const char* who[] = {"作成", "確認", "承認"};
    double cx = bx + i * box_w;
    cairo_rectangle(cr, cx, by, box_w, head_h);
    set_color(cr, kNavyTint);
    cairo_fill(cr);
    LayoutPtr l = text_.layout(
        who[i], {.sans = true, .size = 8.5, .color = kNavy, .align = PANGO_ALIGN_CENTER}, box_w);
    set_color(cr, kNavy);
    draw_layout(cr, l.get(), cx, by + (head_h - layout_height(l.get())) / 2);
  }
  set_color(cr, kRule);
  cairo_set_line_width(cr, 0.6);
  cairo_rectangle(cr, bx, by, 3 * box_w, head_h + box_h);
  cairo_move_to(cr, bx, by + head_h);
  cairo_line_to(cr, bx + 3 * box_w, by + head_h);
  for (int i = 1; i < 3; ++i) {
    cairo_move_to(cr, bx + i * box_w, by);
    cairo_line_to(cr, bx + i * box_w, by + head_h + box_h);
  }
  cairo_stroke(cr);

  if (!doc_.source_note.empty()) {
    LayoutPtr l = text_.layout(
        doc_.source_note, {.sans = true, .size = 7.5, .color = kMuted, .line_spacing = 1.5}, w);
    set_color(cr, kMuted);
    draw_layout(cr, l.get(), x, kA4Long - 72 - layout_height(l.get()));
  }
}

int PdfWriter::contents(cairo_t* cr, int first_body_page, int total) {
  const double x = kPortrait.left, w = kA4Short - kPortrait.left - kPortrait.right;
  const double bottom = kA4Long - kPortrait.bottom;
  int pages = 1;
  double y = kPortrait.top;
  auto heading = [&] {
    LayoutPtr l = text_.layout("目次", {.sans = true, .size = 16, .bold = true, .color = kNavy}, w);
    if (cr) {
      set_color(cr, kNavy);
      draw_layout(cr, l.get(), x, y);
    }
    y += layout_height(l.get()) + 5;
    if (cr) {
      cairo_set_line_width(cr, 1.2);
      cairo_move_to(cr, x, y);
      cairo_line_to(cr, x + w, y);
      cairo_stroke(cr);
    }
    y += 18;
  };
  heading();
  for (const Mark& m : marks_) {
    const Heading& h = *m.heading;
    if (h.level > 2) continue;
    bool chapter = h.level == 1;
    double indent = chapter ? 0 : 2 * kEm;
    TextStyle style = chapter ? TextStyle{.sans = true, .size = 11, .bold = true, .color = kNavy}
                              : TextStyle{.size = kEm};
    double before = chapter ? 10 : 2;
    LayoutPtr l = text_.layout(h.full_title(), style, w - indent - 40);
    double lh = layout_height(l.get());
    if (y + before + lh > bottom) {
      ++pages;
      if (cr) {
        footer(cr, false, pages, total);
        cairo_show_page(cr);
      }
      y = kPortrait.top;
    } else {
      y += before;
    }
    if (cr) {
      int page = first_body_page + static_cast<int>(m.page);
      char link[96];
      std::snprintf(link, sizeof link, "page=%d pos=[0 %.1f]", page, std::max(0.0, m.y - 12));
      cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
      set_color(cr, style.color);
      draw_layout(cr, l.get(), x + indent, y);
      std::string number = std::to_string(page);
      LayoutPtr n =
          text_.layout(number, {.sans = true, .size = chapter ? 10.5 : 9.5, .color = kInk}, -1);
      double nw = layout_width(n.get());
      set_color(cr, kInk);
      draw_layout(cr, n.get(), x + w - nw, y + (lh - layout_height(n.get())) / 2);
      // Dotted leader from the title to the page number.
      double from = x + indent + layout_width(l.get()) + 6, to = x + w - nw - 6;
      set_color(cr, kRule);
      for (int dot = 0; from + dot * 4.2 < to; ++dot) {
        cairo_arc(cr, from + dot * 4.2, y + lh * 0.62, 0.55, 0, 2 * M_PI);
        cairo_fill(cr);
      }
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
    y += lh;
  }
  return pages;
}

void PdfWriter::footer(cairo_t* cr, bool landscape, int page, int total) {
  const Margins& m = landscape ? kLandscape : kPortrait;
  double pw = landscape ? kA4Long : kA4Short, ph = landscape ? kA4Short : kA4Long;
  double w = pw - m.left - m.right;
  double rule_y = ph - m.bottom + 22;
  set_color(cr, kHairline);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, m.left, rule_y);
  cairo_line_to(cr, m.left + w, rule_y);
  cairo_stroke(cr);
  TextStyle s{.sans = true, .size = 7.5, .color = kMuted, .ellipsize = true};
  double y = rule_y + 5;
  set_color(cr, kMuted);
  LayoutPtr facility = text_.layout(to_plain(doc_.facility_name), s, w / 3);
  draw_layout(cr, facility.get(), m.left, y);
  s.align = PANGO_ALIGN_CENTER;
  std::string number =
      total > 0 ? std::to_string(page) + " / " + std::to_string(total) : std::to_string(page);
  LayoutPtr n = text_.layout(number, s, w / 3);
  draw_layout(cr, n.get(), m.left + w / 3, y);
  s.align = PANGO_ALIGN_RIGHT;
  LayoutPtr edition = text_.layout(doc_.edition_line(), s, w / 3);
  draw_layout(cr, edition.get(), m.left + 2 * w / 3, y);
}

}  // namespace medbcp::doc::pdf
