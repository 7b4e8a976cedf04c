// How the web application is put together, and how a feature adds pages.
//
// Every page is a route registered on the Router with the permission it
// needs. Before a handler runs, the Router has already:
//   - sent anyone to /setup while no account exists (first run),
//   - found the session from its cookie and sent anonymous visitors of a
//     private page to /login,
//   - refused a user whose role lacks the route's permission (403 page),
//   - for every POST, refused a request without the session's CSRF token
//     (form field "csrf", or header X-CSRF-Token) or from another origin,
// and it catches what the handler throws: app::PermissionDenied becomes the
// 403 page, app::NoPlan the "no plan yet" page, anything else a 500 page
// that shows no internals (the details go to the server's log).
//
// Adding a feature (incidents, stock-take, backups, downloads …):
//   1. Write src/web/<feature>_pages.{h,cc} with
//        void register_<feature>_routes(Router& router);
//      which calls router.get/post(pattern, permission, handler) for each
//      page and router.add_nav({...}) when it belongs in the main menu.
//      Build pages with render_page() (web/layout.h) and forms with
//      web/form.h; all HTML goes through web/html.h.
//   2. Add one line calling it to register_all_routes() in src/web/routes.cc.
// Patterns are httplib regexes; captures are read with ctx.match(1) or
// ctx.id_match(1). Handlers call use cases in src/app (never src/store),
// passing ctx.actor(), so the permission is checked there too.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/facility_directory.h"
#include "app/sessions.h"
#include "app/workspace.h"
#include "core/time.h"
#include "web/front_door.h"

namespace medbcp::web {

class Router;

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;       // 0: any free port
  std::string tls_cert;  // PEM files; both set means HTTPS
  std::string tls_key;
  // Request sizes (larger bodies get 413), time limits and connection caps
  // of the front door; worker_threads is the WebServer's `threads`.
  FrontDoorLimits limits;
  // A folder of the clinic's or association's own drill scenarios
  // (`serve --scenarios DIR`), offered beside the built-in ones.
  std::string scenarios_dir;
  bool tls() const { return !tls_cert.empty(); }
};

// One request as a handler sees it.
class RequestContext {
 public:
  RequestContext(const httplib::Request& request, httplib::Response& response, app::Workspace& ws,
                 const Router& router);

  const httplib::Request& request;
  httplib::Response& response;
  // The workspace this request works in: the server's only one, or on an
  // association's server the facility of the session (the association's
  // own accounts when signed out or signed in as the association).
  app::Workspace& ws;

  bool signed_in() const { return session_.has_value(); }
  // The signed-in user; an anonymous viewer when nobody is signed in.
  const app::Actor& actor() const;
  bool can(app::Permission permission) const;
  // The token every form of this page must carry (see form.h csrf_field).
  const std::string& csrf_token();

  // A form or query value; "" when absent.
  std::string param(const std::string& name) const;
  bool has_param(const std::string& name) const;
  // A capture of the route's pattern.
  std::string match(int index) const;
  // A capture read as a positive id; 0 when it is not one.
  std::int64_t id_match(int index) const;
  std::string cookie(const std::string& name) const;
  const std::string& path() const { return request.path; }

  core::Instant now() const { return now_; }
  const Router& router() const { return router_; }
  bool tls() const;

  // 303 See Other to a local path.
  void redirect(const std::string& location);
  void send(int status, const std::string& body, const char* content_type);
  // Sets a cookie with HttpOnly, SameSite=Strict, Path=/ (and Secure under TLS).
  void set_cookie(const std::string& name, const std::string& value, long max_age_seconds);

  // Starts the browser's session in the facility `facility_code` ("" for
  // the server's home workspace) after a sign-in there.
  void start_session_cookie(const std::string& facility_code, const std::string& token);
  // The facility code of this request's session ("" for the home workspace).
  const std::string& facility_code() const { return facility_code_; }
  // The session's token as the browser holds it (without the facility code).
  const std::string& session_token() const { return session_token_; }

