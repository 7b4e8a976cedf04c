// The kits in the web app: download the offline kit (one HTML file) and the
// paper kit (PDF), record that the paper kit was printed, see whether the
// kits still carry the current plan, and upload an offline log written in
// the kit to merge it into an incident.
//   GET  /kit            the page
//   POST /kit/offline    the offline kit, as an attachment
//   POST /kit/paper      the paper kit PDF, as an attachment
//   POST /kit/printed    the newest paper kit was printed
//   POST /kit/import     an offline log (multipart "log"; optional "incident")
// Downloads are POSTs because making a kit records it.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_kit_routes(Router& router);

}  // namespace medbcp::web
