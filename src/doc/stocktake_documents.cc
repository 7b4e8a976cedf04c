#include "doc/stocktake_documents.h"

#include "core/numbering.h"
#include "core/wareki.h"

namespace medbcp::doc {
namespace {

using doc::Column;
using doc::Text;

std::string jp_date(const core::Date& d) { return core::format_wareki(d); }

// The tick boxes printed in the 確認 column, one per finding a device can have.
std::string tick_boxes() { return "□確認済　□所在不明　□設置場所変更　□状態変更　□廃棄"; }

std::string finding_detail(const core::StocktakeResult& r) {
  std::string detail;
  if (!r.new_location.empty()) detail += "設置場所 → " + r.new_location;
  if (r.new_status) {
    detail += (detail.empty() ? "" : "、") + std::string("状態 → ") + core::label(*r.new_status);
  }
  if (r.finding == core::Finding::Retired)
    detail += (detail.empty() ? "" : "、") + std::string("廃棄");
  return detail;
}

doc::Document base(const core::StocktakeView& view, std::string title) {
  doc::Document d;
  d.title = std::move(title);
  d.subtitle = "情報機器台帳（別紙２）";
  d.facility_name = doc::plain(view.facility_name);
  d.cover_facts.push_back({"棚卸し", doc::plain(view.round.title)});
  d.cover_facts.push_back({"開始", doc::plain(jp_date(view.round.started_at.tokyo_date()) + "（" +
                                              view.round.started_by + "）")});
  if (view.round.closed_at) {
    d.cover_facts.push_back({"終了", doc::plain(jp_date(view.round.closed_at->tokyo_date()) + "（" +
                                                view.round.closed_by + "）")});
  }
  d.cover_facts.push_back({"対象機器", doc::plain(std::to_string(view.items.size()) + " 台")});
  return d;
}

doc::Paragraph body(std::string text, doc::Paragraph::Style style = doc::Paragraph::Style::Body) {
  return doc::Paragraph{style, doc::plain(std::move(text))};
}

}  // namespace

doc::Document stocktake_sheet_document(const core::StocktakeView& view) {
  doc::Document d = base(view, "棚卸しチェックシート");
  d.blocks.push_back(doc::PageBreak{doc::PageBreak::Orientation::Landscape});
  d.blocks.push_back(doc::Heading{1, "", "棚卸しチェックシート　" + view.round.title, "sheet"});
  d.blocks.push_back(body(
      "台帳の機器を一台ずつ探し、見つかった場所と状態を確かめて、該当する□に印を付けてください。"
      "設置場所や状態が台帳と違うときは「新しい設置場所・状態」に記入します。"
      "台帳にない機器を見つけたら、最後の表に記入してください。"));

  doc::Table sheet;
  sheet.name = "stocktake_sheet";
  sheet.caption = "表　棚卸し対象機器（" + std::to_string(view.items.size()) + "台）";
  sheet.compact = true;
  sheet.columns = {Column{"No.", 0.45, Column::Align::Center},
                   Column{"管理番号", 0.95},
                   Column{"機器名", 1.9},
                   Column{"種別", 1.0},
                   Column{"設置場所（台帳）", 1.3},
                   Column{"状態（台帳）", 0.8, Column::Align::Center},
                   Column{"確認", 4.6},
                   Column{"新しい設置場所・状態", 1.6},
                   Column{"備考", 1.2}};
  for (std::size_t i = 0; i < view.items.size(); ++i) {
    const auto& it = view.items[i];
    sheet.rows.push_back({doc::plain(std::to_string(i + 1)), doc::plain(it.asset_number),
                          doc::plain(it.name), doc::plain(core::label(it.kind)),
                          doc::plain(it.location), doc::plain(core::label(it.status)),
                          doc::plain(tick_boxes()), doc::blank(8), doc::blank(6)});
  }
  d.blocks.push_back(std::move(sheet));

  doc::Table found;
  found.name = "stocktake_unlisted";
  found.caption = "表　台帳にない機器（発見した機器）";
  found.compact = true;
  found.columns = {Column{"No.", 0.5, Column::Align::Center},
                   Column{"管理番号（あれば）", 1.3},
                   Column{"機器名", 2.2},
                   Column{"種別", 1.2},
                   Column{"設置場所", 1.8},
                   Column{"備考", 2.5}};
  for (int i = 1; i <= 5; ++i) {
    found.rows.push_back({doc::plain(std::to_string(i)), doc::blank(6), doc::blank(10),
                          doc::blank(5), doc::blank(8), doc::blank(10)});
  }
  d.blocks.push_back(std::move(found));

  Text sign = doc::plain("実施日　");
  doc::append(sign, doc::blank(10));
  doc::append(sign, "　実施者　");
  doc::append(sign, doc::blank(10));
  doc::append(sign, "　確認者（医療情報システム安全管理責任者）　");
  doc::append(sign, doc::blank(10));
  d.blocks.push_back(doc::Paragraph{doc::Paragraph::Style::Remark, std::move(sign)});
  return d;
}

doc::Document stocktake_report_document(const core::StocktakeView& view) {
  doc::Document d = base(view, "棚卸し差異報告");
  const auto& r = view.report;
  d.blocks.push_back(doc::PageBreak{doc::PageBreak::Orientation::Landscape});
  d.blocks.push_back(doc::Heading{1, "", "棚卸し差異報告　" + view.round.title, "report"});
  std::string summary = "対象 " + std::to_string(r.total) + " 台のうち確認 " +
                        std::to_string(r.checked) + " 台（台帳どおり " +
                        std::to_string(r.confirmed) + " 台）、台帳との差異 " +
                        std::to_string(r.differences.size()) + " 件、未確認 " +
                        std::to_string(r.unchecked.size()) + " 台。";
  summary += view.round.closed() ? "この棚卸しは終了し、結果を台帳に反映しました。"
                                 : "この棚卸しは実施中です（台帳にはまだ反映していません）。";
  d.blocks.push_back(body(summary));

  d.blocks.push_back(doc::Heading{2, core::full_width_number(1), "台帳との差異", "differences"});
  if (r.differences.empty()) {
    d.blocks.push_back(body("台帳との差異はありません。"));
  } else {
    doc::Table t;
    t.name = "stocktake_differences";
    t.caption = "表　台帳との差異";
    t.compact = true;
    t.columns = {Column{"管理番号", 1.1},   Column{"機器名", 2},
                 Column{"結果", 1.2},       Column{"台帳の設置場所", 1.5},
                 Column{"台帳の状態", 0.9}, Column{"確認した内容", 2.2},
                 Column{"備考", 1.8},       Column{"記録者", 1.1}};
    for (const auto& line : r.differences) {
      const auto& res = *line.result;
      const bool unlisted = res.finding == core::Finding::Unlisted;
      t.rows.push_back(
          {doc::plain(line.item.asset_number), doc::plain(line.item.name),
           doc::plain(core::label(res.finding)), doc::plain(unlisted ? "" : line.item.location),
           doc::plain(unlisted ? "" : core::label(line.item.status)),
           doc::plain(unlisted ? "発見場所 " + res.found_location : finding_detail(res)),
           doc::plain(res.note), doc::plain(res.recorded_by)});
    }
    d.blocks.push_back(std::move(t));
  }

  d.blocks.push_back(doc::Heading{2, core::full_width_number(2), "未確認の機器", "unchecked"});
  if (r.unchecked.empty()) {
    d.blocks.push_back(body("すべての機器を確認しました。"));
  } else {
    doc::Table t;
    t.name = "stocktake_unchecked";
    t.caption = "表　未確認の機器";
    t.compact = true;
    t.columns = {Column{"管理番号", 1.1}, Column{"機器名", 2}, Column{"設置場所（台帳）", 1.5},
                 Column{"管理者", 1.2}};
    for (const auto& line : r.unchecked) {
      t.rows.push_back({doc::plain(line.item.asset_number), doc::plain(line.item.name),
                        doc::plain(line.item.location), doc::plain(line.item.manager)});
    }
    d.blocks.push_back(std::move(t));
  }

  if (view.round.closed()) {
    d.blocks.push_back(doc::Heading{2, core::full_width_number(3), "台帳への反映", "changes"});
    if (view.changes.empty()) {
      d.blocks.push_back(body("台帳の変更はありませんでした。"));
    } else {
      doc::Table t;
      t.name = "stocktake_changes";
      t.caption = "表　台帳の変更（" + view.round.closed_by + "、" +
                  jp_date(view.round.closed_at->tokyo_date()) + "）";
      t.compact = true;
      t.columns = {Column{"機器", 2.2}, Column{"項目", 1.1}, Column{"変更前", 2.4},
                   Column{"変更後", 2.4}};
      for (const auto& c : view.changes) {
        t.rows.push_back({doc::plain(c.device_label), doc::plain(core::ledger_field_label(c.field)),
                          doc::plain(c.before), doc::plain(c.after)});
      }
      d.blocks.push_back(std::move(t));
    }
  }

  Text sign = doc::plain("確認日　");
  doc::append(sign, doc::blank(10));
  doc::append(sign, "　医療情報システム安全管理責任者　");
  doc::append(sign, doc::blank(10));
  d.blocks.push_back(doc::Paragraph{doc::Paragraph::Style::Remark, std::move(sign)});
  return d;
}

}  // namespace medbcp::doc
