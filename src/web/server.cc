#include "web/server.h"

#include <httplib.h>

#include <stdexcept>

#include "web/layout.h"
#include "web/routes.h"

namespace medbcp::web {

WebServer::WebServer(app::Workspace& ws, ServerConfig config, int threads)
    : WebServer(std::make_unique<app::FacilityDirectory>(ws), std::move(config), threads) {}

WebServer::WebServer(std::unique_ptr<app::FacilityDirectory> own, ServerConfig config, int threads)
    : WebServer(*own, std::move(config), threads) {
  own_directory_ = std::move(own);
}

WebServer::WebServer(app::FacilityDirectory& directory, ServerConfig config, int threads)
    : config_(std::move(config)) {
  if (config_.tls()) {
    auto tls =
        std::make_unique<httplib::SSLServer>(config_.tls_cert.c_str(), config_.tls_key.c_str());
    if (!tls->is_valid()) {
      throw std::runtime_error("TLS の証明書または秘密鍵を読み込めません: " + config_.tls_cert +
                               ", " + config_.tls_key);
    }
    server_ = std::move(tls);
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  // One thread per open connection: a clinic has few users, and a
  // keep-alive connection holds its thread while it is open.
  server_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  server_->set_payload_max_length(config_.max_body_bytes);
  server_->set_keep_alive_max_count(100);
  server_->set_keep_alive_timeout(5);
  server_->set_read_timeout(10);
  server_->set_write_timeout(10);
  // httplib writes the headers and the body of a response apart; with Nagle's
  // algorithm on, the body then waits for the client's delayed ACK of the
  // headers — 40 ms added to every page on a keep-alive connection.
  server_->set_tcp_nodelay(true);

  const bool tls = config_.tls();
  // httplib's own answers (unknown path, 413, 400) get our page; pages the
  // handlers rendered themselves are left alone.
  server_->set_error_handler(
      httplib::Server::HandlerWithResponse([tls](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        apply_security_headers(res, tls);
        res.set_content(standalone_error_page(res.status), "text/html; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server_->set_exception_handler(
      [tls](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
        res.status = 500;
        apply_security_headers(res, tls);
        res.set_content(standalone_error_page(500), "text/html; charset=utf-8");
      });

  router_ = std::make_unique<Router>(*server_, directory, config_);
  register_all_routes(*router_);
}

WebServer::~WebServer() = default;

int WebServer::bind() {
  int port = config_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(config_.host);
    if (port < 0) port = 0;
  } else if (!server_->bind_to_port(config_.host, port)) {
    port = 0;
  }
  if (port <= 0) {
    throw std::runtime_error("待ち受けできません: " + config_.host + ":" +
                             std::to_string(config_.port) +
                             "（使用中のポートか、指定できないアドレスです）");
  }
  config_.port = port;
  return port;
}

void WebServer::serve() { server_->listen_after_bind(); }

void WebServer::stop() { server_->stop(); }

bool WebServer::running() const { return server_->is_running(); }

}  // namespace medbcp::web
