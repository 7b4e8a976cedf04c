#include "core/spreadsheet_safe.h"

namespace medbcp::core {
namespace {

bool starts_formula(std::string_view cell) {
  static constexpr std::string_view kTriggers[] = {"=",  "+",  "-",  "@",  "\t",
                                                   "\r", "＝", "＋", "－", "＠"};
  for (std::string_view t : kTriggers) {
    if (cell.starts_with(t)) return true;
  }
  return false;
}

}  // namespace

std::string spreadsheet_safe(std::string_view cell) {
  std::string out;
  out.reserve(cell.size() + 1);
  // Appended rather than "'" + text: g++ 12 at -O3 misreads the latter as
  // an overlapping copy (-Werror=restrict).
  if (starts_formula(cell)) out += '\'';
  out += cell;
  return out;
}

std::string_view without_formula_guard(std::string_view cell) {
  if (cell.size() > 1 && cell.front() == '\'' && starts_formula(cell.substr(1))) {
    return cell.substr(1);
  }
  return cell;
}

}  // namespace medbcp::core
