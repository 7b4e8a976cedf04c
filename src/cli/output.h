// Small helpers shared by the CLI commands: printing problems and gaps the
// same way everywhere, reading and writing whole files atomically.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/problem.h"
#include "core/readiness.h"

namespace medbcp::cli {

// 「行 3・devices[2].name: 機器名を入力してください。」
void print_problems(std::ostream& out, const core::Problems& problems);
// The messages alone, for what a person typed on the command line: the
// messages name the field in Japanese, and an internal field code
// (「discovery.discoverer:」) means nothing to them. 「2件目: …」 for a row.
void print_messages(std::ostream& out, const core::Problems& problems);
void print_gaps(std::ostream& out, const std::vector<core::Gap>& gaps);

// Reads a whole file ("-" for standard input); throws std::runtime_error
// with a Japanese message when it cannot.
std::string read_input(const std::string& path);
// Writes to a temporary file beside `path`, fsyncs it and renames it over
// `path`, so a crash leaves either the old file or the new one, never half.
// "-" writes to standard output.
void write_output_atomically(const std::string& path, const std::string& bytes);

}  // namespace medbcp::cli
