#include "web/router.h"

#include <charconv>
#include <iostream>

#include "app/audit.h"
#include "app/password.h"
#include "app/plan_service.h"
#include "app/users.h"
#include "web/layout.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

const app::Actor& anonymous() {
  static const app::Actor actor{core::UserId(), "", app::Role::Viewer};
  return actor;
}

bool is_token(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// A browser states where a form was sent from; refuse any other site's.
// Requests without Origin (older clients, curl) still need the CSRF token.
bool same_origin(const httplib::Request& req, bool tls) {
  if (!req.has_header("Origin")) return true;
  std::string origin = req.get_header_value("Origin");
  std::string expected = std::string(tls ? "https://" : "http://") + req.get_header_value("Host");
  return origin == expected;
}

void render_no_plan(RequestContext& ctx) {
  Page page;
  page.title = "計画がまだありません";
  page.nav = "dashboard";
  page.status = 404;
  page.body.el("p", "この医療機関の計画はまだ作成されていません。");
  page.body.open("p").el("a", {{"href", "/"}}, "ダッシュボードで計画を作成する").close("p");
  render_page(ctx, page);
}

}  // namespace

RequestContext::RequestContext(const httplib::Request& request, httplib::Response& response,
                               app::Workspace& ws, const Router& router)
    : request(request), response(response), ws(ws), router_(router), now_(core::Instant::now()) {}

const app::Actor& RequestContext::actor() const { return session_ ? session_->actor : anonymous(); }

bool RequestContext::can(app::Permission permission) const {
  return signed_in() && app::allows(actor().role, permission);
}

const std::string& RequestContext::csrf_token() {
  if (session_) return session_->csrf_token;
  if (pre_session_csrf_.empty()) {
    std::string existing = cookie(router_.csrf_cookie());
    if (is_token(existing)) {
      pre_session_csrf_ = existing;
    } else {
      pre_session_csrf_ = app::random_hex(32);
      set_cookie(router_.csrf_cookie(), pre_session_csrf_, 12L * 3600);
    }
  }
  return pre_session_csrf_;
}

std::string RequestContext::param(const std::string& name) const {
  return request.get_param_value(name.c_str());
}

bool RequestContext::has_param(const std::string& name) const {
  return request.has_param(name.c_str());
}

std::string RequestContext::match(int index) const {
  if (index < 0 || static_cast<std::size_t>(index) >= request.matches.size()) return {};
  return request.matches[index].str();
}

std::int64_t RequestContext::id_match(int index) const {
  std::string text = match(index);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) return 0;
  return value;
}

std::string RequestContext::cookie(const std::string& name) const {
  return cookie_value(request, name);
}

