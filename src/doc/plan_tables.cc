// The {{table …}}s of a plan: one function per table says what each column
// of a row shows; plan_table() decides blanks and assembles the Table.
#include "doc/plan_tables.h"

#include <algorithm>
#include <functional>
#include <map>

#include "core/numbering.h"
#include "core/readiness.h"
#include "core/wareki.h"
#include "doc/plan_values.h"

namespace medbcp::doc {
namespace {

// Ledger dates in the short 和暦 form of Japanese forms (R7.3.28): a full
// 令和７年３月２８日 would wrap in every narrow date column.
std::string date_text(const std::optional<core::Date>& d) {
  if (!d || !d->valid()) return {};
  std::optional<core::EraDate> era = core::to_era(*d);
  if (!era) return d->iso();
  static const std::pair<const char*, const char*> kInitials[] = {
      {"明治", "M"}, {"大正", "T"}, {"昭和", "S"}, {"平成", "H"}, {"令和", "R"}};
  std::string initial = era->era;
  for (const auto& [name, letter] : kInitials)
    if (era->era == name) initial = letter;
  return initial + std::to_string(era->year) + "." + std::to_string(era->month) + "." +
         std::to_string(era->day);
}

std::string frequency_text(int days) {
  if (days <= 0) return {};
  if (days == 1) return "毎日";
  if (days == 7) return "毎週";
  return std::to_string(days) + "日ごと";
}

std::string join(const std::string& a, const std::string& b, const char* sep) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + sep + b;
}

std::string fallback_cell(const core::Plan& plan, const core::FallbackOperation& f,
                          std::string_view key) {
  if (key == "business") return f.business;
  if (key == "system") return plan.system_name(f.system, f.system_label);
  if (key == "fallback") return f.fallback;
  if (key == "materials") return f.materials;
  if (key == "return_to_normal") return f.return_to_normal;
  return {};
}

std::string backup_cell(const core::Plan& plan, const core::BackupPlan& b, std::string_view key) {
  if (key == "system") return plan.system_name(b.system, b.system_label);
  if (key == "frequency") return frequency_text(b.frequency_days);
  if (key == "method") return b.method;
  if (key == "restore_method") return b.restore_method;
  if (key == "media") return b.media;
  if (key == "offline") return b.offline ? "オフライン" : "オンライン";
  if (key == "generations") return b.generations > 0 ? std::to_string(b.generations) + "世代" : "";
  return {};
}

std::string external_cell(const core::ExternalContact& c, std::string_view key) {
  if (key == "category") return core::label(c.category);
  if (key == "organization") return c.organization;
  if (key == "person") return c.person;
  if (key == "phone") return c.phone;
  if (key == "phone_after_hours") return c.phone_after_hours;
  if (key == "hours") return c.hours;
  if (key == "email") return c.email;
  if (key == "what_to_tell") return c.what_to_tell;
  if (key == "notify") return c.notify_on_incident ? "必須" : "";
  if (key == "last_verified") return date_text(c.last_verified);
  return {};
}

std::string internal_cell(const core::Plan& plan, const core::InternalContact& c,
                          std::string_view key) {
  if (key == "role") return c.role;
  if (key == "name") return c.name;
  if (key == "department") return c.department;
  if (key == "reports_to") {
    const core::InternalContact* boss = c.reports_to ? plan.find_internal(*c.reports_to) : nullptr;
    if (boss && boss->id != c.id) return core::is_placeholder(boss->name) ? boss->role : boss->name;
    return "安全管理責任者";
  }
  if (key == "phone_day") return c.phone_day;
  if (key == "phone_night") return c.phone_night;
  if (key == "email") return c.email;
  return {};
}

std::string device_cell(const core::Device& d, std::string_view key) {
  if (key == "asset_number") return d.asset_number;
  if (key == "name") return d.name;
  if (key == "kind") return core::label(d.kind);
  if (key == "system") return d.system;
  if (key == "location") return d.location;
  if (key == "manager") return d.manager;
  if (key == "os") return join(d.os, d.os_version, " ");
  if (key == "ip_address") return d.ip_address;
  if (key == "mac_address") return d.mac_address;
  if (key == "network_zone") return d.network_zone;
  if (key == "connection") {
    std::string s;
    if (d.internet_facing) s = "インターネット";
    if (d.remote_maintenance) s = join(s, "リモート保守", "・");
    return s.empty() ? "なし" : s;
  }
  if (key == "vendor") return d.vendor;
  if (key == "introduced") return date_text(d.introduced);
  if (key == "support_end") return date_text(d.support_end);
  if (key == "status") return core::label(d.status);
  if (key == "last_stocktake") return date_text(d.last_stocktake);
  if (key == "note") return d.note;
  return {};
}

// Rows of cell strings, one vector per record, in the order of `keys`.
using CellFn = std::function<std::string(std::size_t row, std::string_view key)>;

std::size_t row_count(const core::Plan& plan, std::string_view table) {
  if (table == "fallbacks") return plan.fallbacks.size();
  if (table == "backups") return plan.backups.size();
  if (table == "external_contacts") return plan.external_contacts.size();
  if (table == "internal_contacts") return plan.internal_contacts.size() + 1;  // + officer
  if (table == "devices") return plan.devices.size();
  return 0;
}

CellFn cells_of(const core::Plan& plan, std::string_view table) {
  if (table == "fallbacks")
    return [&plan](std::size_t i, std::string_view k) {
      return fallback_cell(plan, plan.fallbacks[i], k);
    };
  if (table == "backups")
    return [&plan](std::size_t i, std::string_view k) {
      return backup_cell(plan, plan.backups[i], k);
    };
  if (table == "external_contacts")
    return [&plan](std::size_t i, std::string_view k) {
      return external_cell(plan.external_contacts[i], k);
    };
  if (table == "internal_contacts")
    return [&plan](std::size_t i, std::string_view k) -> std::string {
      if (i == 0) {  // the officer heads the internal list as in 別紙１
        const core::SecurityOfficer& o = plan.officer;
        if (k == "role") return "医療情報システム安全管理責任者";
        if (k == "name") return o.name;
        if (k == "department") return o.title;
        if (k == "phone_day") return o.phone_day;
        if (k == "phone_night") return o.phone_night;
        if (k == "email") return o.email;
        return {};
      }
      return internal_cell(plan, plan.internal_contacts[i - 1], k);
    };
  return [&plan](std::size_t i, std::string_view k) { return device_cell(plan.devices[i], k); };
}

int blank_width(double weight) { return weight >= 2 ? 8 : weight >= 1.2 ? 5 : 3; }

}  // namespace

