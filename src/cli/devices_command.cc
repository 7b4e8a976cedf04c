#include "cli/devices_command.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/device_import.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "core/device_ledger_columns.h"

namespace medbcp::cli {
namespace {

// A file's bytes, mapped rather than read: a 100,000-row ledger is 20 MB, and
// reading it into fresh memory costs more than parsing it. "-" reads stdin.
class InputFile {
 public:
  explicit InputFile(const std::string& path) {
    if (path == "-") {
      copy_ = read_input(path);
      bytes_ = copy_;
      return;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      const int error = errno;
      ::close(fd);
      fail(path, error);
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      void* data = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (data == MAP_FAILED) {
        ::close(fd);
        // Not mappable (a pipe, a special file): read it instead.
        copy_ = read_input(path);
        bytes_ = copy_;
        size_ = 0;
        return;
      }
      map_ = data;
      bytes_ = std::string_view(static_cast<const char*>(data), size_);
    }
    ::close(fd);
  }
  ~InputFile() {
    if (map_ != nullptr) ::munmap(map_, size_);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  std::string_view bytes() const { return bytes_; }

 private:
  [[noreturn]] static void fail(const std::string& path, int error) {
    throw std::runtime_error("ファイルを開けません: " + path + "（" + std::strerror(error) + "）");
  }
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string copy_;
  std::string_view bytes_;
};

// 「行 3・列 導入日: …」; parts that do not apply are left out.
void print_file_problems(std::ostream& out, const core::Problems& problems) {
  for (const core::Problem& p : problems) {
    out << "  ";
    if (p.row > 0) out << "行 " << p.row;
    if (p.row > 0 && !p.field.empty()) out << "・";
    if (!p.field.empty()) out << "列 " << p.field;
    if (p.row > 0 || !p.field.empty()) out << ": ";
    out << p.message << "\n";
  }
}

std::string device_label(const core::Device& d) { return d.asset_number + "「" + d.name + "」"; }

// Lists added rows only when the file's devices are still there to name
// them (a dry run); a real import moves them into the ledger.
void print_diff(std::ostream& out, const core::DeviceLedgerImport& file,
                const core::LedgerDiff& diff) {
  using Kind = core::DeviceChangeKind;
  out << "追加 " << diff.count(Kind::Added) << " 件、更新 " << diff.count(Kind::Updated)
      << " 件、変更なし " << diff.count(Kind::Unchanged) << " 件";
  if (!diff.absent.empty()) {
    out << "、ファイルにない機器 " << diff.absent.size() << " 件（削除しません）";
  }
  out << "\n";
  for (const core::DeviceChange& change : diff.devices) {
    if (change.kind == Kind::Added && change.file_index < file.devices.size()) {
      out << "  + 行 " << change.row << " " << device_label(file.devices[change.file_index])
          << "\n";
    } else if (change.kind == Kind::Updated) {
      out << "  ~ 行 " << change.row << " " << change.label << "\n";
      for (const core::FieldChange& field : change.changes) {
        out << "      " << core::device_header(field.field) << ": 「" << field.before << "」→「"
            << field.after << "」\n";
      }
    }
  }
  for (const core::Device& device : diff.absent) {
    out << "  = " << device_label(device) << "（ファイルにありません。台帳に残します）\n";
  }
}

void add_import(CLI::App& devices, GlobalOptions& options) {
  struct Flags {
    std::string file;
    bool dry_run = false;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = devices.add_subcommand(
      "import",
      "CSV（UTF-8・Shift_JIS）または XLSX の台帳を取り込む（不備が1つでもあれば何も変更しない）");
  cmd->add_option("FILE", flags->file, "台帳ファイル（- で標準入力）")->required();
  cmd->add_flag("--dry-run", flags->dry_run, "変更内容を表示するだけで保存しない");
  cmd->callback([&options, flags] {
    const InputFile input(flags->file);
    auto ws = open_workspace(options);
    const app::DeviceImportResult result =
        app::import_devices(*ws, terminal_actor(options), input.bytes(), flags->dry_run);
    std::cout << "読み込んだファイル: " << flags->file << "（" << result.file.format << "）\n";
    if (!result.file.warnings.empty()) {
      std::cout << "注意 " << result.file.warnings.size() << " 件:\n";
      print_file_problems(std::cout, result.file.warnings);
    }
    if (!result.problems.empty()) {
      std::cerr << "取り込みを中止しました（台帳は変更されていません）。問題 "
                << result.problems.size() << " 件:\n";
      print_file_problems(std::cerr, result.problems);
      throw ExitCode{1};
    }
    print_diff(std::cout, result.file, result.diff);
    if (flags->dry_run) {
      std::cout << "（--dry-run のため保存していません）\n";
    } else if (result.diff.changes_anything()) {
      std::cout << "情報機器台帳を更新しました。\n";
    } else {
      std::cout << "変更はありませんでした。\n";
    }
  });
}

void add_export(CLI::App& devices, GlobalOptions& options) {
  struct Flags {
    std::string format;
    std::string encoding = "utf8";
    std::string out;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = devices.add_subcommand("export", "情報機器台帳を CSV・XLSX・JSON で書き出す");
  cmd->add_option("--format", flags->format, "形式: csv / xlsx / json（スクリプト用）")
      ->required()
      ->check(CLI::IsMember({"csv", "xlsx", "json"}));
  cmd->add_option("--encoding", flags->encoding,
                  "CSV の文字コード: utf8（BOM 付き、既定）または cp932（Shift_JIS）")
      ->check(CLI::IsMember({"utf8", "cp932"}));
  cmd->add_option("--out", flags->out, "出力ファイル（- で標準出力）")->required();
  cmd->callback([&options, flags] {
    const app::DeviceExportFormat format = flags->format == "xlsx"   ? app::DeviceExportFormat::Xlsx
                                           : flags->format == "json" ? app::DeviceExportFormat::Json
                                           : flags->encoding == "cp932"
                                               ? app::DeviceExportFormat::CsvCp932
                                               : app::DeviceExportFormat::CsvUtf8;
    auto ws = open_workspace(options);
    const app::DeviceExport result = app::export_devices(*ws, terminal_actor(options), format);
    if (!result.problems.empty()) {
      std::cerr << "書き出しを中止しました。Shift_JIS (CP932) にない文字があります（"
                << result.problems.size()
                << " 件）。--encoding utf8 で書き出すか、文字を直してください:\n";
      print_file_problems(std::cerr, result.problems);
      throw ExitCode{1};
    }
    write_output_atomically(flags->out, result.bytes);
    if (flags->out != "-") std::cout << "書き出しました: " << flags->out << "\n";
  });
}

}  // namespace

void add_devices_command(CLI::App& root, GlobalOptions& options) {
  auto* devices = root.add_subcommand("devices", "情報機器台帳（別紙２）の取り込みと書き出し");
  devices->require_subcommand(1);
  add_import(*devices, options);
  add_export(*devices, options);
}

}  // namespace medbcp::cli