std::string cookie_value(const httplib::Request& request, const std::string& name) {
  std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view item = rest.substr(0, end);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::size_t eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) {
      return std::string(item.substr(eq + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return {};
}

bool RequestContext::tls() const { return router_.config().tls(); }

void RequestContext::redirect(const std::string& location) {
  response.status = 303;
  response.set_header("Location", local_path_or(location, "/"));
  response.body.clear();
}

void RequestContext::send(int status, const std::string& body, const char* content_type) {
  response.status = status;
  response.set_content(body, content_type);
}

void RequestContext::set_cookie(const std::string& name, const std::string& value,
                                long max_age_seconds) {
  std::string cookie = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(max_age_seconds);
  if (tls()) cookie += "; Secure";
  response.set_header("Set-Cookie", cookie);
}

void RequestContext::start_session_cookie(const std::string& facility_code,
                                          const std::string& token) {
  // On an association's server the cookie names the facility too; the
  // token is looked up in that facility's sessions only.
  const std::string value = router_.many_facilities() ? facility_code + "." + token : token;
  set_cookie(router_.session_cookie(), value, app::kSessionMaxSeconds);
  facility_code_ = facility_code;
  session_token_ = token;
}

Router::Router(httplib::Server& server, app::FacilityDirectory& directory, ServerConfig config)
    : server_(server), directory_(directory), config_(std::move(config)) {}

std::string Router::session_cookie() const {
  return config_.tls() ? "__Host-medbcp_session" : "medbcp_session";
}

std::string Router::csrf_cookie() const {
  return config_.tls() ? "__Host-medbcp_csrf" : "medbcp_csrf";
}

void Router::get(const std::string& pattern, app::Permission permission, Handler handler) {
  add("GET", pattern, {Access::SignedIn, permission, std::move(handler)});
}

void Router::post(const std::string& pattern, app::Permission permission, Handler handler) {
  add("POST", pattern, {Access::SignedIn, permission, std::move(handler)});
}

void Router::public_get(const std::string& pattern, Handler handler) {
  add("GET", pattern, {Access::Public, std::nullopt, std::move(handler)});
}

void Router::public_post(const std::string& pattern, Handler handler) {
  add("POST", pattern, {Access::Public, std::nullopt, std::move(handler)});
}

void Router::asset_get(const std::string& pattern, Handler handler) {
  add("GET", pattern, {Access::Asset, std::nullopt, std::move(handler)});
}

void Router::api(const std::string& method, const std::string& pattern, app::Permission permission,
                 Handler handler) {
  add(method, pattern, {Access::Token, permission, std::move(handler)});
}

void Router::add_nav(NavItem item) {
  auto it = nav_.begin();
  while (it != nav_.end() && it->order <= item.order) ++it;
  nav_.insert(it, std::move(item));
}

void Router::add(const std::string& method, const std::string& pattern, Route route) {
  routes_.push_back(method + " " + pattern);
  auto handler = [this, route = std::move(route)](const httplib::Request& req,
                                                  httplib::Response& res) {
    dispatch(route, req, res);
  };
  if (method == "GET") {
    server_.Get(pattern, handler);
  } else if (method == "PUT") {
    server_.Put(pattern, handler);
  } else {
    server_.Post(pattern, handler);
  }
}

bool Router::has_users() {
  if (has_users_.load()) return true;
  bool now = app::has_users(directory_.home());
  if (now) has_users_.store(true);
  return now;
}

Router::Origin Router::session_origin(const std::string& cookie_value) {
  if (!directory_.many()) return {&directory_.home(), "", cookie_value};
  const std::size_t dot = cookie_value.rfind('.');
  if (dot == std::string::npos) return {&directory_.home(), "", ""};
  std::string code = cookie_value.substr(0, dot);
  std::string token = cookie_value.substr(dot + 1);
  if (code.empty()) return {&directory_.home(), "", token};
  app::Workspace* facility = directory_.facility(code);
  // An unknown facility: signed out, in the association's workspace.
  if (facility == nullptr) return {&directory_.home(), "", ""};
  return {facility, std::move(code), std::move(token)};
}

void Router::dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
  if (route.access == Access::Token) {
    dispatch_api(route, req, res);
    return;
  }
  if (route.access == Access::Asset) {
    RequestContext ctx(req, res, directory_.home(), *this);
    apply_security_headers(res, config_.tls());
    route.handler(ctx);
    return;
  }
  Origin origin;
  try {
    origin = session_origin(cookie_value(req, session_cookie()));
  } catch (const std::exception& e) {
    std::cerr << "medbcp serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
    apply_security_headers(res, config_.tls());
    res.status = app::is_connection_lost(e) ? 503 : 500;
    res.set_content(standalone_error_page(res.status), "text/html; charset=utf-8");
    return;
  }
  RequestContext ctx(req, res, *origin.ws, *this);
  ctx.set_session_origin(origin.facility_code, origin.token);
  apply_security_headers(res, config_.tls());
  try {
    // First run: nobody can sign in yet, so everything leads to /setup. On an
    // association's server that is the association's first account, while
    // the facilities' own accounts sign in as usual.
    const bool facility_sign_in =
        directory_.many() && (req.path == "/login" || !origin.token.empty());
    // (Asked last: on an association's server the association's own
    // accounts may not exist yet, and a facility's request need not ask.)
    if (req.path != "/setup" && !facility_sign_in && !has_users()) {
      ctx.redirect("/setup");
      return;
    }
    if (!origin.token.empty()) ctx.set_session(app::find_session(ctx.ws, origin.token, ctx.now()));

    if (route.access == Access::SignedIn && !ctx.signed_in()) {
      std::string next = req.path;
      if (!req.params.empty() && req.method == "GET") {
        std::string query;
        for (const auto& [k, v] : req.params) {
          query += query.empty() ? '?' : '&';
          query.append(url_encode(k)).append("=").append(url_encode(v));
        }
        next += query;
      }
      ctx.redirect(req.method == "GET" ? with_query("/login", {{"next", next}}) : "/login");
      return;
    }
    // A password set before today's rules: every page sends the person to
    // the account page until it is changed (signing out stays possible).
    if (route.access == Access::SignedIn && ctx.session() && ctx.session()->must_change_password &&
        req.path != "/account" && req.path != "/account/password" && req.path != "/logout" &&
        req.path != "/session/keepalive") {
      ctx.redirect("/account?notice=weak_password");
      return;
    }
    // A role that must use two-factor sign-in, not yet set up: only the
    // set-up page opens (and signing out).
    if (route.access == Access::SignedIn && ctx.session() &&
        ctx.session()->must_set_up_two_factor && req.path != "/account/2fa" &&
        req.path != "/logout" && req.path != "/session/keepalive") {
      ctx.redirect("/account/2fa?notice=two_factor_required");
      return;
    }
    // An association's account has no dashboard of its own: its home is
    // the overview of every facility.
    if (ctx.signed_in() && app::is_association_role(ctx.actor().role) && req.path == "/") {
      ctx.redirect("/association");
      return;
    }
    if (route.permission && !ctx.can(*route.permission)) {
      app::audit_refused_request(ctx.ws, ctx.actor(), req.remote_addr, req.method + " " + req.path,
                                 "役割の権限なし", ctx.now());
      render_error(ctx, 403, "権限がありません",
                   std::string("このページは、あなたの役割（") + app::label(ctx.actor().role) +
                       "）では利用できません。必要な場合は管理者に依頼してください。");
      return;
    }
    if (req.method == "POST") {
      std::string sent = ctx.param("csrf");
      // A file upload's fields are parts of its multipart body.
      if (sent.empty() && req.has_file("csrf")) sent = req.get_file_value("csrf").content;
      if (sent.empty()) sent = req.get_header_value("X-CSRF-Token");
      if (!same_origin(req, config_.tls()) || !app::constant_time_equal(sent, ctx.csrf_token())) {
        app::audit_refused_request(ctx.ws, ctx.actor(), req.remote_addr,
                                   req.method + " " + req.path, "送信確認（CSRF）の不一致",
                                   ctx.now());
        render_error(ctx, 403, "送信を受け付けられませんでした",
                     "フォームの有効期限が切れたか、別のサイトから送信された可能性があります。"
                     "ページを開き直してから、もう一度送信してください。");
        return;
      }
    }
    route.handler(ctx);
  } catch (const app::PermissionDenied&) {
    app::audit_refused_request(ctx.ws, ctx.actor(), req.remote_addr, req.method + " " + req.path,
                               "操作の権限なし", ctx.now());
    res.headers.clear();
    apply_security_headers(res, config_.tls());
    render_error(ctx, 403, "権限がありません",
                 "この操作を行う権限がありません。必要な場合は管理者に依頼してください。");
  } catch (const app::NoPlan&) {
    res.headers.clear();
    apply_security_headers(res, config_.tls());
    render_no_plan(ctx);
  } catch (const std::exception& e) {
    // The details are for the operator's log; the page shows none of them.
    std::cerr << "medbcp serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
    res.headers.clear();
    apply_security_headers(res, config_.tls());
    try {
      if (app::is_disk_full(e)) {
        render_error(ctx, 507, "保存できませんでした",
                     "サーバーのディスクに空きがないため、この操作は保存されていません。"
                     "それまでに保存された内容はそのまま残っています。管理者に連絡してください。");
        return;
      }
      if (app::is_connection_lost(e)) {
        res.set_header("Retry-After", "5");
        render_error(ctx, 503, "データベースに接続できません",
                     "データベースとの接続が切れたため、この操作は保存されていません。"
                     "数秒おいてからもう一度お試しください。続く場合は管理者に連絡してください。");
        return;
      }
      render_error(ctx, 500, "エラーが発生しました",
                   "処理中に問題が発生しました。時間をおいてもう一度お試しください。"
                   "続く場合は管理者に連絡してください。");
    } catch (const std::exception&) {
      res.status = 500;
      res.set_content(standalone_error_page(500), "text/html; charset=utf-8");
    }
  }
}

}  // namespace medbcp::web
