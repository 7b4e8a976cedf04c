// The web server: an httplib server (HTTPS when given a certificate and
// key) with every route registered, request size limits, and error pages
// for what httplib answers itself (unknown path, oversized request).
// Binds 127.0.0.1 unless told otherwise.
#pragma once

#include <memory>

#include "app/workspace.h"
#include "web/router.h"

namespace httplib {
class Server;
}

namespace medbcp::web {

class WebServer {
 public:
  // Serves one workspace (a clinic). Throws std::runtime_error when the TLS
  // certificate or key cannot be loaded.
  WebServer(app::Workspace& ws, ServerConfig config, int threads = 32);
  // Serves every facility of an association (or the one of `directory`).
  WebServer(app::FacilityDirectory& directory, ServerConfig config, int threads = 32);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the listening socket; returns the port (the chosen one when the
  // configured port is 0). Throws std::runtime_error when it cannot bind.
  int bind();
  // Serves requests until stop() is called (from another thread or a signal).
  void serve();
  void stop();
  // True once serve() is accepting connections.
  bool running() const;
  const Router& router() const { return *router_; }

 private:
  WebServer(std::unique_ptr<app::FacilityDirectory> own, ServerConfig config, int threads);
  std::unique_ptr<app::FacilityDirectory> own_directory_;  // for one workspace
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<Router> router_;
  ServerConfig config_;
};

}  // namespace medbcp::web
