#include "doc/plan_catalog.h"

namespace medbcp::doc {

const ColumnInfo* TableInfo::find_column(std::string_view key) const {
  for (const ColumnInfo& c : columns)
    if (c.key == key) return &c;
  return nullptr;
}

const std::vector<FieldInfo>& plan_fields() {
  static const std::vector<FieldInfo> fields = {
      {"facility.name", "医療機関名", 10},
      {"facility.address", "住所", 16},
      {"facility.phone", "電話番号", 8},
      {"facility.document_department", "文書の管理部門（部門名。「部門」は自動で補います）", 6},
      {"facility.effective_date", "施行日", 0},
      {"facility.edition", "版数", 2},
      {"facility.last_reviewed", "最終見直し日", 0},
      {"officer.name", "医療情報システム安全管理責任者の氏名", 8},
      {"officer.title", "医療情報システム安全管理責任者の役職", 4},
      {"officer.phone_day", "責任者の日中の電話", 8},
      {"officer.phone_night", "責任者の夜間・休日の電話", 8},
      {"officer.email", "責任者のメールアドレス", 10},
  };
  return fields;
}

const FieldInfo* find_plan_field(std::string_view name) {
  for (const FieldInfo& f : plan_fields())
    if (f.name == name) return &f;
  return nullptr;
}

const std::vector<TableInfo>& plan_tables() {
  static const std::vector<TableInfo> tables = {
      {"fallbacks",
       "代替運用",
       {{"business", "業務内容", 1.2, true},
        {"system", "システム", 1.3, true},
        {"fallback", "代替手段", 2.0, true},
        {"materials", "必要な物品・様式", 1.6, false},
        {"return_to_normal", "通常運用への戻し方", 1.6, false}},
       {"business", "system", "fallback"}},
      {"backups",
       "バックアップ体制",
       {{"system", "システム", 1.1, true},
        {"frequency", "頻度", 0.75, true},
        {"method", "作成方法", 2.2, true},
        {"restore_method", "復旧方法", 2.2, true},
        {"media", "媒体", 1.1, false},
        {"offline", "保管", 0.9, false},
        {"generations", "世代数", 0.6, false}},
       {"system", "frequency", "method", "restore_method"}},
      {"external_contacts",
       "外部関係機関の連絡先",
       {{"category", "区分", 1.1, true},
        {"organization", "組織名", 1.7, true},
        {"person", "担当者", 1.0, false},
        {"phone", "電話", 1.25, true},
        {"phone_after_hours", "時間外の電話", 1.25, false},
        {"hours", "受付時間", 1.0, false},
        {"email", "メール", 1.6, false},
        {"what_to_tell", "伝える内容", 1.8, false},
        {"notify", "初報", 0.55, false},
        {"last_verified", "最終確認日", 1.1, false}},
       {"category", "organization", "person", "phone", "phone_after_hours", "hours", "notify"}},
      {"internal_contacts",
       "院内の連絡先",
       {{"role", "役割", 1.4, true},
        {"name", "氏名", 1.1, true},
        {"department", "部門", 0.9, false},
        {"reports_to", "報告先", 1.1, false},
        {"phone_day", "日中の電話", 1.25, true},
        {"phone_night", "夜間・休日の電話", 1.25, true},
        {"email", "メール", 1.6, false}},
       {"role", "name", "department", "reports_to", "phone_day", "phone_night"}},
      {"devices",
       "情報機器台帳",
       {{"asset_number", "管理番号", 0.9, true},
        {"name", "機器名", 1.5, true},
        {"kind", "種別", 1.0, true},
        {"system", "関連システム", 1.3, true},
        {"location", "設置場所", 1.1, true},
        {"manager", "管理者", 1.1, true},
        {"os", "OS・バージョン", 1.4, false},
        {"ip_address", "IPアドレス", 1.15, false},
        {"mac_address", "MACアドレス", 1.4, false},
        {"network_zone", "ネットワーク区分", 1.0, false},
        {"connection", "外部接続", 1.1, false},
        {"vendor", "保守業者", 1.2, true},
        {"introduced", "導入日", 0.75, false},
        {"support_end", "サポート終了", 0.8, false},
        {"status", "状態", 0.55, true},
        {"last_stocktake", "最終棚卸日", 0.8, true},
        {"note", "備考", 1.3, false}},
       {"asset_number", "name", "kind", "system", "location", "manager", "os", "ip_address",
        "connection", "vendor", "support_end", "status", "last_stocktake"},
       true},
      // 改定履歴: the published 版 (from the version history, see
      // doc/plan_tables.h revision_table), not rows of the plan.
      {"revisions",
       "改定履歴",
       {{"edition", "版", 0.6, true},
        {"date", "改定日", 1.3, true},
        {"note", "改定内容", 3.0, true},
        {"by", "発行者", 1.0, false}},
       {"edition", "date", "note", "by"}},
  };
  return tables;
}

const TableInfo* find_plan_table(std::string_view name) {
  for (const TableInfo& t : plan_tables())
    if (t.name == name) return &t;
  return nullptr;
}

const std::vector<std::string>& plan_lists() {
  static const std::vector<std::string> lists = {"systems", "threats"};
  return lists;
}

const std::vector<std::string>& plan_charts() {
  static const std::vector<std::string> charts = {"contacts"};
  return charts;
}

}  // namespace medbcp::doc
