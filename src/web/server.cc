#include "web/server.h"

#include <httplib.h>

#include <stdexcept>

#include "web/api_problem.h"
#include "web/front_door.h"
#include "web/layout.h"
#include "web/request_engine.h"
#include "web/routes.h"

namespace medbcp::web {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

// What a script's author reads in the problem document of a refusal.
std::string refusal_detail(int status) {
  switch (status) {
    case 413:
      return "リクエストの本文が大きすぎます（4 MiB まで）。何も変更していません。";
    case 411:
      return "本文の長さ（Content-Length）を付けて送ってください（chunked は受け付けません）。";
    case 400:
      return "リクエストを読めません（Content-Length が正しくありません）。";
    case 431:
      return "リクエストのヘッダーが大きすぎます。";
    case 408:
      return "リクエストが時間内に届きませんでした。";
    case 503:
      return "サーバーが混み合っています。少しおいてから送り直してください。";
    default:
      return "サーバーで問題が発生しました。";
  }
}

// The whole response for a request the front door refuses before any page
// runs: our error page with the security headers, and the connection closed.
std::string refusal_response(int status, bool tls, bool api) {
  httplib::Response res;
  apply_security_headers(res, tls);
  const std::string body = api ? problem_body(status, reason_phrase(status), refusal_detail(status))
                               : standalone_error_page(status);
  std::string out = std::string("HTTP/1.1 ")
                        .append(std::to_string(status))
                        .append(" ")
                        .append(reason_phrase(status))
                        .append("\r\n");
  for (const auto& [name, value] : res.headers)
    out.append(name).append(": ").append(value).append("\r\n");
  if (status == 503) out.append("Retry-After: 1\r\n");
  out.append(api ? "Content-Type: application/problem+json\r\nContent-Length: "
                 : "Content-Type: text/html; charset=utf-8\r\nContent-Length: ")
      .append(std::to_string(body.size()))
      .append("\r\nConnection: close\r\n\r\n")
      .append(body);
  return out;
}

}  // namespace

WebServer::WebServer(app::Workspace& ws, const ServerConfig& config, int threads)
    : WebServer(std::make_unique<app::FacilityDirectory>(ws), config, threads) {}

WebServer::WebServer(std::unique_ptr<app::FacilityDirectory> own, const ServerConfig& config,
                     int threads)
    : WebServer(*own, config, threads) {
  own_directory_ = std::move(own);
}

WebServer::WebServer(app::FacilityDirectory& directory, ServerConfig config, int threads)
    : engine_(std::make_unique<RequestEngine>()), config_(std::move(config)) {
  std::unique_ptr<TlsContext> tls_context;
  if (config_.tls()) tls_context = std::make_unique<TlsContext>(config_.tls_cert, config_.tls_key);

  FrontDoorLimits limits = config_.limits;
  limits.worker_threads = threads;
  // What httplib says in Keep-Alive: matches what the front door does.
  engine_->set_keep_alive_timeout(limits.keep_alive_timeout.count() / 1000);
  engine_->set_keep_alive_max_count(static_cast<std::size_t>(limits.max_requests_per_connection));
  engine_->set_payload_max_length(limits.max_body_bytes);

  const bool tls = config_.tls();
  // httplib's own answers (unknown path, 400) get our page; pages the
  // handlers rendered themselves are left alone.
  engine_->set_error_handler(
      httplib::Server::HandlerWithResponse([tls](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        apply_security_headers(res, tls);
        res.set_content(standalone_error_page(res.status), "text/html; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }));
  engine_->set_exception_handler(
      [tls](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
        res.status = 500;
        apply_security_headers(res, tls);
        res.set_content(standalone_error_page(500), "text/html; charset=utf-8");
      });

  router_ = std::make_unique<Router>(*engine_, directory, config_);
  register_all_routes(*router_);

  RequestEngine& engine = *engine_;
  front_door_ = std::make_unique<FrontDoor>(
      limits,
      [&engine](const std::string& request, const Peer& peer, bool last) {
        return engine.answer(request, peer, last);
      },
      [tls](int status, bool api) { return refusal_response(status, tls, api); },
      std::move(tls_context));
  readiness_keeper_ = std::make_unique<app::ReadinessKeeper>(directory);
  mail_worker_ = std::make_unique<app::MailWorker>(directory);
}

WebServer::~WebServer() = default;

int WebServer::bind() {
  config_.port = front_door_->bind(config_.host, config_.port);
  return config_.port;
}

void WebServer::serve() { front_door_->serve(); }

void WebServer::stop() { front_door_->stop(); }

bool WebServer::running() const { return front_door_->running(); }

std::size_t WebServer::open_connections() const { return front_door_->open_connections(); }

}  // namespace medbcp::web
