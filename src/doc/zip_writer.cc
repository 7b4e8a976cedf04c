#include "doc/zip_writer.h"

#include <zip.h>

#include <stdexcept>

namespace medbcp::doc {
namespace {

[[noreturn]] void fail(const char* what, zip_error_t* error) {
  std::string message =
      std::string("ZIP の作成に失敗しました（") + what + "）: " + zip_error_strerror(error);
  zip_error_fini(error);
  throw std::runtime_error(message);
}

}  // namespace

void ZipWriter::add(std::string name, std::string bytes) {
  entries_.emplace_back(std::move(name), std::move(bytes));
}

std::string ZipWriter::finish() {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("buffer", &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    fail("open", &error);
  }
  zip_source_keep(buffer);  // read the result after zip_close
  for (const auto& [name, bytes] : entries_) {
    // The bytes stay alive in entries_ until zip_close has written them.
    zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!data || zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8) < 0) {
      if (data) zip_source_free(data);
      zip_discard(archive);
      zip_source_free(buffer);
      throw std::runtime_error("ZIP に " + name + " を追加できません");
    }
  }
  if (zip_close(archive) < 0) {
    zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
    zip_discard(archive);
    zip_source_free(buffer);
    fail("close", &error);
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0) {
    zip_source_free(buffer);
    throw std::runtime_error("ZIP の結果を読めません");
  }
  out.resize(st.size);
  zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    throw std::runtime_error("ZIP の結果を読めません");
  zip_error_fini(&error);
  return out;
}

}  // namespace medbcp::doc