namespace {

// The Table of `info` in `columns` with `n` rows whose cells `value` gives,
// then `blank_rows` empty rows; a table with no rows and none asked for
// gets two rows of blanks (＿), the gap to fill in on paper.
Table assemble_table(const TableInfo& info, const std::vector<std::string>& columns,
                     std::string caption, std::size_t n, const CellFn& value,
                     std::size_t blank_rows) {
  Table table;
  table.name = info.name;
  table.caption = std::move(caption);
  table.compact = info.compact;
  std::vector<const ColumnInfo*> cols;
  for (const std::string& key : columns.empty() ? info.default_columns : columns)
    if (const ColumnInfo* c = info.find_column(key)) cols.push_back(c);
  for (const ColumnInfo* c : cols) {
    Column col;
    col.header = c->header;
    col.weight = c->weight;
    table.columns.push_back(col);
  }
  auto cell = [](const std::string& text, const ColumnInfo& c) -> Text {
    if (c.required) return value_or_blank(text, blank_width(c.weight));
    // An optional column stays empty, but a leftover 〇〇 still becomes a blank.
    if (text.empty()) return {};
    return value_or_blank(text, blank_width(c.weight));
  };
  table.rows.reserve(n + blank_rows);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<Text> row;
    row.reserve(cols.size());
    for (const ColumnInfo* c : cols) row.push_back(cell(value(i, c->key), *c));
    table.rows.push_back(std::move(row));
  }
  // Rows to write in by hand: blanks where the plan has none (a gap to
  // fill), plain empty cells where they are room for what comes later.
  const std::size_t gap_rows = n == 0 && blank_rows == 0 ? 2 : 0;
  for (std::size_t r = 0; r < gap_rows + blank_rows; ++r) {
    std::vector<Text> row;
    row.reserve(cols.size());
    for (const ColumnInfo* c : cols) row.push_back(r < gap_rows ? cell({}, *c) : Text{});
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

Table plan_table(const core::Plan& plan, const TableInfo& info,
                 const std::vector<std::string>& columns, std::string caption) {
  return assemble_table(info, columns, std::move(caption), row_count(plan, info.name),
                        cells_of(plan, info.name), 0);
}

Table revision_table(const std::vector<PlanRevision>& revisions, const TableInfo& info,
                     const std::vector<std::string>& columns, std::string caption) {
  const CellFn value = [&revisions](std::size_t i, std::string_view key) -> std::string {
    const PlanRevision& r = revisions[i];
    if (key == "edition") return "第" + core::full_width_number(r.edition) + "版";
    if (key == "date") return r.date.valid() ? core::format_wareki(r.date) : std::string();
    if (key == "note") return r.note;
    if (key == "by") return r.by;
    return {};
  };
  return assemble_table(info, columns, std::move(caption), revisions.size(), value, 2);
}

}  // namespace medbcp::doc
