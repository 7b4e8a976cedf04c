// The server's front door: one thread that holds every client connection in
// an epoll loop, reads each request whole — head and body — before a worker
// sees it, and writes each response out as the client takes it. A client that
// is slow to send or to read therefore costs a few kilobytes, never a thread,
// and the pages keep coming for everyone else.
//
// Limits (FrontDoorLimits) close what an attacker could hold open: the whole
// head must arrive within head_timeout of the connection (or of its first
// byte after a keep-alive pause), an idle keep-alive connection is closed
// after keep_alive_timeout, a body must keep coming, a response must keep
// leaving, one address holds at most max_per_address connections and the
// server at most max_connections. What is refused is answered with a status
// (408, 411, 413, 431, 503) when the client can still read one.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "web/byte_channel.h"
#include "web/worker_pool.h"

namespace medbcp::web {

struct FrontDoorLimits {
  int worker_threads = 32;
  std::size_t max_connections = 4096;  // lowered to what the open-file limit allows
  std::size_t max_per_address = 256;   // one clinic behind one router stays far below
  std::size_t max_waiting_requests = 1024;
  std::size_t max_head_bytes = std::size_t{64} * 1024;
  std::size_t max_body_bytes = std::size_t{4} * 1024 * 1024;
  std::chrono::milliseconds head_timeout{10'000};
  std::chrono::milliseconds keep_alive_timeout{5'000};
  // A body or a response that stops moving for this long is given up.
  std::chrono::milliseconds idle_transfer_timeout{10'000};
  // ... and a body must average at least this rate (bytes per second).
  std::size_t min_body_rate = std::size_t{8} * 1024;
  int max_requests_per_connection = 1000;
};

// Who sent a request: the client's address as the socket sees it.
struct Peer {
  std::string address;
  int port = 0;
};

// A whole response, and whether the connection ends after it.
struct Answer {
  std::string bytes;
  bool close = false;
};

// Makes the response to one complete request (its head and body as
// received). Runs on a worker thread. `last`: the connection closes after
// this response (say so in it).
using RequestHandler =
    std::function<Answer(const std::string& request, const Peer& peer, bool last)>;
// The complete response for a request the front door refuses by itself;
// `api`: the request was for the JSON API (/api/…), which answers with a
// problem document rather than a page.
using RefusalWriter = std::function<std::string(int status, bool api)>;

class FrontDoor {
 public:
  // `tls` (may be null) makes every connection HTTPS.
  FrontDoor(FrontDoorLimits limits, RequestHandler handler, RefusalWriter refusal,
            std::unique_ptr<TlsContext> tls);
  ~FrontDoor();
  FrontDoor(const FrontDoor&) = delete;
  FrontDoor& operator=(const FrontDoor&) = delete;

  // Binds and listens; returns the port (the chosen one when `port` is 0).
  // Throws std::runtime_error (in Japanese) when it cannot.
  int bind(const std::string& host, int port);
  // Runs the loop until stop(); requests already handed to a worker finish.
  void serve();
  // Safe from any thread (and from a signal-waiting thread).
  void stop();
  bool running() const { return running_.load(); }
  // Connections open now (the tests watch slow clients being let go).
  std::size_t open_connections() const { return open_count_.load(); }

 private:
  struct Connection;
  struct Finished {
    std::uint64_t id;
    Answer answer;
  };
  using Clock = std::chrono::steady_clock;

  void accept_all();
  void admit(int fd, const Peer& peer);
  void progress(Connection& c);
  bool read_some(Connection& c);
  bool take_request(Connection& c);
  void dispatch(Connection& c, std::size_t request_bytes);
  void refuse(Connection& c, int status);
  void start_sending(Connection& c, std::string response, bool close_after);
  void wake();  // the loop looks at finished work and stop() at once
  bool flush(Connection& c);
  void close_connection(std::uint64_t id);
  void apply_finished();
  void sweep(Clock::time_point now);
  void set_listening(bool on);

  FrontDoorLimits limits_;
  RequestHandler handler_;
  RefusalWriter refusal_;
  std::unique_ptr<TlsContext> tls_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: a worker finished, or stop() was called
  bool listening_ = false;
  Clock::time_point resume_accepting_{};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> running_{false};
  std::atomic<std::size_t> open_count_{0};
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::mutex finished_mutex_;
  std::vector<Finished> finished_;
  WorkerPool* pool_ = nullptr;  // lives in serve()
};

}  // namespace medbcp::web
