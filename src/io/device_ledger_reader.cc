#include "io/device_ledger_reader.h"

#include <algorithm>
#include <unordered_map>

#include "core/network_address.h"
#include "core/spreadsheet_safe.h"
#include "core/text.h"
#include "core/wareki.h"
#include "io/csv_stream.h"
#include "io/xlsx_reader.h"

namespace medbcp::io {
namespace {

constexpr int kHeaderSearchRows = 10;
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// --- cell text helpers (no allocation unless the text must change) ---------

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Trims ASCII whitespace, U+3000 (全角スペース) and U+00A0 from both ends.
std::string_view trim_cell(std::string_view s) {
  for (;;) {
    if (!s.empty() &&
        (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xE3\x80\x80")) {
      s.remove_prefix(3);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() &&
        (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE3\x80\x80")) {
      s.remove_suffix(3);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// NFKC for values that are codes rather than prose (管理番号, IP, dates …):
// "ＰＣ－０１" and "PC-01" are the same asset number.
std::string normalized(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  return std::string(trim_cell(core::nfkc(s)));
}

// Prose keeps its characters (①, ｶﾅ, ～ must survive); only line breaks are
// made uniform, since Excel writes CRLF in some files and LF in others.
std::string text_value(std::string_view s) {
  if (s.find('\r') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::optional<bool> parse_yes_no(std::string_view cell) {
  const std::string key = is_ascii(cell) ? lower_ascii(std::string(cell)) : core::match_key(cell);
  static const char* const kYes[] = {"有",  "あり", "有り", "○", "〇",   "◯",        "はい",
                                     "yes", "y",    "true", "1", "する", "接続あり", "可"};
  static const char* const kNo[] = {"無",       "なし", "無し", "×",     "✕",   "x",
                                    "いいえ",   "no",   "n",    "false", "0",   "しない",
                                    "接続なし", "-",    "ー",   "―",     "不可"};
  for (const char* yes : kYes) {
    if (key == yes) return true;
  }
  for (const char* no : kNo) {
    if (key == no) return false;
  }
  return std::nullopt;
}

// Reads up to `max` digits; false when there are none.
bool take_int(std::string_view& s, int max, int& value) {
  int n = 0;
  value = 0;
  while (!s.empty() && n < max && s.front() >= '0' && s.front() <= '9') {
    value = value * 10 + (s.front() - '0');
    s.remove_prefix(1);
    ++n;
  }
  return n > 0;
}

bool take(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

std::optional<core::Date> checked(int y, int m, int d) {
  const core::Date date{y, m, d};
  if (!date.valid()) return std::nullopt;
  return date;
}

std::optional<core::Date> parse_normalized_date(std::string_view text) {
  if (auto date = core::Date::parse(text)) return date;
  std::string_view s = text.substr(0, text.find(' '));
  int y = 0;
  int m = 0;
  int d = 0;
  if (s.size() == 8 &&
      std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    take_int(s, 4, y), take_int(s, 2, m), take_int(s, 2, d);
    return checked(y, m, d);
  }
  if (take_int(s, 4, y) && y >= 1000) {
    for (std::string_view sep : {"/", "-", "."}) {
      std::string_view rest = s;
      if (take(rest, sep) && take_int(rest, 2, m) && take(rest, sep) && take_int(rest, 2, d) &&
          rest.empty()) {
        return checked(y, m, d);
      }
    }
    std::string_view rest = s;
    if (take(rest, "年") && take_int(rest, 2, m) && take(rest, "月") && take_int(rest, 2, d) &&
        take(rest, "日") && rest.empty()) {
      return checked(y, m, d);
    }
    return std::nullopt;
  }
  return core::parse_wareki(text);
}

// 2024/4/1, 2024-04-01, 2024.4.1, 2024年4月1日, 20240401, 令和6年4月1日,
// R6.4.1, H31/4/30; a time after the date ("2024/4/1 0:00", as Excel saves
// a date-time cell to CSV) is ignored. Full-width digits are read too.
std::optional<core::Date> parse_ledger_date(std::string_view cell) {
  if (is_ascii(cell)) return parse_normalized_date(cell);  // most cells: no copy
  return parse_normalized_date(normalized(cell));
}

std::string kind_choices() {
  std::string out;
  for (auto kind :
       {core::DeviceKind::Server, core::DeviceKind::Terminal, core::DeviceKind::Network,
        core::DeviceKind::VpnRemote, core::DeviceKind::Medical, core::DeviceKind::Printer,
        core::DeviceKind::Mobile, core::DeviceKind::Media, core::DeviceKind::Other}) {
    if (!out.empty()) out += "／";
    out += core::label(kind);
  }
  return out;
}

std::string status_choices() {
  std::string out;
  for (auto status : core::kDeviceStatuses) {
    if (!out.empty()) out += "／";
    out += core::label(status);
  }
  return out;
}

// Remembers the answer for each distinct cell text: a ledger has a handful of
// distinct 種別 / 状態 / 有無 values over thousands of rows, and the forgiving
// matchers behind them normalise every candidate with ICU.
template <class T>
class Memo {
 public:
  template <class Parse>
  const std::optional<T>& get(std::string_view key, Parse parse) {
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(std::string(key), parse(key)).first;
    return it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::optional<T>, Hash, std::equal_to<>> cache_;
};

// --- the reader ---------------------------------------------------------------

struct Column {
  std::optional<DeviceField> field;
  std::string header;  // as written in the file, trimmed
};

class LedgerParser {
 public:
  explicit LedgerParser(DeviceLedgerImport& out) : out_(out) {}

  void run(LedgerRows& rows) {
    std::vector<std::string_view> cells;
    int header_row = 0;
    while (rows.next(cells)) {
      if (rows.row_number() > kHeaderSearchRows) break;
      if (is_header(cells)) {
        header_row = rows.row_number();
        break;
      }
    }
    if (header_row == 0) {
      error(
          std::string(device_header(DeviceField::AssetNumber)), 1,
          "見出し行が見つかりません。1行目に「管理番号」「機器名」などの列見出しを置いてください");
      return;
    }
    if (!take_header(cells, header_row)) return;
    out_.devices.reserve(rows.row_estimate());
    out_.rows.reserve(rows.row_estimate());
    first_row_of_asset_.reserve(rows.row_estimate());
    while (rows.next(cells)) {
      if (const std::string problem = rows.row_problem(); !problem.empty()) {
        error("", rows.row_number(), problem);
      }
      read_row(cells, rows.row_number());
    }
  }

  // Adds the counts of the problems not kept.
  void finish() {
    if (error_count_ > kMaxProblemsKept) {
      out_.errors.push_back({"", 0,
                             "ほかに " + std::to_string(error_count_ - kMaxProblemsKept) +
                                 " 件の誤りがあります（最初の " + std::to_string(kMaxProblemsKept) +
                                 " 件を表示しています）"});
    }
    if (warning_count_ > kMaxProblemsKept) {
      out_.warnings.push_back({"", 0,
                               "ほかに " + std::to_string(warning_count_ - kMaxProblemsKept) +
                                   " 件の注意があります（最初の " +
                                   std::to_string(kMaxProblemsKept) + " 件を表示しています）"});
    }
  }

 private:
  // A file can hold a million bad cells: the first kMaxProblemsKept of each
  // kind are kept to show, the rest only counted (finish() says how many).
  void error(std::string field, int row, std::string message) {
    if (++error_count_ <= kMaxProblemsKept) {
      out_.errors.push_back({std::move(field), row, std::move(message)});
    }
  }
  void warning(std::string field, int row, std::string message) {
    if (++warning_count_ <= kMaxProblemsKept) {
      out_.warnings.push_back({std::move(field), row, std::move(message)});
    }
  }

  // A header row names at least two ledger columns.
  static bool is_header(const std::vector<std::string_view>& cells) {
    int known = 0;
    for (std::string_view cell : cells) {
      if (device_field_from_header(trim_cell(cell))) ++known;
    }
    return known >= 2;
  }

  bool take_header(const std::vector<std::string_view>& cells, int row) {
    bool seen[kDeviceFieldCount] = {};
    std::string seen_header[kDeviceFieldCount];
    for (std::string_view cell : cells) {
      Column column{std::nullopt, std::string(trim_cell(cell))};
      if (!column.header.empty()) {
        column.field = device_field_from_header(column.header);
        if (!column.field) {
          warning(column.header, row,
                  "列「" + column.header +
                      "」は情報機器台帳の項目として認識できないため取り込みません");
        } else {
          const auto i = static_cast<size_t>(*column.field);
          if (seen[i]) {
            error(column.header, row,
                  "列「" + seen_header[i] + "」と列「" + column.header + "」はどちらも「" +
                      device_header(*column.field) +
                      "」を表しています。どちらかの列を削除するか見出しを変えてください");
            column.field.reset();
          } else {
            seen[i] = true;
            seen_header[i] = column.header;
            out_.columns.push_back(*column.field);
          }
        }
      }
      columns_.push_back(std::move(column));
    }
    bool ok = true;
    for (DeviceField required : {DeviceField::AssetNumber, DeviceField::Name}) {
      if (!seen[static_cast<size_t>(required)]) {
        error(device_header(required), row,
              std::string("「") + device_header(required) +
                  "」の列がありません。見出し行に追加してください");
        ok = false;
      }
    }
    return ok;
  }

  void read_row(const std::vector<std::string_view>& cells, int row) {
    bool any = false;
    for (std::string_view cell : cells) {
      if (!trim_cell(cell).empty()) {
        any = true;
        break;
      }
    }
    if (!any) return;  // blank lines between blocks are common; not an error

    core::Device d;
    const size_t errors_before = error_count_;
    bool has_asset_number = false;
    bool has_name = false;
    for (size_t c = 0; c < cells.size(); ++c) {
      // A cell medbcp exported with its formula guard reads as it was.
      const std::string_view value = core::without_formula_guard(trim_cell(cells[c]));
      if (value.empty()) continue;
      if (c >= columns_.size() || !columns_[c].field) {
        warn_unheaded_column(c, row);
        continue;
      }
      const Column& column = columns_[c];
      const DeviceField field = *column.field;
      has_asset_number |= field == DeviceField::AssetNumber;
      has_name |= field == DeviceField::Name;
      if (value.find(kReplacementChar) != std::string_view::npos) {
        error(column.header, row,
              "読み取れない文字（文字化け）があります。ファイルの文字コード（UTF-8 または "
              "Shift_JIS）を確認してください");
        continue;
      }
      read_cell(d, field, column.header, value, row);
    }
    if (!has_asset_number) {
      // A device added in Excel: new, numbered when it is saved.
      warning(column_header(DeviceField::AssetNumber), row,
              std::string("管理番号が空のため、新しい機器として追加します（管理番号は ") +
                  std::string(core::kAutoAssetPrefix) + "0001 のように自動で付けます）");
    }
    if (!has_name) error(column_header(DeviceField::Name), row, "機器名が空です");
    if (d.introduced && d.support_end && *d.support_end < *d.introduced) {
      error(column_header(DeviceField::SupportEnd), row,
            "サポート終了日が導入日より前になっています");
    }
    if (has_asset_number && !d.asset_number.empty()) {
      const auto [it, inserted] =
          first_row_of_asset_.emplace(asset_number_key(d.asset_number), row);
      if (!inserted) {
        error(column_header(DeviceField::AssetNumber), row,
              "管理番号「" + d.asset_number + "」が " + std::to_string(it->second) +
                  " 行目と重複しています");
      }
    }
    if (error_count_ == errors_before) {
      out_.devices.push_back(std::move(d));
      out_.rows.push_back(row);
    }
  }

  void read_cell(core::Device& d, DeviceField field, const std::string& header,
                 std::string_view value, int row) {
    switch (field) {
      case DeviceField::AssetNumber:
        d.asset_number = normalized(value);
        break;
      case DeviceField::Name:
        d.name = text_value(value);
        break;
      case DeviceField::Kind:
        if (const auto& kind = kinds_.get(value, core::device_kind_from_text)) {
          d.kind = *kind;
        } else {
          error(header, row,
                "種別「" + std::string(value) + "」が分かりません（" + kind_choices() +
                    " のいずれかにしてください）");
        }
        break;
      case DeviceField::Status:
        if (const auto& status = statuses_.get(value, core::device_status_from_text)) {
          d.status = *status;
        } else {
          error(header, row,
                "状態「" + std::string(value) + "」が分かりません（" + status_choices() +
                    " のいずれかにしてください）");
        }
        break;
      case DeviceField::InternetFacing:
      case DeviceField::RemoteMaintenance:
        if (const auto& yes = yes_no_.get(value, parse_yes_no)) {
          (field == DeviceField::InternetFacing ? d.internet_facing : d.remote_maintenance) = *yes;
        } else {
          error(header, row,
                header + "「" + std::string(value) +
                    "」は 有／無（あり／なし、○／×）で入力してください");
        }
        break;
      case DeviceField::Introduced:
      case DeviceField::SupportEnd:
      case DeviceField::LastStocktake:
        if (auto date = parse_ledger_date(value)) {
          (field == DeviceField::Introduced   ? d.introduced
           : field == DeviceField::SupportEnd ? d.support_end
                                              : d.last_stocktake) = *date;
        } else {
          error(header, row,
                header + "「" + std::string(value) +
                    "」を日付として読めません（例: 2024/4/1、令和6年4月1日）");
        }
        break;
      case DeviceField::System:
        d.system = text_value(value);
        break;
      case DeviceField::Location:
        d.location = text_value(value);
        break;
      case DeviceField::Manager:
        d.manager = text_value(value);
        break;
      case DeviceField::Os:
        d.os = text_value(value);
        break;
      case DeviceField::OsVersion:
        d.os_version = normalized(value);
        break;
      case DeviceField::IpAddress:
        d.ip_address = normalized(value);
        if (const auto problem = core::ip_address_problem(d.ip_address))
          error(header, row, *problem);
        break;
      case DeviceField::MacAddress:
        d.mac_address = normalized(value);
        break;
      case DeviceField::NetworkZone:
        d.network_zone = text_value(value);
        break;
      case DeviceField::Vendor:
        d.vendor = text_value(value);
        break;
      case DeviceField::Note:
        d.note = text_value(value);
        break;
    }
  }

  // Values under a column with an unknown header were warned about once at
  // the header; values under no header at all get one warning per column.
  void warn_unheaded_column(size_t c, int row) {
    if (c < columns_.size() && !columns_[c].header.empty()) return;
    if (warned_columns_.size() <= c) warned_columns_.resize(c + 1);
    if (warned_columns_[c]) return;
    warned_columns_[c] = true;
    const std::string name = column_letter(c) + "列";
    warning(name, row, name + "には見出しがないため、値を取り込みません");
  }

  // 0 -> "A", 26 -> "AA", as Excel names columns.
  static std::string column_letter(size_t c) {
    std::string out;
    for (size_t n = c + 1; n > 0; n = (n - 1) / 26) {
      out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return out;
  }

  std::string column_header(DeviceField field) const {
    for (const Column& column : columns_) {
      if (column.field == field) return column.header;
    }
    return device_header(field);
  }

  static constexpr size_t kMaxProblemsKept = 200;
  DeviceLedgerImport& out_;
  size_t error_count_ = 0;
  size_t warning_count_ = 0;
  std::vector<Column> columns_;
  std::vector<bool> warned_columns_;
  std::unordered_map<std::string, int> first_row_of_asset_;
  Memo<core::DeviceKind> kinds_;
  Memo<core::DeviceStatus> statuses_;
  Memo<bool> yes_no_;
};

class CsvRows : public LedgerRows {
 public:
  explicit CsvRows(std::string_view bytes) : stream_(bytes) {}
  bool next(std::vector<std::string_view>& cells) override { return stream_.next(cells); }
  int row_number() const override { return stream_.record_number(); }
  std::string row_problem() const override {
    return stream_.unterminated_quote()
               ? "引用符（\"）が閉じられていません。この行以降がひとつのセルとして読まれています"
               : "";
  }
  size_t row_estimate() const override { return stream_.line_count(); }
  TextEncoding encoding() const { return stream_.encoding(); }

 private:
  CsvStream stream_;
};

class XlsxRows : public LedgerRows {
 public:
  explicit XlsxRows(XlsxSheet sheet) : sheet_(std::move(sheet)) {}
  bool next(std::vector<std::string_view>& cells) override {
    if (next_ >= sheet_.rows.size()) return false;
    const auto& row = sheet_.rows[next_++];
    cells.assign(row.begin(), row.end());
    return true;
  }
  int row_number() const override { return static_cast<int>(next_); }
  size_t row_estimate() const override { return sheet_.rows.size(); }

 private:
  XlsxSheet sheet_;
  size_t next_ = 0;
};

}  // namespace

DeviceLedgerImport read_device_ledger(LedgerRows& rows) {
  DeviceLedgerImport out;
  LedgerParser parser(out);
  parser.run(rows);
  parser.finish();
  return out;
}

DeviceLedgerImport read_device_ledger_csv(std::string_view bytes) {
  CsvRows rows(bytes);
  DeviceLedgerImport out = read_device_ledger(rows);
  out.format = std::string("CSV (") + encoding_name(rows.encoding()) + ")";
  return out;
}

DeviceLedgerImport read_device_ledger_xlsx(std::string_view bytes) {
  std::optional<std::string> sheet_name;
  for (const std::string& name : xlsx_sheet_names(bytes)) {
    const std::string key = core::match_key(name);
    if (!sheet_name &&
        (key.find("台帳") != std::string::npos || key.find("別紙2") != std::string::npos)) {
      sheet_name = name;
    }
  }
  XlsxSheet sheet = read_xlsx(bytes, sheet_name);
  const std::string name = sheet.name;
  XlsxRows rows(std::move(sheet));
  DeviceLedgerImport out = read_device_ledger(rows);
  out.format = "XLSX（シート「" + name + "」）";
  return out;
}

DeviceLedgerImport read_device_ledger_file(std::string_view bytes) {
  return looks_like_xlsx(bytes) ? read_device_ledger_xlsx(bytes) : read_device_ledger_csv(bytes);
}

}  // namespace medbcp::io
