// The command line speaks Japanese, as the rest of medbcp does: help pages
// (使い方, オプション, コマンド) and the errors of a mistyped command line,
// which end with the documented exit code 2 (README "The CLI"), not CLI11's
// own numbers (105, 109 …).
#pragma once

#include <CLI/CLI.hpp>

namespace medbcp::cli {

// Installs the Japanese help formatter and help flag on `root`. Call before
// any option or subcommand is added: subcommands copy both when made.
void speak_japanese(CLI::App& root);

// Puts every command's help flag among its options (a subcommand makes its
// own before it takes the Japanese group name). Call after every command is added.
void group_help_flags(CLI::App& app);

// Reports a parse error of `root` in Japanese and returns the exit code:
// 0 after printing help that was asked for, 2 for a usage mistake.
int report_parse_error(CLI::App& root, const CLI::ParseError& error);

}  // namespace medbcp::cli
