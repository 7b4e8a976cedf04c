#include "cli/render_command.h"

#include <iostream>
#include <memory>

#include "app/render.h"
#include "cli/open_workspace.h"
#include "cli/output.h"

namespace medbcp::cli {
namespace {

// The format from --format, else from the extension of --out.
std::optional<app::Format> chosen_format(const std::string& flag, const std::string& out) {
  if (!flag.empty()) return app::format_from_name(flag);
  auto dot = out.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  return app::format_from_name(out.substr(dot + 1));
}

}  // namespace

void add_render_command(CLI::App& root, GlobalOptions& options) {
  struct Flags {
    std::string format;
    std::string out;
    std::string template_path;
    bool check = false;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = root.add_subcommand("render", "計画書を PDF・HTML・DOCX・XLSX で書き出す");
  cmd->add_option("--format", flags->format, "形式（省略時は --out の拡張子から）")
      ->check(CLI::IsMember({"pdf", "html", "docx", "xlsx"}));
  cmd->add_option("--out", flags->out, "出力ファイル（- で標準出力）");
  cmd->add_option("--template", flags->template_path,
                  "ひな形ファイル（省略時は内蔵の templates/bcp-ja.md）");
  cmd->add_flag("--check-template", flags->check, "ひな形の誤りを調べるだけで書き出さない");
  cmd->callback([&options, flags] {
    app::RenderOptions render_options{flags->template_path};
    if (flags->check) {
      core::Problems problems = app::check_template(render_options);
      if (problems.empty()) {
        std::cout << "ひな形に誤りは見つかりませんでした。\n";
        return;
      }
      std::cerr << "ひな形に誤りがあります（" << problems.size() << " 件）\n";
      print_problems(std::cerr, problems);
      throw ExitCode{1};
    }
    if (flags->out.empty()) {
      std::cerr << "--out に出力ファイルを指定してください（例: --out 計画書.pdf）。\n";
      throw ExitCode{2};
    }
    std::optional<app::Format> format = chosen_format(flags->format, flags->out);
    if (!format) {
      std::cerr << "--format に pdf・html・docx・xlsx のいずれかを指定してください。\n";
      throw ExitCode{2};
    }
    auto ws = open_workspace(options);
    std::string bytes;
    try {
      bytes = app::render_stored_plan(*ws, terminal_actor(options), *format, render_options);
    } catch (const app::TemplateInvalid& e) {
      std::cerr << "ひな形に誤りがあるため書き出せません（" << e.problems.size() << " 件）\n";
      print_problems(std::cerr, e.problems);
      throw ExitCode{1};
    }
    write_output_atomically(flags->out, bytes);
    if (flags->out != "-") std::cout << "書き出しました: " << flags->out << "\n";
  });
}

}  // namespace medbcp::cli
