// Slow and greedy clients against a real server (issue: a few idle
// connections took the server offline). The front door must hold many more
// connections than it has threads, keep serving others while they hang,
// cut a request head or body that does not arrive in time, close idle
// keep-alive connections, and refuse one address more than its share.
// Every wait here is bounded; none is a speed assertion.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "web_test_browser.h"

namespace medbcp::web {
namespace {

using namespace std::chrono_literals;

// One raw TCP connection to the server, for what no client library sends.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // What arrives until the server closes the connection, or `limit` passes.
  std::string read_until_closed(std::chrono::milliseconds limit) {
    std::string got;
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      got.append(buf, static_cast<std::size_t>(n));
    }
    return got;
  }
  bool closed() const { return closed_; }

 private:
  int fd_;
  bool connected_ = false;
  bool closed_ = false;
};

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Waits (bounded) until the server holds `count` connections or fewer/more.
template <typename Predicate>
bool eventually(Predicate done) {
  for (int i = 0; i < 200; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(25ms);
  }
  return done();
}

class SlowClients : public WebServerTest {
 protected:
  void configure(ServerConfig& config) const override {
    config.limits.head_timeout = head_timeout();
    config.limits.keep_alive_timeout = 1s;
    config.limits.idle_transfer_timeout = 1s;
    config.limits.max_per_address = max_per_address();
  }
  bool with_accounts() const override { return false; }
  virtual std::chrono::milliseconds head_timeout() const { return 1s; }
  virtual std::size_t max_per_address() const { return 256; }
};

// The slow ones must still be open while the others are served: their head
// time is longer than the whole test.
class HeldSlowClients : public SlowClients {
 protected:
  std::chrono::milliseconds head_timeout() const override { return 60s; }
};

TEST_F(HeldSlowClients, TwoHundredSilentOrDrippingConnectionsKeepNobodyElseOut) {
  // The server has 4 worker threads (WebServerTest); 200 connections hold
  // on: half send nothing, half a header line every 100 ms.
  std::vector<std::unique_ptr<RawConnection>> slow;
  slow.reserve(200);
  for (int i = 0; i < 200; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port_));
    ASSERT_TRUE(slow.back()->connected());
    if (i % 2 == 1) slow.back()->send("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  }
  std::atomic<bool> done{false};
  std::thread drip([&] {
    for (int round = 0; round < 600 && !done.load(); ++round) {  // at most a minute
      for (std::size_t i = 1; i < slow.size(); i += 2) slow[i]->send("X-Drip: 1\r\n");
      std::this_thread::sleep_for(100ms);
    }
  });
  ASSERT_TRUE(eventually([&] { return server_->open_connections() >= 200; }));

  for (int i = 0; i < 20; ++i) {
    TestBrowser b = browser();
    b.client().set_read_timeout(30, 0);
    auto res = b.get("/setup");
    ASSERT_TRUE(res) << "request " << i << " got no answer while the slow clients hung on";
    EXPECT_EQ(res->status, 200);
  }
  // ... and the slow ones were all still there: held, not cut, meanwhile.
  EXPECT_GE(server_->open_connections(), 200u);
  done = true;
  drip.join();
}

TEST_F(SlowClients, AHeadThatKeepsDrippingIsCutAtItsDeadline) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  c.send("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  std::string answer;
  // A header line every 200 ms would keep a per-read timeout happy forever.
  for (int i = 0; i < 50 && !c.closed(); ++i) {
    c.send("X-Drip: 1\r\n");
    answer += c.read_until_closed(200ms);
  }
  EXPECT_TRUE(c.closed()) << "still open after 10 s of dripping";
  EXPECT_TRUE(starts_with(answer, "HTTP/1.1 408")) << answer.substr(0, 60);
}

TEST_F(SlowClients, AConnectionThatSendsNothingIsClosed) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  EXPECT_EQ(c.read_until_closed(10s), "");
  EXPECT_TRUE(c.closed());
}

TEST_F(SlowClients, ABodyThatStopsComingIsGivenUp) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  c.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nname=a");
  const std::string answer = c.read_until_closed(10s);
  EXPECT_TRUE(c.closed());
  EXPECT_TRUE(starts_with(answer, "HTTP/1.1 408")) << answer.substr(0, 60);
}

TEST_F(SlowClients, AnIdleKeepAliveConnectionIsClosedAfterItsAnswer) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  c.send("GET /setup HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string answer = c.read_until_closed(10s);
  EXPECT_TRUE(starts_with(answer, "HTTP/1.1 200")) << answer.substr(0, 60);
  EXPECT_TRUE(c.closed());
}

TEST_F(SlowClients, PipelinedRequestsAreAnsweredInOrderOnOneConnection) {
  RawConnection c(port_);
  ASSERT_TRUE(c.connected());
  c.send(
      "GET /setup HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
      "GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
      "GET /setup HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  const std::string answer = c.read_until_closed(10s);
  const auto first = answer.find("HTTP/1.1 200");
  const auto second = answer.find("HTTP/1.1 404");
  const auto third = answer.find("HTTP/1.1 200", second == std::string::npos ? 0 : second);
  EXPECT_EQ(first, 0u);
  ASSERT_NE(second, std::string::npos);
  EXPECT_NE(third, std::string::npos);
  EXPECT_TRUE(c.closed());
}

class CappedClients : public SlowClients {
 protected:
  std::chrono::milliseconds head_timeout() const override { return 60s; }
  std::size_t max_per_address() const override { return 8; }
};

TEST_F(CappedClients, OneAddressGetsNoMoreThanItsShareOfConnections) {
  std::vector<std::unique_ptr<RawConnection>> held;
  held.reserve(8);
  for (int i = 0; i < 8; ++i) held.push_back(std::make_unique<RawConnection>(port_));
  ASSERT_TRUE(eventually([&] { return server_->open_connections() == 8; }));

  RawConnection ninth(port_);
  const std::string refused = ninth.read_until_closed(10s);
  EXPECT_TRUE(starts_with(refused, "HTTP/1.1 503")) << refused.substr(0, 60);
  EXPECT_TRUE(ninth.closed());

  held.pop_back();  // one leaves: room for another
  ASSERT_TRUE(eventually([&] { return server_->open_connections() == 7; }));
  TestBrowser b = browser();
  auto res = b.get("/setup");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace medbcp::web
