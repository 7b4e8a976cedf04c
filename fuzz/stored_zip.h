// A minimal zip writer for fuzz targets: stored (uncompressed) entries with
// correct CRC-32s, so a fuzzer's mutations of the XML inside a workbook
// reach the XML parsers instead of failing the archive's checksums.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace medbcp::fuzz {

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xffff);
  put16(out, v >> 16);
}

// (name, content) pairs to the bytes of a .zip file.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::string out, directory;
  for (const auto& [name, content] : files) {
    auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(content.data()),
                                                static_cast<uInt>(content.size())));
    auto offset = static_cast<std::uint32_t>(out.size());
    auto size = static_cast<std::uint32_t>(content.size());
    put32(out, 0x04034b50);  // local file header
    put16(out, 20);
    put16(out, 0);  // flags
    put16(out, 0);  // stored
    put16(out, 0);
    put16(out, 0x21);  // 1980-01-01
    put32(out, crc);
    put32(out, size);
    put32(out, size);
    put16(out, static_cast<std::uint32_t>(name.size()));
    put16(out, 0);
    out += name;
    out += content;

    put32(directory, 0x02014b50);  // central directory header
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0x21);
    put32(directory, crc);
    put32(directory, size);
    put32(directory, size);
    put16(directory, static_cast<std::uint32_t>(name.size()));
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += name;
  }
  auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);  // end of central directory
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(files.size()));
  put16(out, static_cast<std::uint32_t>(files.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);
  return out;
}

}  // namespace medbcp::fuzz
