#include "doc/kit_pdf.h"

// qpdf's legacy PointerHolder is not used here; level 4 turns it off.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <memory>
#include <stdexcept>

namespace medbcp::doc {

std::string concatenate_pdfs(const std::vector<std::string>& parts) {
  if (parts.empty()) throw std::runtime_error("PDF がありません");
  try {
    // Every source must outlive the write: appended pages are copied from
    // them lazily, when the writer walks the object graph.
    std::vector<std::unique_ptr<QPDF>> sources;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      auto pdf = std::make_unique<QPDF>();
      pdf->setSuppressWarnings(true);
      const std::string name = "part" + std::to_string(i + 1) + ".pdf";
      pdf->processMemoryFile(name.c_str(), parts[i].data(), parts[i].size());
      sources.push_back(std::move(pdf));
    }
    QPDFPageDocumentHelper base(*sources.front());
    for (std::size_t i = 1; i < sources.size(); ++i) {
      for (auto& page : QPDFPageDocumentHelper(*sources[i]).getAllPages()) {
        base.addPage(page, false);
      }
    }
    QPDFWriter writer(*sources.front());
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("PDF を結合できません: ") + e.what());
  }
}

}  // namespace medbcp::doc
