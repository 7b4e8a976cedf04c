// The JSON API's door (Router::api): who is calling, from the personal
// access token in `Authorization: Bearer …`; whether its scope and its
// user's role allow the operation; and an audit row for every use, good or
// refused. No cookie and no CSRF token: a browser never sends the
// Authorization header on its own, so a forged cross-site request carries
// no credential.
#include <iostream>

#include "app/api_tokens.h"
#include "app/audit.h"
#include "app/facility_directory.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/sessions.h"
#include "core/text.h"
#include "web/api_problem.h"
#include "web/layout.h"
#include "web/router.h"

namespace medbcp::web {
namespace {

void unauthorized(RequestContext& ctx, const std::string& detail) {
  ctx.response.set_header("WWW-Authenticate", "Bearer realm=\"medbcp\"");
  send_problem(ctx, 401, "認証できません", detail);
}

}  // namespace

void Router::dispatch_api(const Route& route, const httplib::Request& req, httplib::Response& res) {
  apply_security_headers(res, config_.tls());
  const std::string what = req.method + " " + req.path;
  const std::string header = req.get_header_value("Authorization");
  std::string sent;
  if (header.size() > 7 && (header.starts_with("Bearer ") || header.starts_with("bearer "))) {
    sent = core::trim(header.substr(7));
  }
  auto [code, secret] = app::split_api_token(sent);
  app::Workspace* ws = &directory_.home();
  bool known_place = true;
  if (directory_.many() && !code.empty()) {
    ws = directory_.facility(code);
    known_place = ws != nullptr;
    if (ws == nullptr) ws = &directory_.home();
  } else if (!code.empty()) {
    known_place = false;  // a facility's token on a one-clinic server
  }
  RequestContext ctx(req, res, *ws, *this);
  try {
    if (sent.empty()) {
      unauthorized(ctx,
                   "Authorization ヘッダーにアクセストークンがありません（Authorization: Bearer "
                   "トークン）。トークンはアカウントのページか medbcp token add で作ります。");
      return;
    }
    if (!known_place) {
      unauthorized(ctx, app::refusal_message(app::TokenRefusal::Unknown));
      return;
    }
    const app::TokenCheck check = app::check_api_token(*ws, secret, ctx.now());
    if (check.refused) {
      app::audit_refused_request(*ws, app::Actor{}, req.remote_addr, what,
                                 "APIトークン: " + app::refusal_message(*check.refused), ctx.now());
      unauthorized(ctx, app::refusal_message(*check.refused));
      return;
    }
    ctx.set_session(app::SessionInfo{check.actor, ""});
    if (req.method != "GET" && check.scope != app::TokenScope::Write) {
      app::audit_refused_request(*ws, check.actor, req.remote_addr, what,
                                 "読み取りのみのトークン「" + check.token_name + "」で変更",
                                 ctx.now());
      send_problem(ctx, 403, "このトークンでは変更できません",
                   "トークン「" + check.token_name +
                       "」は読み取りのみです。変更には「読み書き」のトークンを使ってください。");
      return;
    }
    if (route.permission && !ctx.can(*route.permission)) {
      app::audit_refused_request(*ws, check.actor, req.remote_addr, what, "役割の権限なし",
                                 ctx.now());
      send_problem(ctx, 403, "権限がありません",
                   std::string("トークンの利用者の役割（") + app::label(check.actor.role) +
                       "）では、この操作はできません。");
      return;
    }
    route.handler(ctx);
    app::audit(*ws, check.actor, app::audit_action::kApiRequest, what,
               "トークン「" + check.token_name + "」→ " + std::to_string(res.status));
  } catch (const app::PermissionDenied&) {
    send_problem(ctx, 403, "権限がありません", "この操作を行う権限がありません。");
  } catch (const app::NoPlan&) {
    send_problem(ctx, 409, "計画がありません",
                 "この施設にはまだ計画がありません（medbcp init か Web の初期設定で作ります）。");
  } catch (const app::NoSuchIncident& e) {
    send_problem(ctx, 404, "見つかりません",
                 "インシデント No." + std::to_string(e.id.value) + " はありません。");
  } catch (const std::exception& e) {
    std::cerr << "medbcp serve: " << what << ": " << e.what() << "\n";
    if (app::is_disk_full(e)) {
      send_problem(ctx, 507, "保存できませんでした",
                   "サーバーのディスクに空きがないため保存されていません。");
    } else if (app::is_connection_lost(e)) {
      res.set_header("Retry-After", "5");
      send_problem(ctx, 503, "データベースに接続できません",
                   "この操作は保存されていません。数秒おいてからもう一度送ってください。");
    } else {
      send_problem(ctx, 500, "エラーが発生しました",
                   "処理中に問題が発生しました。この操作は保存されていない可能性があります。");
    }
  }
}

}  // namespace medbcp::web
