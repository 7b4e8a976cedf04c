#include "web/front_door.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include "web/http_head.h"

namespace medbcp::web {
namespace {

constexpr std::chrono::milliseconds kSweepInterval{250};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

Peer peer_of(const sockaddr_storage& addr) {
  Peer peer;
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (addr.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &v4.sin_addr, text.data(), text.size());
    peer.port = ntohs(v4.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(addr);
    if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {  // an IPv4 client of a dual-stack socket
      inet_ntop(AF_INET, &v6.sin6_addr.s6_addr[12], text.data(), text.size());
    } else {
      inet_ntop(AF_INET6, &v6.sin6_addr, text.data(), text.size());
    }
    peer.port = ntohs(v6.sin6_port);
  }
  peer.address = text.data();
  return peer;
}

// Raises the open-file limit to what the system allows and returns how many
// connections fit in it (some descriptors stay for the database and logs).
std::size_t connections_the_fd_limit_allows(std::size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  const std::size_t reserved = 128;
  const auto usable = static_cast<std::size_t>(limit.rlim_cur);
  return usable > reserved * 2 ? std::min(wanted, usable - reserved)
                               : std::min<std::size_t>(wanted, 16);
}

}  // namespace

struct FrontDoor::Connection {
  enum class Stage { Head, Body, Working, Sending };
  std::uint64_t id = 0;
  std::unique_ptr<ByteChannel> channel;
  Peer peer;
  Stage stage = Stage::Head;
  std::string in;   // received and not yet handed on
  std::string out;  // response bytes still to send
  std::size_t out_sent = 0;
  std::size_t head_bytes = 0;  // once the head is complete
  std::size_t body_bytes = 0;
  Clock::time_point deadline;       // of the current stage
  Clock::time_point body_deadline;  // the whole body's (minimum rate)
  bool close_after_send = false;
  bool peer_closed = false;
  bool broken = false;
  int requests = 0;
};

FrontDoor::FrontDoor(FrontDoorLimits limits, RequestHandler handler, RefusalWriter refusal,
                     std::unique_ptr<TlsContext> tls)
    : limits_(limits),
      handler_(std::move(handler)),
      refusal_(std::move(refusal)),
      tls_(std::move(tls)) {
  limits_.max_connections = connections_the_fd_limit_allows(limits_.max_connections);
  // OpenSSL writes to the socket without MSG_NOSIGNAL: a client that hangs
  // up mid-response must not end the process.
  std::signal(SIGPIPE, SIG_IGN);
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_fd_ < 0 || wake_fd_ < 0)
    throw std::runtime_error("待ち受けの準備ができません（epoll）");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = 0;  // connection ids start at 1; 0 is the wake-up
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
}

FrontDoor::~FrontDoor() {
  connections_.clear();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  ::close(wake_fd_);
  ::close(epoll_fd_);
}

int FrontDoor::bind(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found) != 0) {
    found = nullptr;
  }
  for (addrinfo* a = found; a != nullptr && listen_fd_ < 0; a = a->ai_next) {
    const int fd =
        socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0) {
      listen_fd_ = fd;
    } else {
      ::close(fd);
    }
  }
  if (found != nullptr) freeaddrinfo(found);
  if (listen_fd_ < 0) {
    throw std::runtime_error(std::string("待ち受けできません: ")
                                 .append(host)
                                 .append(":")
                                 .append(service)
                                 .append("（使用中のポートか、指定できないアドレスです）"));
  }
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &length);
  return peer_of(bound).port;
}

void FrontDoor::set_listening(bool on) {
  if (on == listening_ || listen_fd_ < 0) return;
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = UINT64_MAX;
  epoll_ctl(epoll_fd_, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listen_fd_, &ev);
  listening_ = on;
}

void FrontDoor::serve() {
  if (listen_fd_ < 0)
    throw std::runtime_error("待ち受けのアドレスが決まっていません（bind が先です）");
  WorkerPool pool(limits_.worker_threads, limits_.max_waiting_requests);
  pool_ = &pool;
  set_listening(true);
  running_ = true;
  std::array<epoll_event, 256> events{};
  Clock::time_point next_sweep = Clock::now() + kSweepInterval;
  while (!stopping_.load()) {
    const int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()),
                             static_cast<int>(kSweepInterval.count()));
    for (int i = 0; i < n; ++i) {
      const std::uint64_t key = events[static_cast<std::size_t>(i)].data.u64;
      if (key == UINT64_MAX) {
        accept_all();
      } else if (key == 0) {
        std::uint64_t count = 0;
        while (read(wake_fd_, &count, sizeof count) > 0) {
        }
        apply_finished();
      } else if (auto it = connections_.find(key); it != connections_.end()) {
        progress(*it->second);
      }
    }
    const auto now = Clock::now();
    if (now >= next_sweep) {
      sweep(now);
      next_sweep = now + kSweepInterval;
    }
  }
  set_listening(false);
  running_ = false;
  // Workers finish what they hold; their answers are not sent (the server is going away).
  pool_ = nullptr;
}

