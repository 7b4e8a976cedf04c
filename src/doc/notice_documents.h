// A composed notice (core/notice.h) on paper and screen: as the document
// model (PDF, DOCX, HTML through the renderers), as plain text whose fields
// are pasted one by one into the PPC's form, and — the door notice — as an
// A4 page in large type to tape to the entrance.
#pragma once

#include <string>

#include "core/notice.h"
#include "doc/document.h"

namespace medbcp::doc {

Document notice_document(core::NoticeKind kind, const core::ComposedNotice& notice,
                         const std::string& facility);
// 「【項目】\n値」 blocks: each field copied as it is.
std::string notice_text(const core::ComposedNotice& notice);
// One A4 page, the title in 40 pt and the text in 22 pt, to read from a
// few steps away.
std::string large_print_pdf(const core::ComposedNotice& notice);

}  // namespace medbcp::doc
