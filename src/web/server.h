// The web server: every route registered on the request engine (httplib,
// without its sockets), behind the event-driven front door that holds the
// connections (HTTPS when given a certificate and key), with request size
// and time limits and error pages for what is refused before a page runs.
// Binds 127.0.0.1 unless told otherwise.
#pragma once

#include <memory>

#include "app/mail_worker.h"
#include "app/readiness_keeper.h"
#include "app/workspace.h"
#include "web/router.h"

namespace medbcp::web {

class FrontDoor;
class RequestEngine;

class WebServer {
 public:
  // Serves one workspace (a clinic). Throws std::runtime_error when the TLS
  // certificate or key cannot be loaded. `threads` make pages; connections
  // are not bound to them.
  WebServer(app::Workspace& ws, const ServerConfig& config, int threads = 32);
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
  // Client connections open now.
  std::size_t open_connections() const;
  const Router& router() const { return *router_; }

 private:
  WebServer(std::unique_ptr<app::FacilityDirectory> own, const ServerConfig& config, int threads);
  std::unique_ptr<app::FacilityDirectory> own_directory_;  // for one workspace
  std::unique_ptr<RequestEngine> engine_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<FrontDoor> front_door_;
  ServerConfig config_;
  // An association's overview counted in the background (after the
  // directory, so it stops first).
  std::unique_ptr<app::ReadinessKeeper> readiness_keeper_;
  std::unique_ptr<app::MailWorker> mail_worker_;  // queued mail out, with retries
};

}  // namespace medbcp::web