void FrontDoor::stop() {
  stopping_ = true;
  wake();
}

void FrontDoor::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = write(wake_fd_, &one, sizeof one);
}

void FrontDoor::accept_all() {
  for (;;) {
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    const int fd = accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &length,
                           SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      admit(fd, peer_of(addr));
      continue;
    }
    if (errno == EINTR || errno == ECONNABORTED) continue;
    if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
      // Out of descriptors: stop listening for a moment rather than spin on
      // a socket that stays readable. The sweep listens again.
      set_listening(false);
      resume_accepting_ = Clock::now() + kSweepInterval;
    }
    return;
  }
}

void FrontDoor::admit(int fd, const Peer& peer) {
  const auto held = per_address_.find(peer.address);
  const std::size_t from_address = held == per_address_.end() ? 0 : held->second;
  if (connections_.size() >= limits_.max_connections || from_address >= limits_.max_per_address) {
    if (!tls_) {  // a plain client can still read why
      const std::string busy = refusal_(503, false);
      [[maybe_unused]] const auto sent = ::send(fd, busy.data(), busy.size(), MSG_NOSIGNAL);
    }
    ::close(fd);
    return;
  }
  const int yes = 1;
  // Headers and body leave in one write anyway; never hold a small last packet back.
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  auto channel = tls_ ? tls_channel(fd, *tls_) : plain_channel(fd);
  if (!channel) return;
  auto c = std::make_unique<Connection>();
  c->id = next_id_++;
  c->channel = std::move(channel);
  c->peer = peer;
  c->deadline = Clock::now() + limits_.head_timeout;
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.u64 = c->id;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) return;
  ++per_address_[peer.address];
  Connection& ref = *c;
  connections_.emplace(c->id, std::move(c));
  open_count_ = connections_.size();
  progress(ref);  // a TLS handshake or a request may already be waiting
}

// Does all that can be done for `c` now: reads, hands a complete request
// on, sends. Returns when the socket would block or the request is with a
// worker. May close (and free) `c`.
void FrontDoor::progress(Connection& c) {
  const std::uint64_t id = c.id;
  // Bounded: each turn either moves bytes or changes the stage.
  for (int turn = 0; turn < 64; ++turn) {
    if (c.broken) {
      close_connection(id);
      return;
    }
    if (c.stage == Connection::Stage::Working) return;
    if (c.stage == Connection::Stage::Sending) {
      if (!flush(c)) {
        if (c.broken) close_connection(id);
        return;
      }
      if (c.close_after_send || c.peer_closed || stopping_.load()) {
        close_connection(id);
        return;
      }
      c.stage = Connection::Stage::Head;
      c.out.clear();
      c.out_sent = 0;
      c.deadline =
          Clock::now() + (c.in.empty() ? limits_.keep_alive_timeout : limits_.head_timeout);
      continue;
    }
    if (take_request(c)) continue;
    if (c.peer_closed) {
      close_connection(id);
      return;
    }
    if (!read_some(c)) return;  // nothing more for now
  }
}

// Reads what has arrived, up to what the current stage may hold. True when
// something was read or the peer closed.
bool FrontDoor::read_some(Connection& c) {
  const std::size_t limit =
      c.stage == Connection::Stage::Body ? c.head_bytes + c.body_bytes : limits_.max_head_bytes + 1;
  const bool was_idle = c.in.empty();
  bool moved = false;
  std::array<char, 16384> buffer{};
  while (c.in.size() < limit) {
    const ChannelResult r = c.channel->receive(buffer.data(), buffer.size());
    if (r.closed) {
      c.peer_closed = true;
      return true;
    }
    if (r.bytes == 0) break;
    c.in.append(buffer.data(), r.bytes);
    moved = true;
  }
  if (moved) {
    const auto now = Clock::now();
    if (c.stage == Connection::Stage::Body) {
      c.deadline = std::min(now + limits_.idle_transfer_timeout, c.body_deadline);
    } else if (was_idle) {
      c.deadline = now + limits_.head_timeout;  // a new request after a keep-alive pause
    }
  }
  return moved;
}

