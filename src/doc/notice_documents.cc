#include "doc/notice_documents.h"

#include <cairo-pdf.h>

#include <stdexcept>

#include "doc/kit_form_painter.h"
#include "doc/pdf_writer.h"

namespace medbcp::doc {

Document notice_document(core::NoticeKind kind, const core::ComposedNotice& notice,
                         const std::string& facility) {
  Document d;
  d.title = notice.title;
  d.subtitle = core::label(kind);
  d.facility_name = facility.empty() ? blank(12) : plain(facility);
  if (!notice.missing.empty()) {
    d.blocks.push_back(
        Paragraph{Paragraph::Style::Note,
                  plain("下書き：未記入の項目が " + std::to_string(notice.missing.size()) +
                        " 件あります（「未記入」と書かれた箇所）。")});
  }
  Table* fields = nullptr;
  for (const auto& b : notice.blocks) {
    if (b.type != core::NoticeLine::Type::Field) fields = nullptr;
    switch (b.type) {
      case core::NoticeLine::Type::Heading:
        d.blocks.push_back(Heading{2, "", b.text, "notice-h" + std::to_string(d.blocks.size())});
        break;
      case core::NoticeLine::Type::Para:
        d.blocks.push_back(Paragraph{Paragraph::Style::Body, plain(b.text)});
        break;
      case core::NoticeLine::Type::List: {
        List list;
        list.marker = List::Marker::Bullet;
        for (const auto& item : b.items) list.items.push_back(plain(item));
        d.blocks.push_back(std::move(list));
        break;
      }
      case core::NoticeLine::Type::Field:
        if (fields == nullptr) {
          Table t;
          t.name = "fields-" + std::to_string(d.blocks.size());
          t.columns = {Column{"項目", 1.2}, Column{"内容", 3.2}};
          d.blocks.push_back(std::move(t));
          fields = &std::get<Table>(d.blocks.back());
        }
        fields->rows.push_back({plain(b.label), plain(b.text)});
        break;
    }
  }
  return d;
}

std::string notice_text(const core::ComposedNotice& notice) {
  std::string out = notice.title + "\n\n";
  for (const auto& b : notice.blocks) {
    switch (b.type) {
      case core::NoticeLine::Type::Heading:
        out += "■ " + b.text + "\n";
        break;
      case core::NoticeLine::Type::Para:
        out += b.text + "\n\n";
        break;
      case core::NoticeLine::Type::Field:
        out += "【" + b.label + "】\n" + b.text + "\n\n";
        break;
      case core::NoticeLine::Type::List:
        for (const auto& item : b.items) out += "・" + item + "\n";
        out += "\n";
        break;
    }
  }
  return out;
}

std::string large_print_pdf(const core::ComposedNotice& notice) {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(pdf::append_to_string, &out, kA4Width, kA4Height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("PDF を作成できません");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, notice.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "medbcp");
  cairo_t* cr = cairo_create(surface);
  {
    TextEngine text;
    FormPainter painter(cr, text);
    constexpr double kMargin = 48;
    const double width = kA4Width - 2 * kMargin;
    TextStyle title = sans(40, true);
    title.align = PANGO_ALIGN_CENTER;
    double y = kMargin + 24;
    y += painter.text(notice.title, title, kMargin, y, width) + 36;
    cairo_set_line_width(cr, 3);
    cairo_move_to(cr, kMargin, y - 18);
    cairo_line_to(cr, kMargin + width, y - 18);
    cairo_stroke(cr);
    TextStyle body = sans(22);
    body.line_spacing = 1.5;
    for (const auto& b : notice.blocks) {
      std::string line = b.type == core::NoticeLine::Type::Field ? b.label + "：" + b.text : b.text;
      if (b.type == core::NoticeLine::Type::List) {
        line.clear();
        for (const auto& item : b.items) line += "・" + item + "\n";
      }
      y += painter.text(line, body, kMargin, y, width) + 18;
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace medbcp::doc
