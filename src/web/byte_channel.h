// One client connection's bytes, plain or through TLS, on a non-blocking
// socket. The front door's event loop reads and writes through it and never
// waits: each call does what the socket allows now and says so.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace medbcp::web {

// What a read or write did: moved `bytes` (> 0), or would block (0 bytes,
// not closed; try again at the socket's next event), or the peer is gone.
struct ChannelResult {
  std::size_t bytes = 0;
  bool closed = false;
};

class ByteChannel {
 public:
  virtual ~ByteChannel() = default;
  virtual ChannelResult receive(char* buffer, std::size_t size) = 0;
  virtual ChannelResult send(const char* data, std::size_t size) = 0;
  virtual int fd() const = 0;
};

// The server's certificate and key, loaded once; shared by every TLS channel.
class TlsContext {
 public:
  // Throws std::runtime_error (in Japanese) when the files cannot be used.
  TlsContext(const std::string& cert_file, const std::string& key_file);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;
  void* native() const { return ctx_; }

 private:
  void* ctx_;  // SSL_CTX*, kept out of this header
};

// Takes ownership of `fd` (closed with the channel). With `tls`, the
// handshake runs inside the first receive/send calls.
std::unique_ptr<ByteChannel> plain_channel(int fd);
std::unique_ptr<ByteChannel> tls_channel(int fd, const TlsContext& tls);

}  // namespace medbcp::web
