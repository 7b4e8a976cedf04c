#include "doc/pango_text.h"

#include <algorithm>
#include <stdexcept>

namespace medbcp::doc {
namespace {

constexpr const char* kSerif = "IPAexMincho, Noto Serif CJK JP, serif";
constexpr const char* kSans = "IPAexGothic, Noto Sans CJK JP, sans-serif";

guint16 channel(double v) { return static_cast<guint16>(v * 65535.0 + 0.5); }

}  // namespace

TextEngine::TextEngine() {
  font_map_ = pango_cairo_font_map_new();
  if (!font_map_) throw std::runtime_error("Pango のフォントマップを作成できません");
  context_ = pango_font_map_create_context(font_map_);
  pango_cairo_context_set_resolution(context_, 72);  // 1 Pango point = 1 PDF unit
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  // Japanese glyph forms for the unified Han characters.
  pango_context_set_language(context_, pango_language_from_string("ja-jp"));
  for (int sans = 0; sans < 2; ++sans) {
    for (int bold = 0; bold < 2; ++bold) {
      PangoFontDescription* d = pango_font_description_from_string(sans ? kSans : kSerif);
      pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_font_description_set_size(d, 10 * PANGO_SCALE);
      fonts_[sans][bold] = d;
    }
  }
}

TextEngine::~TextEngine() {
  for (auto& row : fonts_)
    for (PangoFontDescription* d : row) pango_font_description_free(d);
  g_object_unref(context_);
  g_object_unref(font_map_);
}

PangoFontDescription* TextEngine::font(const TextStyle& style) {
  PangoFontDescription* d = fonts_[style.sans ? 1 : 0][style.bold ? 1 : 0];
  pango_font_description_set_size(d, static_cast<int>(style.size * PANGO_SCALE + 0.5));
  return d;
}

void TextEngine::set(PangoLayout* layout, const Text& text, const TextStyle& style, double width) {
  std::string utf8;
  PangoAttrList* attrs = pango_attr_list_new();
  for (const Span& s : text) {
    if (s.kind == Span::Kind::Text) {
      utf8 += s.text;
      continue;
    }
    // A blank: a tinted run of ＿ the reader writes over by hand.
    auto start = static_cast<guint>(utf8.size());
    utf8 += blank_text(s.width);
    auto end = static_cast<guint>(utf8.size());
    PangoAttribute* bg = pango_attr_background_new(channel(1.0), channel(0.945), channel(0.78));
    bg->start_index = start;
    bg->end_index = end;
    pango_attr_list_insert(attrs, bg);
    PangoAttribute* fg = pango_attr_foreground_new(channel(0.50), channel(0.55), channel(0.62));
    fg->start_index = start;
    fg->end_index = end;
    pango_attr_list_insert(attrs, fg);
  }
  pango_layout_set_font_description(layout, font(style));
  pango_layout_set_width(layout, width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent(layout, static_cast<int>(style.indent * PANGO_SCALE));
  pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
  pango_layout_set_justify(layout, style.justify);
  pango_layout_set_alignment(layout, style.align);
  pango_layout_set_ellipsize(layout, style.ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (style.ellipsize) pango_layout_set_height(layout, -1);  // one line
  pango_layout_set_text(layout, utf8.data(), static_cast<int>(utf8.size()));
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  if (count_missing_) missing_ += pango_layout_get_unknown_glyphs_count(layout);
}

LayoutPtr TextEngine::layout(const Text& text, const TextStyle& style, double width) {
  LayoutPtr l(pango_layout_new(context_));
  set(l.get(), text, style, width);
  return l;
}

LayoutPtr TextEngine::layout(const std::string& text, const TextStyle& style, double width) {
  return layout(plain(text), style, width);
}

double TextEngine::leading(const TextStyle& style) {
  TextStyle one = style;
  one.indent = 0;
  LayoutPtr single = layout(std::string("あ"), one, -1);
  LayoutPtr two = layout(std::string("あ\nあ"), one, -1);
  double h1 = layout_height(single.get());
  return std::max(0.0, layout_height(two.get()) - 2 * h1);
}

double layout_height(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

double layout_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<double>(logical.x + logical.width) / PANGO_SCALE;
}

std::vector<LineBox> line_boxes(PangoLayout* layout) {
  std::vector<LineBox> out;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    LineBox b;
    b.top = static_cast<double>(logical.y) / PANGO_SCALE;
    b.bottom = static_cast<double>(logical.y + logical.height) / PANGO_SCALE;
    b.baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    b.x = static_cast<double>(logical.x) / PANGO_SCALE;
    out.push_back(b);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

void draw_lines(cairo_t* cr, PangoLayout* layout, double x, double y, std::size_t from,
                std::size_t to) {
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  std::size_t i = 0;
  do {
    if (i >= to) break;
    if (i >= from) {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
      cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE, y + baseline);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    }
    ++i;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

void set_color(cairo_t* cr, const chart_style::Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

}  // namespace medbcp::doc
