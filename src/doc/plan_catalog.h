// What a plan template may refer to: the {{fields}}, the {{list …}}s, the
// {{table …}}s with their columns, and the {{chart …}}. The parser checks
// names against this catalog so a typo is reported with its line instead of
// printing nothing; plan_document.cc fills each name from the plan.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace medbcp::doc {

struct FieldInfo {
  std::string name;   // facility.name
  std::string label;  // 医療機関名
  int blank_width;    // full-width characters of the blank printed when empty
};

struct ColumnInfo {
  std::string key;     // business
  std::string header;  // 業務内容
  double weight;       // relative width
  bool required;       // empty → a visible blank; optional columns stay empty
};

struct TableInfo {
  std::string name;                 // fallbacks
  std::string label;                // 代替運用
  std::vector<ColumnInfo> columns;  // every column the table can show
  std::vector<std::string> default_columns;
  bool compact = false;  // small type (the device ledger)

  const ColumnInfo* find_column(std::string_view key) const;
};

const std::vector<FieldInfo>& plan_fields();
const FieldInfo* find_plan_field(std::string_view name);

const std::vector<TableInfo>& plan_tables();
const TableInfo* find_plan_table(std::string_view name);

// {{list systems}}, {{list threats}}.
const std::vector<std::string>& plan_lists();
// {{chart contacts}}.
const std::vector<std::string>& plan_charts();

}  // namespace medbcp::doc
