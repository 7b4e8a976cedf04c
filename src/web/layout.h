// The page frame every HTML page shares: head with the embedded stylesheet
// and script, skip link, header with the role-aware navigation and the
// account menu, breadcrumbs, a notice after a redirect ("保存しました。"),
// the page's own content, and the security headers of every response.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

struct Crumb {
  std::string label;
  std::string href;
};

struct Page {
  std::string title;          // <title> and <h1>
  std::string nav;            // NavItem::key of the current menu item
  std::vector<Crumb> crumbs;  // before the current page
  Html body;
  int status = 200;
  bool wide = false;  // full-width content (wide tables)
};

void render_page(RequestContext& ctx, Page& page);

// An error page inside the frame; the message is for people, never internals.
void render_error(RequestContext& ctx, int status, std::string_view title,
                  std::string_view message);
// For errors raised by httplib itself (404 of an unknown path, 413, 400),
// where there is no session: a plain page in the same style.
std::string standalone_error_page(int status);

// Content-Security-Policy (no inline script or style), frame denial,
// nosniff, no referrer, and Cache-Control: no-store (assets override it).
void apply_security_headers(httplib::Response& res, bool tls);

// "/assets/app.css?v=<hash>": the hash changes with the file, so the
// browser may cache assets for a year.
std::string asset_url(std::string_view name);

// Redirect notices: handlers redirect to "…?notice=saved", the frame shows
// the matching sentence. Only known codes are shown, never the URL's text.
std::string notice_text(std::string_view code);

}  // namespace medbcp::web
