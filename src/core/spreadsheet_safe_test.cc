#include "core/spreadsheet_safe.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(SpreadsheetSafe, EveryFormulaStartIsGuardedHalfAndFullWidth) {
  for (const char* cell : {"=HYPERLINK(\"http://e/\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx",
                           "＝1+1", "＋1", "－1", "＠A"}) {
    EXPECT_EQ(spreadsheet_safe(cell), std::string("'") + cell) << cell;
    EXPECT_EQ(without_formula_guard(spreadsheet_safe(cell)), cell) << cell;
  }
}

TEST(SpreadsheetSafe, OrdinaryTextIsLeftAlone) {
  for (const char* cell : {"受付PC", "a=b", "", "'quoted", "192.168.0.1", "M-0001"}) {
    EXPECT_EQ(spreadsheet_safe(cell), cell);
    EXPECT_EQ(without_formula_guard(cell), cell);
  }
}

}  // namespace
}  // namespace medbcp::core
