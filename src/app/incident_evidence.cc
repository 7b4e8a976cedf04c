#include "app/incident_evidence.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/sha256.h"

namespace medbcp::app {

FileDigest hash_evidence_file(const std::string& path,
                              const std::function<void(std::uint64_t)>& progress) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    throw EvidenceFileError("ファイルを開けません: " + path + "（" + std::strerror(errno) + "）");
  }
  std::vector<char> buffer(kEvidenceChunkBytes);
  core::Sha256 sha;
  while (true) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (n > 0) {
      sha.update(buffer.data(), n);
      if (progress) progress(sha.size());
    }
    if (n < buffer.size()) {
      if (std::ferror(file.get())) {
        throw EvidenceFileError("ファイルの読み込みに失敗しました: " + path);
      }
      break;
    }
  }
  FileDigest out;
  out.name = std::filesystem::path(path).filename().string();
  out.size = sha.size();
  out.sha256 = core::to_hex(sha.finish());
  return out;
}

}  // namespace medbcp::app
