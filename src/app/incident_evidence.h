// Hashing evidence files for the register (証拠保全): the file is read in
// 64 KiB chunks and fed to SHA-256, so a disk image of many gigabytes is
// hashed in constant memory.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace medbcp::app {

struct FileDigest {
  std::string name;  // the file name without its directory
  std::uint64_t size = 0;
  std::string sha256;  // 64 lower-case hex digits
};

inline constexpr std::size_t kEvidenceChunkBytes = std::size_t{64} * 1024;

// A file that cannot be read (a failure of the world, not a user mistake
// of the form: the CLI and web report it and nothing is recorded).
class EvidenceFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `progress` (optional) is told the bytes hashed so far after each chunk.
FileDigest hash_evidence_file(const std::string& path,
                              const std::function<void(std::uint64_t)>& progress = {});

}  // namespace medbcp::app