// Moves a request whose every byte has arrived to a worker, or refuses one
// that cannot be served. True when the stage changed.
bool FrontDoor::take_request(Connection& c) {
  bool head_taken = false;
  if (c.stage == Connection::Stage::Head) {
    const auto end = head_end(c.in);
    if (!end) {
      if (c.in.size() > limits_.max_head_bytes) {
        refuse(c, 431);
        return true;
      }
      return false;
    }
    if (*end > limits_.max_head_bytes) {
      refuse(c, 431);
      return true;
    }
    const HeadFacts facts =
        read_head_facts(std::string_view(c.in).substr(0, *end), limits_.max_body_bytes);
    if (facts.refusal != 0) {
      refuse(c, facts.refusal);
      return true;
    }
    head_taken = true;
    c.head_bytes = *end;
    c.body_bytes = facts.body_bytes;
    c.stage = Connection::Stage::Body;
    const auto now = Clock::now();
    const auto rate_allowance = std::chrono::seconds(c.body_bytes / limits_.min_body_rate);
    c.body_deadline = now + limits_.idle_transfer_timeout + rate_allowance;
    c.deadline = std::min(now + limits_.idle_transfer_timeout, c.body_deadline);
    if (facts.expects_continue) {
      // Answer the client's question here; the worker must not answer it again.
      const std::string head = without_expect_header(std::string_view(c.in).substr(0, *end));
      c.in.replace(0, *end, head);
      c.head_bytes = head.size();
      if (c.in.size() < c.head_bytes + c.body_bytes) {
        // 25 bytes on a connection with nothing else unsent: they fit, or
        // the connection is given up (half an interim answer would garble it).
        c.out.assign(kContinue);
        c.out_sent = 0;
        if (!flush(c)) c.broken = true;
        c.out.clear();
        c.out_sent = 0;
        if (c.broken) return true;
      }
    }
  }
  if (c.in.size() < c.head_bytes + c.body_bytes) return head_taken;
  dispatch(c, c.head_bytes + c.body_bytes);
  return true;
}

void FrontDoor::dispatch(Connection& c, std::size_t request_bytes) {
  std::string request = c.in.substr(0, request_bytes);
  c.in.erase(0, request_bytes);
  c.head_bytes = 0;
  c.body_bytes = 0;
  ++c.requests;
  const bool last = c.requests >= limits_.max_requests_per_connection || stopping_.load();
  c.stage = Connection::Stage::Working;
  const std::uint64_t id = c.id;
  const bool queued = pool_ != nullptr && pool_->try_submit([this, id, request = std::move(request),
                                                             peer = c.peer, last] {
    Answer answer;
    try {
      answer = handler_(request, peer, last);
    } catch (...) {  // the handler answers its own errors; this is the last guard
      answer = {refusal_(500, false), true};
    }
    answer.close = answer.close || last;
    {
      const std::lock_guard lock(finished_mutex_);
      finished_.push_back({id, std::move(answer)});
    }
    wake();
  });
  if (!queued) refuse(c, 503);
}

void FrontDoor::refuse(Connection& c, int status) {
  // "PUT /api/v1/devices HTTP/1.1": the target follows the method's space.
  const std::size_t space = c.in.find(' ');
  const bool api = space != std::string::npos && c.in.compare(space + 1, 5, "/api/") == 0;
  c.in.clear();
  start_sending(c, refusal_(status, api), true);
}

void FrontDoor::start_sending(Connection& c, std::string response, bool close_after) {
  c.out = std::move(response);
  c.out_sent = 0;
  c.close_after_send = close_after;
  c.stage = Connection::Stage::Sending;
  c.deadline = Clock::now() + limits_.idle_transfer_timeout;
}

// Sends what the socket takes. True when everything is sent.
bool FrontDoor::flush(Connection& c) {
  bool moved = false;
  while (c.out_sent < c.out.size()) {
    const ChannelResult r = c.channel->send(c.out.data() + c.out_sent, c.out.size() - c.out_sent);
    if (r.closed) {
      c.broken = true;
      return false;
    }
    if (r.bytes == 0) break;
    c.out_sent += r.bytes;
    moved = true;
  }
  if (moved) c.deadline = Clock::now() + limits_.idle_transfer_timeout;
  return c.out_sent == c.out.size();
}

void FrontDoor::apply_finished() {
  std::vector<Finished> finished;
  {
    const std::lock_guard lock(finished_mutex_);
    finished.swap(finished_);
  }
  for (auto& f : finished) {
    auto it = connections_.find(f.id);
    if (it == connections_.end()) continue;  // the client left while its page was made
    Connection& c = *it->second;
    if (f.answer.bytes.empty()) {
      close_connection(f.id);
      continue;
    }
    start_sending(c, std::move(f.answer.bytes), f.answer.close);
    progress(c);
  }
}

void FrontDoor::sweep(Clock::time_point now) {
  if (!listening_ && !stopping_.load() && now >= resume_accepting_) set_listening(true);
  std::vector<std::uint64_t> expired;
  for (auto& [id, c] : connections_) {
    if (c->stage != Connection::Stage::Working && now >= c->deadline) expired.push_back(id);
  }
  for (const std::uint64_t id : expired) {
    Connection& c = *connections_.at(id);
    const bool mid_request =
        (c.stage == Connection::Stage::Head && !c.in.empty()) || c.stage == Connection::Stage::Body;
    if (mid_request) {
      refuse(c, 408);  // one short chance to read why; the next sweep closes it
      progress(c);
    } else {
      close_connection(id);
    }
  }
}

void FrontDoor::close_connection(std::uint64_t id) {
  auto it = connections_.find(id);
  if (it == connections_.end()) return;
  const std::string address = it->second->peer.address;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, it->second->channel->fd(), nullptr);
  connections_.erase(it);
  open_count_ = connections_.size();
  if (auto a = per_address_.find(address); a != per_address_.end() && --a->second == 0) {
    per_address_.erase(a);
  }
}

}  // namespace medbcp::web
