#include "web/byte_channel.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace medbcp::web {
namespace {

class PlainChannel final : public ByteChannel {
 public:
  explicit PlainChannel(int fd) : fd_(fd) {}
  ~PlainChannel() override { ::close(fd_); }
  PlainChannel(const PlainChannel&) = delete;
  PlainChannel& operator=(const PlainChannel&) = delete;

  ChannelResult receive(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t n = ::recv(fd_, buffer, size, 0);
      if (n > 0) return {static_cast<std::size_t>(n), false};
      if (n == 0) return {0, true};
      if (errno == EINTR) continue;
      return {0, errno != EAGAIN && errno != EWOULDBLOCK};
    }
  }
  ChannelResult send(const char* data, std::size_t size) override {
    for (;;) {
      const ssize_t n = ::send(fd_, data, size, MSG_NOSIGNAL);
      if (n >= 0) return {static_cast<std::size_t>(n), false};
      if (errno == EINTR) continue;
      return {0, errno != EAGAIN && errno != EWOULDBLOCK};
    }
  }
  int fd() const override { return fd_; }

 private:
  int fd_;
};

class TlsChannel final : public ByteChannel {
 public:
  TlsChannel(int fd, SSL* ssl) : fd_(fd), ssl_(ssl) {}
  ~TlsChannel() override {
    if (handshaken_) SSL_shutdown(ssl_);  // one best-effort close_notify; never waits
    SSL_free(ssl_);
    ::close(fd_);
  }
  TlsChannel(const TlsChannel&) = delete;
  TlsChannel& operator=(const TlsChannel&) = delete;

  ChannelResult receive(char* buffer, std::size_t size) override {
    if (!handshake()) return {0, broken_};
    return outcome(SSL_read(ssl_, buffer, static_cast<int>(size)));
  }
  ChannelResult send(const char* data, std::size_t size) override {
    if (!handshake()) return {0, broken_};
    return outcome(SSL_write(ssl_, data, static_cast<int>(size)));
  }
  int fd() const override { return fd_; }

 private:
  // True once the handshake is done; false while it waits for the socket
  // (or failed: broken_).
  bool handshake() {
    if (handshaken_ || broken_) return handshaken_;
    const int r = SSL_do_handshake(ssl_);
    if (r == 1) {
      handshaken_ = true;
      return true;
    }
    blocked_or_broken(r);
    return false;
  }
  ChannelResult outcome(int r) {
    if (r > 0) return {static_cast<std::size_t>(r), false};
    blocked_or_broken(r);
    return {0, broken_};
  }
  void blocked_or_broken(int r) {
    const int error = SSL_get_error(ssl_, r);
    if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) broken_ = true;
    ERR_clear_error();  // the queue is per thread; leave nothing for the next connection
  }

  int fd_;
  SSL* ssl_;
  bool handshaken_ = false;
  bool broken_ = false;
};

}  // namespace

TlsContext::TlsContext(const std::string& cert_file, const std::string& key_file)
    : ctx_(SSL_CTX_new(TLS_server_method())) {
  auto* ctx = static_cast<SSL_CTX*>(ctx_);
  if (ctx == nullptr) throw std::runtime_error("TLS を初期化できません");
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  // The event loop retries a blocked write with what is still unsent, which
  // may have moved in memory.
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(ctx) != 1) {
    ERR_clear_error();
    SSL_CTX_free(ctx);
    throw std::runtime_error("TLS の証明書または秘密鍵を読み込めません: " + cert_file + ", " +
                             key_file);
  }
}

TlsContext::~TlsContext() { SSL_CTX_free(static_cast<SSL_CTX*>(ctx_)); }

std::unique_ptr<ByteChannel> plain_channel(int fd) { return std::make_unique<PlainChannel>(fd); }

std::unique_ptr<ByteChannel> tls_channel(int fd, const TlsContext& tls) {
  SSL* ssl = SSL_new(static_cast<SSL_CTX*>(tls.native()));
  if (ssl == nullptr || SSL_set_fd(ssl, fd) != 1) {
    SSL_free(ssl);
    ::close(fd);
    return nullptr;
  }
  SSL_set_accept_state(ssl);
  return std::make_unique<TlsChannel>(fd, ssl);
}

}  // namespace medbcp::web
