// The JSON API's answers: a JSON body, or a problem document (RFC 9457,
// application/problem+json) in Japanese that names the field (and the row)
// of each mistake, so a script's author can fix the request.
#pragma once

#include <string>

#include "core/problem.h"
#include "web/router.h"

namespace medbcp::web {

void send_json(RequestContext& ctx, int status, const std::string& json);

// {"type": "about:blank", "title": …, "status": …, "detail": …,
//  "errors": [{"field": …, "row": …, "message": …}]}
void send_problem(RequestContext& ctx, int status, const std::string& title,
                  const std::string& detail, const core::Problems& errors = {});

// The same document as a whole HTTP response, for the front door's
// refusals of an /api/ request (too large, unreadable) before any handler.
std::string problem_body(int status, const std::string& title, const std::string& detail,
                         const core::Problems& errors = {});

}  // namespace medbcp::web
