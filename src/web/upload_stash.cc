#include "web/upload_stash.h"

#include "app/password.h"

namespace medbcp::web {

std::string UploadStash::put(std::int64_t user, std::string bytes) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  expire(now);
  // Full: the oldest previews go first.
  while (!entries_.empty() && bytes_ + bytes.size() > kMaxBytes) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.stored < oldest->second.stored) oldest = it;
    }
    bytes_ -= oldest->second.bytes.size();
    entries_.erase(oldest);
  }
  std::string token = app::random_hex(16);
  bytes_ += bytes.size();
  entries_[token] = Entry{user, std::move(bytes), now};
  return token;
}

std::optional<std::string> UploadStash::take(std::int64_t user, const std::string& token) {
  std::lock_guard lock(mutex_);
  expire(std::chrono::steady_clock::now());
  auto it = entries_.find(token);
  if (it == entries_.end() || it->second.user != user) return std::nullopt;
  std::string bytes = std::move(it->second.bytes);
  bytes_ -= bytes.size();
  entries_.erase(it);
  return bytes;
}

void UploadStash::expire(std::chrono::steady_clock::time_point now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (now - it->second.stored > kLifetime) {
      bytes_ -= it->second.bytes.size();
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
}

UploadStash& device_import_stash() {
  static UploadStash stash;
  return stash;
}

}  // namespace medbcp::web
