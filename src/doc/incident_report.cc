#include "doc/incident_report.h"

#include "core/incident_guidance.h"
#include "core/incident_steps.h"
#include "core/numbering.h"
#include "core/wareki.h"
#include "doc/docx_renderer.h"
#include "doc/pdf_renderer.h"

namespace medbcp::doc {
namespace {

using doc::plain;
using doc::Text;

// 「令和６年６月３日 08:40」: the date in 和暦, the time as staff read it.
std::string when(core::Instant t) {
  return core::format_wareki(t.tokyo_date(), core::DigitStyle::HalfWidth) + " " +
         t.tokyo_text().substr(11);
}

std::string yes_no(bool b) { return b ? "あり" : "なし"; }

class ReportBuilder {
 public:
  ReportBuilder(const core::IncidentView& view, core::Instant now) : v_(view), now_(now) {}

  doc::Document build() {
    const core::Incident& i = v_.incident;
    d_.title = i.drill ? "訓練 対応記録" : "インシデント対応報告書";
    d_.subtitle = i.drill ? "【訓練】この記録は訓練です（実際のインシデントではありません）"
                          : "サイバーインシデント発生時の対応記録";
    d_.facility_name =
        plain(v_.plan.facility.name.empty() ? "（医療機関名未設定）" : v_.plan.facility.name);
    d_.edition = (i.drill ? "訓練 No." : "インシデント No.") + std::to_string(i.id.value);
    d_.cover_facts = {
        {"件名", plain(i.title)},
        {"想定事象", plain(core::label(i.threat))},
        {"発見日時", plain(when(i.discovery.discovered_at))},
        {"状態", plain(std::string(core::label(i.status)) +
                       (i.closed_at ? "（" + when(*i.closed_at) + " 終了）" : ""))},
        {"時系列の記録", plain(std::to_string(v_.timeline.size()) + " 件")},
        {"最終ハッシュ", plain(v_.chain.head_hash)},
        {"作成日時", plain(when(now_))},
    };
    d_.source_note =
        "この報告書は medbcp が記録した時系列から作成しました。時系列の各記録は SHA-256 "
        "のハッシュで連結されており、最終ハッシュが一致すれば作成時点以前の記録が変更されていない"
        "ことを確かめられます。";

    summary();
    steps();
    timeline();
    contacts();
    decisions();
    evidence();
    deadlines();
    closure();
    integrity();
    return std::move(d_);
  }

 private:
  void heading(int level, std::string title) {
    std::string number;
    if (level == 1) number = core::full_width_number(++chapter_);
    d_.blocks.push_back(
        doc::Heading{level, number, std::move(title), "incident-h" + std::to_string(++anchor_)});
  }
  void paragraph(std::string text, doc::Paragraph::Style style = doc::Paragraph::Style::Body) {
    d_.blocks.push_back(doc::Paragraph{style, plain(std::move(text))});
  }
  doc::Table table(std::string name, const std::vector<std::pair<std::string, double>>& columns) {
    doc::Table t;
    t.name = std::move(name);
    for (const auto& [header, weight] : columns) t.columns.push_back(doc::Column{header, weight});
    return t;
  }
  void row(doc::Table& t, std::vector<std::string> cells) {
    std::vector<Text> r;
    r.reserve(cells.size());
    for (auto& c : cells) r.push_back(plain(std::move(c)));
    t.rows.push_back(std::move(r));
  }

  void summary() {
    const core::Incident& i = v_.incident;
    heading(1, "発生事象の概要（発見・報告）");
    auto t = table("incident_summary", {{"項目", 1}, {"内容", 3.2}});
    row(t, {"件名", i.title});
    row(t, {"想定事象", core::label(i.threat)});
    row(t, {"発見者", i.discovery.discoverer});
    row(t, {"発見日時", when(i.discovery.discovered_at)});
    row(t, {"発見の経緯", i.discovery.how_found});
    row(t, {"発生状況", i.discovery.situation});
    row(t, {"処置内容", i.discovery.actions_taken});
    row(t, {"認知日時（期限の起算点）", when(i.aware_at)});
    row(t, {"個人データ漏えいのおそれ", yes_no(i.personal_data_leak)});
    std::string systems, devices;
    for (const auto& s : i.systems) systems += (systems.empty() ? "" : "、") + s.name;
    for (const auto& d : i.devices) {
      devices += (devices.empty() ? "" : "、") + d.name +
                 (d.asset_number.empty() ? "" : "（" + d.asset_number + "）");
    }
    row(t, {"影響を受けたシステム", systems.empty() ? "—" : systems});
    row(t, {"影響を受けた機器", devices.empty() ? "—" : devices});
    row(t, {"記録開始", when(i.opened_at) + "　" + i.opened_by});
    row(t, {"状態", std::string(core::label(i.status)) +
                        (i.closed_at ? "（" + when(*i.closed_at) + " 終了）" : "")});
    d_.blocks.push_back(std::move(t));

    const auto guidance = core::system_guidance(i, v_.plan);
    if (!guidance.empty()) {
      heading(2, "影響システムの代替手段と復旧方法（計画より）");
      auto g = table("incident_guidance", {{"システム", 1.2}, {"代替手段", 2}, {"復旧方法", 2}});
      for (const auto& s : guidance) {
        std::string fallbacks, restores;
        for (const auto* f : s.fallbacks) {
          fallbacks += (fallbacks.empty() ? "" : "\n") + f->business + "：" + f->fallback;
        }
        for (const auto* b : s.backups)
          restores += (restores.empty() ? "" : "\n") + b->restore_method;
        row(g, {s.system.name, fallbacks.empty() ? "（計画に記載なし）" : fallbacks,
                restores.empty() ? "（計画に記載なし）" : restores});
      }
      d_.blocks.push_back(std::move(g));
    }
  }

