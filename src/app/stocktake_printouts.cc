#include "app/stocktake_printouts.h"

#include "app/audit.h"
#include "app/stocktake.h"
#include "doc/html_renderer.h"
#include "doc/pdf_renderer.h"
#include "doc/stocktake_documents.h"

namespace medbcp::app {

std::optional<PrintoutFile> stocktake_printout(Workspace& ws, const Actor& actor,
                                               const core::StocktakeRoundId& round,
                                               StocktakePrintout which, PrintFormat format) {
  auto view = stocktake_view(ws, actor, round);
  if (!view) return std::nullopt;
  const bool sheet = which == StocktakePrintout::Sheet;
  const bool pdf = format == PrintFormat::Pdf;
  const doc::Document document =
      sheet ? doc::stocktake_sheet_document(*view) : doc::stocktake_report_document(*view);
  PrintoutFile file;
  file.name = std::string(sheet ? "stocktake-sheet" : "stocktake-report") + "-" +
              view->round.started_at.tokyo_date().iso() + (pdf ? ".pdf" : ".html");
  file.content_type = pdf ? "application/pdf" : "text/html; charset=utf-8";
  file.bytes = pdf ? doc::render_pdf(document) : doc::render_html(document);
  audit_export(ws, actor,
               std::string(sheet ? "棚卸し記録用紙" : "棚卸し差異報告") + "（" +
                   (pdf ? "PDF" : "HTML") + "）",
               view->round.title);
  return file;
}

}  // namespace medbcp::app
