#include "doc/checklist_document.h"

namespace medbcp::doc {
namespace {

Paragraph body(std::string text, Paragraph::Style style = Paragraph::Style::Body) {
  return Paragraph{style, plain(std::move(text))};
}

// An empty answer is a field to fill by hand, not an empty-looking cell.
Text cell(const std::string& text, int blank_width) {
  return text.empty() ? blank(blank_width) : plain(text);
}

}  // namespace

Document checklist_document(const core::ChecklistSheet& sheet) {
  const bool for_vendor = !sheet.vendor.empty();
  const std::string kind = for_vendor ? "事業者確認用" : "医療機関確認用";
  Document d;
  d.title = sheet.title;
  d.subtitle = kind + "　" + sheet.edition;
  d.facility_name = sheet.facility.empty() ? blank(12) : plain(sheet.facility);
  d.cover_facts.push_back({"年度", plain(sheet.fiscal_year)});
  if (for_vendor) {
    d.cover_facts.push_back({"事業者", plain(sheet.vendor)});
    d.cover_facts.push_back({"事業者の確認者（署名）", blank(12)});
  } else {
    d.cover_facts.push_back({"確認者（署名）", blank(12)});
    d.cover_facts.push_back({"医療情報システム安全管理責任者（署名）", blank(12)});
  }

  d.blocks.push_back(PageBreak{PageBreak::Orientation::Landscape});
  d.blocks.push_back(Heading{1, "", sheet.title + "（" + kind + "）", "checklist"});
  d.blocks.push_back(body(sheet.fiscal_year + "　" + sheet.edition +
                          "。各項目に「はい」または「いいえ」と確認日を記入し、「いいえ」の"
                          "項目には対応する目標日を記入します。"));
  if (for_vendor) {
    d.blocks.push_back(
        body(sheet.vendor + " 様：" + sheet.facility +
             "が運用を委託しているシステムについてご記入のうえ、同じ内容を"
             "お送りした XLSX に記入して返送いただくか、この用紙をお返しください。"));
  }
  Table t;
  t.name = "checklist";
  t.caption = "表　チェックリスト（" + sheet.fiscal_year + "）";
  t.compact = true;
  t.columns = {Column{"No.", 0.5, Column::Align::Center},
               Column{"項目", 5.0},
               Column{"対象", 1.6},
               Column{"はい／いいえ", 0.9, Column::Align::Center},
               Column{"確認日", 1.1, Column::Align::Center},
               Column{"目標日", 1.1, Column::Align::Center},
               Column{"備考", 3.0}};
  std::string section;
  for (const auto& line : sheet.lines) {
    if (line.section != section && !line.section.empty()) {
      section = line.section;
      t.rows.push_back({plain(""), plain("【" + section + "】"), plain(""), plain(""), plain(""),
                        plain(""), plain("")});
    }
    const bool no = line.answer == "いいえ";
    t.rows.push_back({plain(line.id), plain(line.text), plain(line.target), cell(line.answer, 3),
                      cell(line.checked_on, 5),
                      no || for_vendor ? cell(line.target_on, 5) : plain(line.target_on),
                      plain(line.note)});
  }
  d.blocks.push_back(std::move(t));
  d.blocks.push_back(body(std::string("確認日　　　年　　月　　日　　") +
                              (for_vendor ? "事業者の確認者" : "確認者") +
                              "　　　　　　　　　　　（署名）",
                          Paragraph::Style::Remark));

  if (!sheet.bcp.empty()) {
    d.blocks.push_back(PageBreak{PageBreak::Orientation::Landscape});
    d.blocks.push_back(
        Heading{1, "", "サイバー攻撃を想定した事業継続計画（BCP）策定の確認表", "bcp"});
    d.blocks.push_back(
        body("確認表の各項目について、この計画のどこに記載があるかを示します。"
             "「要確認」は medbcp が記録から判断できない項目です。"));
    Table b;
    b.name = "bcp_check";
    b.caption = "表　BCP確認表と計画の記載箇所";
    b.compact = true;
    b.columns = {Column{"No.", 0.7, Column::Align::Center},
                 Column{"区分", 1.2},
                 Column{"小見出し", 2.2},
                 Column{"確認内容", 3.6},
                 Column{"状況", 0.9, Column::Align::Center},
                 Column{"計画の記載箇所", 3.6}};
    for (const auto& line : sheet.bcp) {
      b.rows.push_back({plain(line.id), plain(line.section), plain(line.heading), plain(line.text),
                        plain(line.state), plain(line.where)});
    }
    d.blocks.push_back(std::move(b));
  }
  return d;
}

}  // namespace medbcp::doc