  void steps() {
    heading(1, "対応手順の実施状況");
    auto t = table("incident_steps",
                   {{"区分", 0.9}, {"手順", 2}, {"状態", 0.7}, {"実施者・日時", 1.4}, {"備考", 2}});
    for (const auto* step : core::response_steps_for(v_.incident)) {
      const auto* mark = v_.state.step(step->id);
      std::string who = mark ? mark->author + "\n" + when(mark->occurred_at) : "";
      std::string note;
      if (mark) {
        note = mark->value.state == core::StepState::NotApplicable ? "理由: " + mark->value.reason
                                                                   : mark->value.note;
      }
      row(t, {std::string(step->phase) + std::string(step->number), std::string(step->title),
              core::label(mark ? mark->value.state : core::StepState::Pending), who, note});
    }
    d_.blocks.push_back(std::move(t));
  }

  void timeline() {
    heading(1, "時系列");
    paragraph(
        "記録は追記のみで、訂正は訂正の記録として追加されます。発生日時は事実が起きた時刻、"
        "記録日時は入力された時刻です。");
    auto t = table("incident_timeline", {{"No.", 0.45},
                                         {"発生日時", 1.15},
                                         {"記録日時", 1.15},
                                         {"種類", 0.6},
                                         {"記録者", 0.8},
                                         {"内容", 3.6}});
    t.compact = true;
    for (const auto& e : v_.timeline) {
      std::string text = e.text;
      if (!e.corrects.empty()) {
        for (const auto& other : v_.timeline) {
          if (other.id == e.corrects) text += "\n（No." + std::to_string(other.seq) + " を訂正）";
        }
      }
      if (auto it = v_.state.corrections.find(e.id); it != v_.state.corrections.end()) {
        text += "\n（この記録には訂正があります）";
      }
      if (e.recorded_offline) text += "\n（オフラインで記録）";
      row(t, {std::to_string(e.seq), when(e.occurred_at), when(e.recorded_at), core::label(e.kind),
              e.author, text});
    }
    d_.blocks.push_back(std::move(t));
  }

  void contacts() {
    heading(1, "外部関係先等への連絡記録");
    auto t = table("incident_contacts", {{"日時", 1.1},
                                         {"連絡先", 1.6},
                                         {"連絡者", 0.8},
                                         {"結果", 0.8},
                                         {"伝えた内容", 1.8},
                                         {"今後の対応", 1.4}});
    for (const auto& c : v_.state.contacts) {
      std::string result = c.value.reached ? "連絡済" : "不通";
      if (!c.value.channel.empty()) result.insert(0, c.value.channel + "\n");
      if (c.withdrawn) result += "\n（取消）";
      row(t, {when(c.occurred_at), c.value.target.name, c.value.called_by, result, c.value.said,
              c.value.follow_up});
    }
    if (t.rows.empty()) row(t, {"—", "連絡の記録はありません", "", "", "", ""});
    d_.blocks.push_back(std::move(t));
    if (!v_.still_to_reach.empty()) {
      heading(2, "まだ連絡がついていない必須の連絡先（別紙１）");
      doc::List list;
      list.marker = doc::List::Marker::Bullet;
      for (const auto& c : v_.still_to_reach) {
        list.items.push_back(
            plain(c.organization + "（" + core::label(c.category) + "）　" + c.phone));
      }
      d_.blocks.push_back(std::move(list));
    }
  }

  void decisions() {
    heading(1, "業務継続に関する判断");
    auto t = table("incident_decisions",
                   {{"日時", 1.1}, {"判断", 1.1}, {"内容", 2.2}, {"判断者", 0.8}, {"理由", 2}});
    for (const auto& d : v_.state.decisions) {
      std::string content = core::describe(d.value);
      content = content.substr(content.find(": ") + 2);
      if (auto at = content.find("。理由: "); at != std::string::npos) content.resize(at);
      if (d.withdrawn) content += "（取消）";
      if (d.corrected) content += "（訂正後）";
      row(t, {when(d.occurred_at), core::label(d.value.kind), content, d.author, d.value.reason});
    }
    if (t.rows.empty()) row(t, {"—", "判断の記録はありません", "", "", ""});
    d_.blocks.push_back(std::move(t));
  }

