#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace medbcp::cli {

void print_problems(std::ostream& out, const core::Problems& problems) {
  for (const auto& p : problems) {
    out << "  ";
    if (p.row > 0) out << "行 " << p.row << "・";
    if (!p.field.empty()) out << p.field << ": ";
    out << p.message << "\n";
  }
}

void print_messages(std::ostream& out, const core::Problems& problems) {
  for (const auto& p : problems) {
    out << "  ";
    if (p.row > 0) out << p.row << "件目: ";
    out << p.message << "\n";
  }
}

void print_gaps(std::ostream& out, const std::vector<core::Gap>& gaps) {
  for (const auto& g : gaps) {
    out << "  - [" << core::label(g.section) << "] " << g.where << ": " << g.message << "\n";
  }
}

std::string read_input(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("ファイルを開けません: " + path + "（" + std::strerror(errno) + "）");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw std::runtime_error("ファイルを読めません: " + path);
  return buffer.str();
}

void write_output_atomically(const std::string& path, const std::string& bytes) {
  if (path == "-") {
    std::cout << bytes << std::flush;
    return;
  }
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::runtime_error("ファイルを作成できません: " + path + "（" + std::strerror(errno) +
                             "）");
  }
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error("書き込みに失敗しました: " + path + "（" + std::strerror(err) +
                               "）");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw std::runtime_error("ディスクへの書き込みを確定できません: " + path);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("ファイルを置き換えられません: " + path + "（" + std::strerror(err) +
                             "）");
  }
}

}  // namespace medbcp::cli
