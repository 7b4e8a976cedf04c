#include "web/request_engine.h"

#include <algorithm>
#include <cstring>

namespace medbcp::web {
namespace {

// A request already in memory, and the response written beside it.
class BufferedStream final : public httplib::Stream {
 public:
  BufferedStream(const std::string& request, const Peer& peer) : request_(request), peer_(peer) {}

  bool is_readable() const override { return read_ < request_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const std::size_t n = std::min(size, request_.size() - read_);
    std::memcpy(ptr, request_.data() + read_, n);
    read_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    response_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = peer_.address;
    port = peer_.port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  // No socket: httplib only compares it with FD_SETSIZE.
  socket_t socket() const override { return -1; }

  std::string take_response() { return std::move(response_); }

 private:
  const std::string& request_;
  const Peer& peer_;
  std::size_t read_ = 0;
  std::string response_;
};

}  // namespace

Answer RequestEngine::answer(const std::string& request, const Peer& peer, bool last) {
  BufferedStream stream(request, peer);
  bool client_closes = false;
  const bool written = process_request(stream, last, client_closes, nullptr);
  Answer a;
  a.bytes = stream.take_response();
  a.close = !written || client_closes || last;
  return a;
}

}  // namespace medbcp::web