  // Used by the Router.
  void set_session(std::optional<app::SessionInfo> session) { session_ = std::move(session); }
  const std::optional<app::SessionInfo>& session() const { return session_; }
  void set_session_origin(std::string facility_code, std::string token) {
    facility_code_ = std::move(facility_code);
    session_token_ = std::move(token);
  }

 private:
  const Router& router_;
  core::Instant now_;
  std::optional<app::SessionInfo> session_;
  std::string pre_session_csrf_;
  std::string facility_code_;
  std::string session_token_;
};

using Handler = std::function<void(RequestContext&)>;

// The value of the cookie `name` of a request; "" when it has none.
std::string cookie_value(const httplib::Request& request, const std::string& name);

// An entry of the main navigation, shown to users whose role has the permission.
struct NavItem {
  std::string key;  // matches Page::nav to mark the current item
  std::string label;
  std::string href;
  app::Permission permission = app::Permission::ReadPlan;
  int order = 100;  // lower first
  // The menu heading it folds under (「計画」「日頃の備え」「管理」); empty for
  // the few a person under stress needs at once (ダッシュボード, インシデント).
  std::string group{};
};

class Router {
 public:
  Router(httplib::Server& server, app::FacilityDirectory& directory, ServerConfig config);

  // Pages for signed-in users whose role has `permission`.
  void get(const std::string& pattern, app::Permission permission, Handler handler);
  void post(const std::string& pattern, app::Permission permission, Handler handler);
  // Pages for anyone (sign-in, first-run set-up). POSTs still need the
  // pre-session CSRF token that their form carries.
  void public_get(const std::string& pattern, Handler handler);
  void public_post(const std::string& pattern, Handler handler);
  // Static files: no session, no first-run redirect, cacheable.
  void asset_get(const std::string& pattern, Handler handler);
  // The JSON API (web/api.h): `method` GET, POST or PUT; the caller is the
  // user of the personal access token in `Authorization: Bearer …` (no
  // cookie, no CSRF token), whose role needs `permission` and whose token
  // must allow writing for anything but GET. Refusals are problem
  // documents (RFC 9457); every use is audited.
  void api(const std::string& method, const std::string& pattern, app::Permission permission,
           Handler handler);

  void add_nav(NavItem item);
  // Ordered by NavItem::order.
  const std::vector<NavItem>& nav() const { return nav_; }

  const ServerConfig& config() const { return config_; }
  app::FacilityDirectory& directory() const { return directory_; }
  // Whether this server serves an association's facilities (sign-in asks
  // for the 施設コード).
  bool many_facilities() const { return directory_.many(); }
  // Every registered route as "METHOD pattern" (the isolation tests walk them).
  const std::vector<std::string>& routes() const { return routes_; }

  // Cookie names (prefixed __Host- under TLS, which browsers then bind to
  // this exact origin).
  std::string session_cookie() const;
  std::string csrf_cookie() const;

 private:
  enum class Access { Asset, Public, SignedIn, Token };
  struct Route {
    Access access;
    std::optional<app::Permission> permission;
    Handler handler;
  };
  void add(const std::string& method, const std::string& pattern, Route route);
  // Where a request's session cookie says it works, and its token.
  struct Origin {
    app::Workspace* ws = nullptr;
    std::string facility_code;
    std::string token;
  };
  Origin session_origin(const std::string& cookie_value);
  void dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);
  // Token routes (web/api_dispatch.cc).
  void dispatch_api(const Route& route, const httplib::Request& req, httplib::Response& res);
  bool has_users();

  httplib::Server& server_;
  app::FacilityDirectory& directory_;
  ServerConfig config_;
  std::vector<NavItem> nav_;
  std::vector<std::string> routes_;
  std::atomic<bool> has_users_{false};
};

}  // namespace medbcp::web
