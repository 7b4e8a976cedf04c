// Files uploaded for a preview and kept, in memory, until the person who
// uploaded them confirms: the device-ledger import shows what would change
// first, and "この内容で取り込む" must not ask for the file again. An entry
// belongs to one user, is taken once, and is forgotten after 30 minutes or
// when the stash is full (a restart forgets them all; the person uploads
// again). Nothing here is a record: the import itself is checked again when
// it runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace medbcp::web {

class UploadStash {
 public:
  static constexpr std::size_t kMaxBytes = 64 * 1024 * 1024;
  static constexpr std::chrono::minutes kLifetime{30};

  // Keeps `bytes` for `user`; returns the token that takes them back.
  std::string put(std::int64_t user, std::string bytes);
  // The bytes once, and only for the user who put them.
  std::optional<std::string> take(std::int64_t user, const std::string& token);

 private:
  struct Entry {
    std::int64_t user;
    std::string bytes;
    std::chrono::steady_clock::time_point stored;
  };
  void expire(std::chrono::steady_clock::time_point now);

  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

// The stash of device-ledger uploads waiting for their confirmation.
UploadStash& device_import_stash();

}  // namespace medbcp::web