  void evidence() {
    heading(1, "証拠保全");
    paragraph(std::string(core::kDoNotInitialiseReminder), doc::Paragraph::Style::Note);
    auto t = table("incident_evidence", {{"保全したもの", 1.4},
                                         {"機器", 1},
                                         {"保管場所・保管者（現在）", 1.4},
                                         {"ファイルと SHA-256", 2.2},
                                         {"受け渡し", 1.8}});
    t.compact = true;
    for (const auto& e : v_.state.evidence) {
      const auto& item = e.item.value;
      std::string file = item.sha256.empty()
                             ? "—"
                             : item.file_name + "（" + std::to_string(item.file_size) +
                                   " バイト）\n" + item.sha256;
      std::string custody;
      for (const auto& c : e.custody) {
        if (!custody.empty()) custody += '\n';
        custody.append(when(c.occurred_at)).append(" ").append(c.value.from).append(" → ");
        custody.append(c.value.to);
      }
      row(t, {item.item + (e.item.withdrawn ? "（取消）" : ""), item.device_name,
              e.current_location() + "\n" + e.current_holder(), file, custody});
    }
    if (t.rows.empty()) row(t, {"登録された証拠はありません", "", "", "", ""});
    d_.blocks.push_back(std::move(t));
  }

  void deadlines() {
    if (v_.deadlines.empty()) return;
    heading(1, "報告・連絡の期限");
    auto t = table("incident_deadlines",
                   {{"報告・連絡", 1.8}, {"期限の考え方", 2}, {"期限", 1.2}, {"状況", 1.2}});
    for (const auto& d : v_.deadlines) {
      std::string due = d.state == core::DeadlineState::Prompt ||
                                (d.state == core::DeadlineState::Done && !d.hard_limit &&
                                 d.kind != core::DeadlineKind::PpcFinal)
                            ? "速やかに"
                            : when(d.due);
      if (d.hard_limit) due += "\n（遅くとも " + when(*d.hard_limit) + "）";
      std::string status = core::label(d.state);
      if (d.done_at) {
        status += "（" + when(*d.done_at) + "）";
      } else if (d.state != core::DeadlineState::Prompt) {
        status += "\n" + core::format_time_left(d.seconds_left);
      }
      row(t, {d.title, d.rule, due, status});
    }
    d_.blocks.push_back(std::move(t));
  }

  void closure() {
    heading(1, "教訓と再発防止策");
    if (!v_.state.closure) {
      paragraph("このインシデントはまだ終了していません。");
      return;
    }
    const auto& c = *v_.state.closure;
    paragraph(c.value.lessons);
    if (v_.follow_ups.empty()) return;
    auto t =
        table("incident_follow_ups", {{"再発防止策", 3}, {"担当", 1}, {"期限", 1}, {"状況", 0.8}});
    for (const auto& f : v_.follow_ups) {
      row(t,
          {f.title, f.owner, f.due ? core::format_wareki(*f.due, core::DigitStyle::HalfWidth) : "",
           f.done ? "完了" : "未完了"});
    }
    d_.blocks.push_back(std::move(t));
  }

  void integrity() {
    heading(1, "記録の完全性");
    const auto& c = v_.chain;
    if (c.ok()) {
      paragraph("時系列 " + std::to_string(c.entries) +
                " 件のハッシュの連鎖を検証し、改ざん・削除・並べ替え・挿入のないことを確認しました"
                "（" +
                when(now_) + "）。");
    } else {
      paragraph(
          "時系列のハッシュの連鎖に不整合が見つかりました。以下の記録は、記録後にアプリケーション"
          "の外で変更された可能性があります。");
      auto t = table("incident_chain_breaks", {{"No.", 0.5}, {"種類", 1}, {"内容", 4}});
      for (const auto& b : c.breaks)
        row(t, {std::to_string(b.seq), core::label(b.kind), b.message});
      d_.blocks.push_back(std::move(t));
    }
    paragraph("最終ハッシュ（SHA-256）: " + c.head_hash, doc::Paragraph::Style::Remark);
    paragraph("この値を控えておけば、後日 `medbcp incident verify " +
                  std::to_string(v_.incident.id.value) +
                  " --expect <最終ハッシュ>` "
                  "で、この時点までの記録が変わっていないことを確かめられます。",
              doc::Paragraph::Style::Remark);
  }

  const core::IncidentView& v_;
  core::Instant now_;
  doc::Document d_;
  int chapter_ = 0;
  int anchor_ = 0;
};

}  // namespace

Document incident_report_document(const core::IncidentView& view, core::Instant now) {
  return ReportBuilder(view, now).build();
}

std::string incident_report_pdf(const core::IncidentView& view, core::Instant now) {
  return doc::render_pdf(incident_report_document(view, now));
}

std::string incident_report_docx(const core::IncidentView& view, core::Instant now) {
  return doc::render_docx(incident_report_document(view, now));
}

}  // namespace medbcp::doc
