// The 点検 page (/checks): every reminder with a link to where it is dealt
// with, the external contacts of 別紙１ with when each was last verified and
// a button to record a verification, the plan review (最終見直し日), and the
// reminder settings (棚卸し cycle, review periods, warning windows).
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_check_routes(Router& router);

}  // namespace medbcp::web
