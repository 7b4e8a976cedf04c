// Helpers shared by the renderer tests: a scratch directory, running the
// command-line tools that read our output back (pdftotext, unzip,
// LibreOffice), and the plans the tests render.
#pragma once

#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace medbcp::doc::testing {

// A fresh directory under $TMPDIR, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/medbcp-doc-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline bool have_tool(const std::string& name) {
  return run_command("command -v " + name + " >/dev/null").exit_code == 0;
}

// Single quotes for the shell.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// One entry of a zip archive held in memory ("" when it is not there).
inline std::string zip_entry(const std::string& archive, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!zip) {
    if (source) zip_source_free(source);
    return {};
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_stat(zip, name.c_str(), 0, &st) == 0) {
    if (zip_file_t* file = zip_fopen(zip, name.c_str(), 0)) {
      bytes.resize(st.size);
      zip_int64_t n = zip_fread(file, bytes.data(), st.size);
      if (n < 0) bytes.clear();
      zip_fclose(file);
    }
  }
  zip_close(zip);
  return bytes;
}

// Names of all entries of a zip archive held in memory.
inline std::vector<std::string> zip_names(const std::string& archive) {
  std::vector<std::string> names;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!zip) {
    if (source) zip_source_free(source);
    return names;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i)
    names.emplace_back(zip_get_name(zip, i, 0));
  zip_close(zip);
  return names;
}

// The text of WordprocessingML or SpreadsheetML: the content of every
// <w:t> / <t> element, concatenated.
inline std::string xml_text(const std::string& xml, const std::string& tag) {
  std::string out;
  std::string open = "<" + tag, close = "</" + tag + ">";
  std::size_t pos = 0;
  while ((pos = xml.find(open, pos)) != std::string::npos) {
    char next = xml[pos + open.size()];
    if (next != '>' && next != ' ') {
      pos += open.size();
      continue;
    }
    std::size_t start = xml.find('>', pos) + 1;
    std::size_t end = xml.find(close, start);
    if (end == std::string::npos) break;
    out += xml.substr(start, end - start);
    pos = end + close.size();
  }
  return out;
}

// Converts with LibreOffice in its own profile (so it runs as root in CI
// and beside a running office); the command's result and the PDF's path.
inline CommandResult libreoffice_to_pdf(const ScratchDir& dir, const std::string& input) {
  std::string home = dir.file("lo-home");
  std::filesystem::create_directories(home);
  return run_command("cd " + shell_quote(dir.path().string()) + " && HOME=" + shell_quote(home) +
                     " timeout 300 soffice -env:UserInstallation=file://" + dir.file("lo-profile") +
                     " --headless --norestore --convert-to pdf --outdir " +
                     shell_quote(dir.file("lo-out")) + " " + shell_quote(input));
}

}  // namespace medbcp::doc::testing
