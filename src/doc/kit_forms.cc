// Every page is listed first (title, subtitle, how to draw it), so the page
// count is known before drawing and paper_form_titles() tells exactly what
// render_paper_forms_pdf() prints.
#include "doc/kit_forms.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "core/numbering.h"
#include "core/readiness.h"
#include "core/text.h"
#include "core/wareki.h"
#include "doc/kit_card.h"
#include "doc/kit_form_painter.h"

namespace medbcp::doc {
namespace {

using namespace chart_style;

constexpr double kLeft = 42;
constexpr double kTop = 40;
constexpr double kWidth = kA4Width - 2 * kLeft;
constexpr double kFooterY = kA4Height - 30;
constexpr double kBottom = kA4Height - 44;  // content ends above the footer
constexpr Rgb kMuted{0.357, 0.420, 0.498, "#5b6b7f"};
constexpr int kStocktakeRows = 22;

std::string value(const std::string& text) {
  return core::is_placeholder(text) ? std::string() : core::trim(text);
}

struct Page {
  std::string title;
  std::string subtitle;
  std::function<void(FormPainter&, double y)> draw;  // y: below the title band
  bool own_title = false;                            // draws its own heading (the card)
};

// --- 初動対応カード --------------------------------------------------------

void draw_card(FormPainter& p, const FirstResponseCard& card) {
  cairo_t* cr = p.cr();
  // A red band: the card must be found in a drawer at a glance.
  cairo_rectangle(cr, kLeft, kTop, kWidth, 62);
  set_color(cr, kAlert);
  cairo_fill(cr);
  TextStyle band = sans(28, true);
  band.color = kWhite;
  p.text("初動対応カード", band, kLeft + 14, kTop + 8, kWidth * 0.55);
  TextStyle who = sans(13, true);
  who.color = kWhite;
  who.align = PANGO_ALIGN_RIGHT;
  const std::string holder = card.holder.empty() ? "全職員用" : card.holder;
  p.text(holder, who, kLeft + kWidth * 0.45, kTop + 10, kWidth * 0.55 - 14);
  TextStyle fac = sans(10);
  fac.color = kWhite;
  fac.align = PANGO_ALIGN_RIGHT;
  p.text(card.facility, fac, kLeft + kWidth * 0.45, kTop + 36, kWidth * 0.55 - 14);

  double y = kTop + 76;
  TextStyle h = sans(15, true);
  h.color = kNavy;
  y += p.text("おかしいと思ったら（最初の10分）", h, kLeft, y, kWidth) + 6;
  int n = 1;
  for (const auto& step : card.steps) {
    // A numbered disc, then the step in large type.
    cairo_arc(cr, kLeft + 13, y + 13, 13, 0, 2 * 3.14159265);
    set_color(cr, kNavy);
    cairo_fill(cr);
    TextStyle num = sans(16, true);
    num.color = kWhite;
    num.align = PANGO_ALIGN_CENTER;
    p.text(std::to_string(n++), num, kLeft, y + 2, 26);
    const double th = p.text(step.title, sans(20, true), kLeft + 36, y, kWidth - 36);
    y += th + p.text(step.detail, sans(14), kLeft + 36, y + th + 1, kWidth - 36) + 14;
  }

  y += 4;
  y += p.text("報告する相手（つながるまで上から順に）", h, kLeft, y, kWidth) + 6;
  const double cols[] = {0.20, 0.28, 0.26, 0.26};
  for (const auto& call : card.calls) {
    double x = kLeft;
    const double row_h = 50;
    cairo_rectangle(cr, kLeft, y, kWidth, row_h);
    cairo_set_line_width(cr, 1.2);
    set_color(cr, kNavy);
    cairo_stroke(cr);
    TextStyle small = sans(9);
    small.color = kMuted;
    p.text(call.who, small, x + 6, y + 5, kWidth * cols[0] - 10);
    x += kWidth * cols[0];
    p.text(call.name, sans(14, true), x, y + 12, kWidth * cols[1] - 6);
    x += kWidth * cols[1];
    const std::pair<const char*, const std::string*> phones[] = {{"日中", &call.phone_day},
                                                                 {"夜間・休日", &call.phone_night}};
    for (int i = 0; i < 2; ++i) {
      p.text(phones[i].first, small, x + 2, y + 4, kWidth * cols[2 + i]);
      // As large as fits on one line: a number must never wrap.
      const std::string phone = phones[i].second->empty() ? "＿＿＿＿＿＿" : *phones[i].second;
      TextStyle number = sans(18, true);
      while (number.size > 9 && p.measure_width(phone, number) > kWidth * cols[2 + i] - 8) {
        number.size -= 0.5;
      }
      p.text(phone, number, x + 2, y + 18, kWidth * cols[2 + i] - 4);
      x += kWidth * cols[2 + i];
    }
    y += row_h + 5;
  }

  y += 12;
  y += p.text("伝えること", h, kLeft, y, kWidth) + 4;
  for (const auto& item : card.report_items) {
    y += p.text("・" + item, sans(14), kLeft + 8, y, kWidth - 8) + 3;
  }
  y += 14;
  const std::string never = "しないこと：" + [&] {
    std::string s;
    for (std::size_t i = 0; i < card.never.size(); ++i) s += (i ? "／" : "") + card.never[i];
    return s;
  }();
  const double nh = p.measure(never, sans(13.5, true), kWidth - 20);
  cairo_rectangle(cr, kLeft, y, kWidth, nh + 14);
  cairo_set_source_rgb(cr, 0.992, 0.925, 0.918);
  cairo_fill(cr);
  TextStyle ns = sans(13.5, true);
  ns.color = kAlert;
  p.text(never, ns, kLeft + 10, y + 7, kWidth - 20);
}

// --- 発見・報告書 ----------------------------------------------------------

void draw_discovery_report(FormPainter& p, double y) {
  const double half = kWidth / 2;
  p.box(kLeft, y, half, 44, "報告日時");
  p.text("令和　　年　　月　　日　　時　　分", sans(11), kLeft + 10, y + 20, half - 12);
  p.box(kLeft + half, y, half, 44, "発見者（氏名・所属）");
  y += 50;
  p.box(kLeft, y, half, 44, "発見日時");
  p.text("令和　　年　　月　　日　　時　　分ごろ", sans(11), kLeft + 10, y + 20, half - 12);
  p.box(kLeft + half, y, half, 44, "場所・機器（設置場所、機器名、管理番号）");
  y += 50;
  p.box(kLeft, y, kWidth, 110, "経緯（いつ、何をしていて気づいたか）");
  p.writing_lines(kLeft, y + 14, kWidth, 96, 20);
  y += 116;
  p.box(kLeft, y, kWidth, 170, "発生状況（当てはまるものに✓、具体的に）");
  const double used =
      p.checkboxes({"画面に脅迫文・身代金の要求", "ファイルが開けない・名前が変わった",
                    "動作が極端に遅い", "不審なメール・添付ファイルを開いた",
                    "勝手に操作されている", "ログインできない", "ほかの端末でも同じ症状", "その他"},
                   kLeft + 8, y + 18, kWidth - 16);
  p.writing_lines(kLeft, y + 18 + used, kWidth, 170 - 18 - used, 20);
  y += 176;
  p.box(kLeft, y, kWidth, 140, "処置内容（すでにしたこと）");
  const double used2 = p.checkboxes({"LANケーブルを抜いた", "無線LANを切った", "画面を撮影した",
                                     "電源は入れたまま", "まだ何もしていない", "その他"},
                                    kLeft + 8, y + 18, kWidth - 16);
  p.writing_lines(kLeft, y + 18 + used2, kWidth, 140 - 18 - used2, 20);
  y += 146;
  p.box(kLeft, y, kWidth, 36, "個人データ（患者情報）の漏えい・そのおそれ");
  p.checkboxes({"あり", "なし", "分からない"}, kLeft + 230, y + 12, kWidth - 240);
  y += 42;
  p.box(kLeft, y, kWidth, 58, "報告を受けた者（医療情報システム安全管理責任者）");
  p.text("氏名　　　　　　　　　　　受けた日時　令和　　年　　月　　日　　時　　分　　　署名",
         sans(10), kLeft + 10, y + 30, kWidth - 20);
}

// --- 休診・縮小のお知らせ、電話応対（サーバが止まっていても受付が出せる） ---------

// To fill with a thick pen and tape to the entrance: large type, tick boxes
// for the 診療形態, blanks for the outlook and the number to call.
void draw_door_notice(FormPainter& p, double y, const core::Plan& plan) {
  TextStyle big = sans(36, true);
  big.align = PANGO_ALIGN_CENTER;
  y += p.text("診療についてのお知らせ", big, kLeft, y + 10, kWidth) + 34;
  y += p.text("ただいま、システム障害のため", sans(22), kLeft, y, kWidth) + 14;
  // One option a line, the box and its words readable from the door.
  for (const char* option : {"本日は休診", "外来のみ（紙カルテで診療）", "初診の受付を停止",
                             "お会計は後日", "ご予約の方のみ"}) {
    cairo_t* cr = p.cr();
    cairo_set_line_width(cr, 2);
    cairo_rectangle(cr, kLeft + 16, y + 4, 24, 24);
    cairo_stroke(cr);
    y += p.text(option, sans(22), kLeft + 56, y, kWidth - 56) + 10;
  }
  y += p.text("としております。", sans(22), kLeft, y + 6, kWidth) + 26;
  p.box(kLeft, y, kWidth, 100, "再開の見込み");
  y += 114;
  p.text("ご来院の皆様にはご迷惑をおかけし、申し訳ございません。", sans(20), kLeft, y, kWidth);
  y += 60;
  p.box(kLeft, y, kWidth, 80, "お問い合わせ");
  const std::string phone = plan.facility.phone.empty() ? "" : "電話 " + plan.facility.phone;
  p.text(phone, sans(22, true), kLeft + 12, y + 28, kWidth - 24);
  y += 96;
  TextStyle sign = sans(18);
  sign.align = PANGO_ALIGN_RIGHT;
  p.text("令和　　年　　月　　日　" + value(plan.facility.name), sign, kLeft, y, kWidth);
}

// Beside the reception's phone: what to say, what not to say, whom to hand a
// call to. Written for the day the server and its templates are down.
void draw_phone_script(FormPainter& p, double y, const core::Plan& plan) {
  const TextStyle h = sans(15, true);
  const TextStyle body = sans(12.5);
  y += p.text("伝えること", h, kLeft, y, kWidth) + 6;
  for (const char* line :
       {"「ただいまシステム障害のため、＿＿＿＿＿＿＿＿（休診／外来のみ など）としております。」",
        "「再開の見込みは ＿＿＿＿＿＿＿＿ です。分かり次第お知らせします。」",
        "「お薬や急ぎの症状のご相談は承ります。お名前とご連絡先をお伺いします。」",
        "個人情報のお問い合わせ：「調査中です。分かり次第、当院からご連絡いたします。」"}) {
    y += p.text(line, body, kLeft + 12, y, kWidth - 12) + 8;
  }
  y += 10;
  y += p.text("言わないこと", h, kLeft, y, kWidth) + 6;
  for (const char* line :
       {"攻撃の手口、被害の範囲、犯人や業者についての推測。",
        "「大丈夫です」「漏れていません」と言い切ること。",
        "報道機関・取材：「担当者から改めてご連絡します」と伝え、名前と連絡先だけを聞く。"}) {
    y += p.text(line, body, kLeft + 12, y, kWidth - 12) + 8;
  }
  y += 10;
  y += p.text("取り次ぐ先", h, kLeft, y, kWidth) + 6;
  std::string officer = "医療情報システム安全管理責任者　" + value(plan.officer.name);
  if (!plan.officer.phone_day.empty()) officer += "　日中 " + plan.officer.phone_day;
  if (!plan.officer.phone_night.empty()) officer += "　夜間 " + plan.officer.phone_night;
  y += p.text(officer, body, kLeft + 12, y, kWidth - 12) + 16;
  p.table(kLeft, y, kWidth,
          {{"時刻", 0.8}, {"相手（名前・連絡先）", 2.2}, {"用件", 2.4}, {"対応", 1.4}}, 10, 26);
}

// --- 時系列・連絡・棚卸し ------------------------------------------------------

double sheet_header(FormPainter& p, double y, const std::string& left) {
  p.text(left, sans(10), kLeft, y, kWidth * 0.7);
  TextStyle r = sans(10);
  r.align = PANGO_ALIGN_RIGHT;
  p.text("用紙番号　　　／　　　", r, kLeft + kWidth * 0.7, y, kWidth * 0.3);
  return y + 20;
}

int rows_that_fit(double y, double row_height) {
  return static_cast<int>((kBottom - 30 - y - 20) / row_height);
}

void draw_timeline_sheet(FormPainter& p, double y) {
  y = sheet_header(p, y, "インシデント（見出し）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿");
  const double row_h = 25;
  y = p.table(kLeft, y, kWidth,
              {{"月日", 0.8},
               {"時刻", 0.7},
               {"記入者", 1.1},
               {"種類", 0.9},
               {"内容（見たこと・したこと・決めたこと）", 5},
               {"確認", 0.6}},
              rows_that_fit(y, row_h), row_h);
  TextStyle note = sans(8.5);
  note.color = kMuted;
  p.text(
      "種類：事実／対応／判断／連絡。起きた順に書く。誤りは二重線で消して残し、新しい行に正しく書く"
      "（消しゴム・修正液は使わない）。サーバ復旧後、medbcp の時系列に入力する。",
      note, kLeft, y + 6, kWidth);
}

void draw_contact_log(FormPainter& p, double y, const core::Plan& plan) {
  y = sheet_header(p, y, "外部関係先への連絡（第３章 １（４））。太字の先は初報で必ず連絡する。");
  std::vector<std::vector<std::string>> cells;
  std::vector<const core::ExternalContact*> contacts;
  for (const auto& c : plan.external_contacts) {
    if (c.notify_on_incident) contacts.push_back(&c);
  }
  for (const auto& c : plan.external_contacts) {
    if (!c.notify_on_incident) contacts.push_back(&c);
  }
  for (const auto* c : contacts) {
    const std::string person = value(c->person);
    cells.push_back({"",
                     (c->notify_on_incident ? "★" : "") + value(c->organization) +
                         (person.empty() ? "" : "（" + person + "）"),
                     value(c->phone), "", "", "□", ""});
  }
  const double row_h = 27;
  const int rows = rows_that_fit(y, row_h);
  if (static_cast<int>(cells.size()) > rows - 3) cells.resize(std::max(0, rows - 3));
  y = p.table(kLeft, y, kWidth,
              {{"月日・時刻", 1.1},
               {"連絡先（組織・担当者）", 2.2},
               {"電話番号", 1.4},
               {"手段", 0.7},
               {"連絡者", 1},
               {"つながった", 0.8},
               {"伝えた内容・先方の対応", 3.2}},
              rows, row_h, cells);
  TextStyle note = sans(8.5);
  note.color = kMuted;
  p.text("★は計画で「初報で必ず連絡する」とした先。つながらなかった連絡も書く（時刻と手段）。",
         note, kLeft, y + 6, kWidth);
}

void draw_stocktake(FormPainter& p, double y, const core::Plan& plan, std::size_t from,
                    std::size_t count) {
  p.text("実施日　令和　　年　　月　　日　　　　実施者＿＿＿＿＿＿＿＿　　確認者＿＿＿＿＿＿＿＿",
         sans(10), kLeft, y, kWidth);
  y += 20;
  std::vector<std::vector<std::string>> cells;
  for (std::size_t i = from; i < from + count && i < plan.devices.size(); ++i) {
    const auto& d = plan.devices[i];
    cells.push_back({value(d.asset_number), value(d.name), value(d.location), "□確認 □不明 □移動",
                     std::string(core::label(d.status)) + "→", ""});
  }
  y = p.table(kLeft, y, kWidth,
              {{"管理番号", 1},
               {"機器名", 2},
               {"設置場所（台帳）", 1.6},
               {"所在", 1.9},
               {"稼働状況（台帳→実際）", 1.5},
               {"備考・移動先", 2}},
              kStocktakeRows, 26, cells);
  TextStyle note = sans(8.5);
  note.color = kMuted;
  p.text(
      "別紙２ 情報機器台帳の機器。台帳にない機器を見つけたら空欄の行に書く。"
      "結果は medbcp の棚卸しに入力し、台帳を更新する。",
      note, kLeft, y + 6, kWidth);
}

// --- 代替運用の様式 ----------------------------------------------------------

void patient_row(FormPainter& p, double x, double y, double w, double h) {
  const double cols[] = {0.18, 0.34, 0.32, 0.16};
  const char* labels[] = {"患者ID", "氏名（ふりがな）", "生年月日", "性別"};
  double cx = x;
  for (int i = 0; i < 4; ++i) {
    p.box(cx, y, w * cols[i], h, labels[i]);
    cx += w * cols[i];
  }
  p.text("明 大 昭 平 令　　　年　　月　　日", sans(8), x + w * 0.52 + 4, y + h - 13, w * 0.32 - 6);
  p.checkboxes({"男", "女"}, x + w * 0.84 + 6, y + h - 16, w * 0.16 - 8);
}

void draw_medical_record(FormPainter& p, double y) {
  patient_row(p, kLeft, y, kWidth, 40);
  y += 40;
  const double third = kWidth / 3;
  p.box(kLeft, y, third, 36, "受診日");
  p.text("令和　　年　　月　　日", sans(10), kLeft + 8, y + 17, third - 10);
  p.box(kLeft + third, y, third, 36, "診療科");
  p.box(kLeft + 2 * third, y, third, 36, "担当医");
  y += 42;
  const std::pair<const char*, double> parts[] = {{"主訴・現病歴（S）", 120},
                                                  {"所見・検査結果（O）", 120},
                                                  {"評価・診断（A）", 80},
                                                  {"計画・処方・処置（P）", 150}};
  for (const auto& [label, h] : parts) {
    p.box(kLeft, y, kWidth, h, label);
    p.writing_lines(kLeft, y + 12, kWidth, h - 12, 20);
    y += h + 4;
  }
  p.box(kLeft, y, kWidth * 0.45, 40, "医師署名");
  p.box(kLeft + kWidth * 0.45, y, kWidth * 0.55, 40, "システム復旧後の電子カルテ入力");
  p.checkboxes({"入力済　入力日　　／　　　入力者"}, kLeft + kWidth * 0.45 + 8, y + 18,
               kWidth * 0.55 - 12);
}

void draw_order_slip_part(FormPainter& p, double y, double h, const std::string& copy) {
  TextStyle tag = sans(9, true);
  tag.color = kWhite;
  cairo_rectangle(p.cr(), kLeft, y, 150, 16);
  set_color(p.cr(), kNavy);
  cairo_fill(p.cr());
  p.text(copy, tag, kLeft + 6, y + 2, 140);
  p.checkboxes({"処方", "検査", "処置"}, kLeft + 160, y + 1, 130);
  TextStyle date = sans(9);
  date.align = PANGO_ALIGN_RIGHT;
  p.text("令和　年　月　日　科＿＿＿＿　医師＿＿＿＿＿", date, kLeft + 290, y + 2, kWidth - 290);
  y += 20;
  patient_row(p, kLeft, y, kWidth, 34);
  y += 38;
  const double table_h = h - 20 - 38 - 30;
  const int rows = static_cast<int>((table_h - 20) / 19);
  p.table(kLeft, y, kWidth,
          {{"薬剤名・検査項目", 3}, {"規格・量", 1.2}, {"用法・部位", 1.6}, {"日数・回数", 0.9}},
          rows, 19);
  y += 20 + rows * 19 + 4;
  p.text(
      "医師署名＿＿＿＿＿＿＿＿　　実施・調剤者＿＿＿＿＿＿＿＿　　□実施済　□会計へ回付　□復旧後入"
      "力済",
      sans(9), kLeft, y + 2, kWidth);
}

void draw_order_slip(FormPainter& p, double y) {
  TextStyle note = sans(9, true);
  note.color = kAlert;
  p.text("カーボン紙を挟み３枚重ねて、１枚目に強く記入する。切り離して各部署へ。", note, kLeft, y,
         kWidth);
  y += 16;
  const double part = (kBottom - y) / 3;
  const char* copies[] = {"１枚目　控え（診療科）", "２枚目　薬局・検査室", "３枚目　会計"};
  for (int i = 0; i < 3; ++i) {
    draw_order_slip_part(p, y + i * part + 4, part - 10, copies[i]);
    if (i < 2) p.cut_line(y + (i + 1) * part - 3, kLeft - 20, kLeft + kWidth + 20, "✂ 切り取り");
  }
}

void draw_list_form(FormPainter& p, double y, const std::vector<FormColumn>& columns,
                    const std::string& note_text) {
  y = sheet_header(p, y, "記入日　令和　　年　　月　　日");
  const double row_h = 25;
  y = p.table(kLeft, y, kWidth, columns, rows_that_fit(y, row_h), row_h);
  TextStyle note = sans(8.5);
  note.color = kMuted;
  p.text(note_text, note, kLeft, y + 6, kWidth);
}

void draw_fallback_form(FormPainter& p, double y, FallbackForm form) {
  switch (form) {
    case FallbackForm::MedicalRecord:
      draw_medical_record(p, y);
      return;
    case FallbackForm::OrderSlip:
      draw_order_slip(p, y);
      return;
    case FallbackForm::Billing:
      draw_list_form(p, y,
                     {{"月日", 0.7},
                      {"患者ID", 0.9},
                      {"氏名", 1.5},
                      {"診療内容", 2.2},
                      {"請求予定額", 1},
                      {"受領額", 0.9},
                      {"未収", 0.6},
                      {"担当", 0.8}},
                     "医事会計システムが使えない間の会計。金額が決められないときは未収とし、"
                     "復旧後にシステムへ入力して精算する。");
      return;
    case FallbackForm::Imaging:
      draw_list_form(p, y,
                     {{"月日・時刻", 1},
                      {"患者ID・氏名", 1.8},
                      {"検査種別・部位", 1.5},
                      {"閲覧した機器", 1.5},
                      {"所見・伝えた相手", 2.6},
                      {"担当", 0.8}},
                     "画像は撮影装置のワークステーションで閲覧する。PACS "
                     "復旧後に画像の転送・登録を確認する。");
      return;
    case FallbackForm::General:
      draw_list_form(
          p, y,
          {{"月日・時刻", 1},
           {"患者・対象", 1.8},
           {"行ったこと（代替手段）", 3.4},
           {"担当", 0.9},
           {"復旧後の入力", 1}},
          "システム復旧後、この用紙の内容をシステムに入力し、「復旧後の入力」欄に✓をつける。");
      return;
  }
}

bool contains_any(const std::string& text, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

std::string fallback_subtitle(const core::Plan& plan, const core::FallbackOperation& f) {
  return "代替運用：" + value(f.business) + "（" +
         value(plan.system_name(f.system, f.system_label)) + "）→ " + value(f.fallback);
}

std::vector<Page> pages(const core::Plan& plan) {
  std::vector<Page> out;
  auto card_page = [&](const FirstResponseCard& card) {
    std::string t = "初動対応カード";
    if (!card.holder.empty()) t += "（" + card.holder + "）";
    out.push_back({t, "", [card](FormPainter& p, double) { draw_card(p, card); }, true});
  };
  card_page(first_response_card(plan));
  for (const auto& c : plan.internal_contacts) card_page(first_response_card(plan, c));

  out.push_back({"発見・報告書",
                 "第３章 １（１）発生事象の発見・報告　→ 医療情報システム安全管理責任者へ",
                 [](FormPainter& p, double y) { draw_discovery_report(p, y); }});
  out.push_back({"時系列記録用紙", "第３章 １（３）① 事実関係を時系列で整理する",
                 [](FormPainter& p, double y) { draw_timeline_sheet(p, y); }});
  out.push_back({"連絡記録", "第３章 １（４）外部関係先への連絡（別紙１）",
                 [&plan](FormPainter& p, double y) { draw_contact_log(p, y, plan); }});
  out.push_back({"休診・縮小のお知らせ（掲示用）", "太いペンで記入し、入口と受付に貼る",
                 [&plan](FormPainter& p, double y) { draw_door_notice(p, y, plan); }});
  out.push_back({"電話応対の手引き", "受付の電話の横に置く",
                 [&plan](FormPainter& p, double y) { draw_phone_script(p, y, plan); }});
  const std::size_t devices = plan.devices.size();
  constexpr std::size_t per_sheet =
      kStocktakeRows - 3;  // leave blank rows for devices not on the ledger
  const std::size_t sheets = std::max<std::size_t>(1, (devices + per_sheet - 1) / per_sheet);
  for (std::size_t s = 0; s < sheets; ++s) {
    std::string t = "棚卸し記録用紙";
    if (sheets > 1) t += "（" + std::to_string(s + 1) + "／" + std::to_string(sheets) + "）";
    out.push_back({t, "別紙２ 情報機器台帳　機器の所在と稼働状況の確認",
                   [&plan, s](FormPainter& p, double y) {
                     draw_stocktake(p, y, plan, s * per_sheet, per_sheet);
                   }});
  }
  bool any = false;
  for (const auto& f : plan.fallbacks) {
    if (value(f.business).empty() && value(f.fallback).empty()) continue;  // a template row
    const FallbackForm form = fallback_form_for(plan, f);
    out.push_back({title(form), fallback_subtitle(plan, f),
                   [form](FormPainter& p, double y) { draw_fallback_form(p, y, form); }});
    any = true;
  }
  if (!any) {
    out.push_back(
        {title(FallbackForm::General), "代替運用（業務内容・代替手段を書いて使う）",
         [](FormPainter& p, double y) { draw_fallback_form(p, y, FallbackForm::General); }});
  }
  return out;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

const char* title(FallbackForm form) {
  switch (form) {
    case FallbackForm::MedicalRecord:
      return "紙カルテ（診療録）";
    case FallbackForm::OrderSlip:
      return "処方・検査伝票（複写式）";
    case FallbackForm::Billing:
      return "会計記録（未収金）";
    case FallbackForm::Imaging:
      return "画像閲覧記録";
    case FallbackForm::General:
      return "代替運用記録";
  }
  return "代替運用記録";
}

FallbackForm fallback_form_for(const core::Plan& plan, const core::FallbackOperation& f) {
  // The business decides first (「処方・検査」 on whatever system), then the
  // system, then the fallback's own words.
  const std::string fields[] = {
      value(f.business), value(plan.system_name(f.system, f.system_label)), value(f.fallback)};
  for (const auto& text : fields) {
    if (contains_any(text, {"処方", "検査", "オーダ", "伝票", "カーボン"}))
      return FallbackForm::OrderSlip;
    if (contains_any(text, {"診療録", "カルテ"})) return FallbackForm::MedicalRecord;
    if (contains_any(text, {"会計", "医事", "レセプト", "未収"})) return FallbackForm::Billing;
    if (contains_any(text, {"画像", "PACS", "ＰＡＣＳ", "放射線"})) return FallbackForm::Imaging;
  }
  return FallbackForm::General;
}

std::vector<std::string> paper_form_titles(const core::Plan& plan) {
  std::vector<std::string> out;
  for (const auto& page : pages(plan)) out.push_back(page.title);
  return out;
}

std::string render_paper_forms_pdf(const core::Plan& plan, const PaperKitStamp& stamp) {
  const std::vector<Page> list = pages(plan);
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_to_string, &out, kA4Width, kA4Height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("PDF を作成できません");
  }
  const std::string facility = value(plan.facility.name);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (facility + "　紙のキット（様式）").c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "medbcp");
  cairo_t* cr = cairo_create(surface);
  TextEngine text;
  FormPainter painter(cr, text);
  const std::string left =
      facility + "　紙のキット（計画 第" + core::full_width_number(plan.facility.edition) + "版・" +
      core::format_wareki(stamp.made_at.tokyo_date()) + "作成・" + stamp.kit_id.substr(0, 8) + "）";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Page& page = list[i];
    cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, page.title.c_str(),
                                  ("page=" + std::to_string(i + 1)).c_str(),
                                  static_cast<cairo_pdf_outline_flags_t>(0));
    double y = kTop;
    if (!page.own_title) y = painter.title(page.title, page.subtitle, kLeft, kTop, kWidth);
    page.draw(painter, y);
    const std::string short_title = page.own_title ? "初動対応カード" : page.title;
    painter.footer(left,
                   short_title + "　" + std::to_string(i + 1) + "／" + std::to_string(list.size()),
                   kLeft, kFooterY, kWidth);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("PDF の書き出しに失敗しました: ") +
                             cairo_status_to_string(status));
  }
  return out;
}

}  // namespace medbcp::doc
