#include "doc/drill_documents.h"

#include "core/incident_steps.h"
#include "core/numbering.h"
#include "core/plan_section.h"
#include "core/wareki.h"
#include "doc/docx_renderer.h"
#include "doc/pdf_renderer.h"

namespace medbcp::doc {
namespace {

constexpr const char* kDrillMark = "【訓練】この記録は訓練です（実際のインシデントではありません）";

std::string when(core::Instant t) {
  return core::format_wareki(t.tokyo_date(), core::DigitStyle::HalfWidth) + " " +
         t.tokyo_text().substr(11);
}

Paragraph body(std::string text, Paragraph::Style style = Paragraph::Style::Body) {
  return Paragraph{style, plain(std::move(text))};
}

Table table(std::string name, std::string caption, std::vector<Column> columns) {
  Table t;
  t.name = std::move(name);
  t.caption = std::move(caption);
  t.columns = std::move(columns);
  return t;
}

std::vector<Text> cells(std::initializer_list<std::string> texts) {
  std::vector<Text> row;
  for (const auto& t : texts) row.push_back(plain(t));
  return row;
}

// Numbered chapters: 第１ … as in the incident report.
class Chapters {
 public:
  explicit Chapters(Document& d) : d_(d) {}
  void add(std::string title) {
    d_.blocks.push_back(Heading{1, core::full_width_number(++n_), std::move(title),
                                "drill-h" + std::to_string(n_)});
  }

 private:
  Document& d_;
  int n_ = 0;
};

void scenario_blocks(Document& d, const core::DrillScenario& s) {
  for (const auto& p : s.briefing) d.blocks.push_back(body(p));
  Table roles = table("roles", "表　役割", {Column{"役割", 1.2}, Column{"何をするか", 3.0}});
  for (const auto& r : s.roles) roles.rows.push_back(cells({r.name, r.task}));
  d.blocks.push_back(std::move(roles));
}

std::string delta(const core::DrillMeasure& now, const core::DrillMeasure* before) {
  if (before == nullptr || !before->seconds) return "—";
  if (!now.seconds) return core::format_drill_time(before->seconds) + "（今回は未実施）";
  const std::int64_t diff = *now.seconds - *before->seconds;
  const std::string sign = diff > 0 ? "＋" : (diff < 0 ? "−" : "±");
  return core::format_drill_time(before->seconds) + "（" + sign +
         core::format_drill_time(diff < 0 ? -diff : diff) + "）";
}

}  // namespace

Document drill_report_document(const DrillReportInput& in, core::Instant now) {
  const core::IncidentView& v = in.view;
  Document d;
  d.title = "訓練実施報告書";
  d.subtitle = kDrillMark;
  d.facility_name = v.plan.facility.name.empty() ? blank(12) : plain(v.plan.facility.name);
  d.edition = "訓練 No." + std::to_string(v.incident.id.value);
  d.cover_facts = {
      {"シナリオ", plain(in.scenario.title)},
      {"訓練の形", plain(core::label(in.record.mode))},
      {"開始", plain(in.progress.started_at ? when(*in.progress.started_at) : "—")},
      {"終了", plain(in.progress.ended_at ? when(*in.progress.ended_at) : "実施中")},
      {"所要時間（一時停止を除く）", plain(core::format_drill_time(in.measures.duration_seconds))},
      {"参加者", plain(std::to_string(in.progress.participants.size()) + " 人")},
      {"最終ハッシュ", plain(v.chain.head_hash)},
      {"作成日時", plain(when(now))},
  };
  d.source_note =
      "この報告書は medbcp が記録した訓練の時系列から作成しました。訓練の記録は実際の"
      "インシデントとは別に数え、期限や連絡先への連絡も訓練として扱います。";
  Chapters chapter(d);

  chapter.add("シナリオ");
  d.blocks.push_back(
      body("想定事象: " + std::string(core::label(in.scenario.threat)) +
               (in.scenario.personal_data_leak ? "（個人データ漏えいのおそれあり）" : ""),
           Paragraph::Style::Remark));
  scenario_blocks(d, in.scenario);
  Table injects = table("injects", "表　付与情報",
                        {Column{"予定", 0.6, Column::Align::Center}, Column{"付与情報", 3.0},
                         Column{"出した時刻", 1.2, Column::Align::Center}});
  for (std::size_t i = 0; i < in.scenario.injects.size(); ++i) {
    const auto& inject = in.scenario.injects[i];
    std::string revealed = "出していない";
    for (const auto& e : v.timeline) {
      if (e.kind != core::EntryKind::Drill) continue;
      auto event = core::read_drill_event(e.payload);
      if (event && event->type == core::DrillEvent::Type::Inject &&
          event->inject_index == static_cast<int>(i)) {
        revealed = e.occurred_at.tokyo_text().substr(11) + "（" +
                   core::format_drill_time(in.progress.drill_seconds_at(e.occurred_at)) + "）";
      }
    }
    injects.rows.push_back(cells({std::to_string(inject.minute) + "分後", inject.text, revealed}));
  }
  d.blocks.push_back(std::move(injects));

  chapter.add("参加者");
  Table people = table("participants", "表　参加者", {Column{"氏名", 1.5}, Column{"役割", 2.5}});
  for (const auto& p : in.progress.participants) people.rows.push_back(cells({p.name, p.role}));
  if (people.rows.empty()) people.rows.push_back({blank(8), blank(12)});
  d.blocks.push_back(std::move(people));

  chapter.add("計測した時間");
  d.blocks.push_back(
      body("訓練の開始から、各手順の実施・各連絡先への最初の連絡・診療可否の判断までの時間です"
           "（一時停止の時間は数えません）。" +
           std::string(in.previous ? "右の列は前回の訓練の時間と、今回との差です。"
                                   : "前回の訓練の記録はありません。")));
  Table times = table("measures", "表　計測結果",
                      {Column{"項目", 2.6}, Column{"今回", 1.0, Column::Align::Center},
                       Column{"前回（差）", 1.4, Column::Align::Center}});
  auto add_measure = [&](const core::DrillMeasure& m) {
    const core::DrillMeasure* before =
        in.previous ? core::find_measure(*in.previous, m.key) : nullptr;
    times.rows.push_back(cells(
        {m.label, m.seconds ? core::format_drill_time(m.seconds) : "未実施", delta(m, before)}));
  };
  for (const auto& m : in.measures.contacts) add_measure(m);
  for (const auto& m : in.measures.steps) add_measure(m);
  add_measure(in.measures.care_decision);
  d.blocks.push_back(std::move(times));
  if (!in.measures.missed_steps.empty()) {
    d.blocks.push_back(body("実施されなかった手順: " + [&] {
      std::string out;
      for (const auto& s : in.measures.missed_steps) out += (out.empty() ? "" : "、") + s;
      return out;
    }()));
  }
  if (!in.measures.unreached.empty()) {
    Table unreached = table("unreached", "表　連絡がつかなかった先（連絡先の確認を）",
                            {Column{"連絡先", 2.0}, Column{"手段", 1.0}, Column{"回数", 0.6}});
    for (const auto& u : in.measures.unreached) {
      unreached.rows.push_back(
          cells({u.target.name, u.channel, std::to_string(u.attempts) + " 回"}));
    }
    d.blocks.push_back(std::move(unreached));
  }

  chapter.add("時系列");
  Table log =
      table("timeline", "表　訓練の時系列",
            {Column{"No.", 0.4, Column::Align::Center}, Column{"時刻", 0.9, Column::Align::Center},
             Column{"種類", 0.8}, Column{"記録者", 0.9}, Column{"内容", 4.0}});
  log.compact = true;
  for (const auto& e : v.timeline) {
    log.rows.push_back(cells({std::to_string(e.seq), e.occurred_at.tokyo_text().substr(5),
                              core::label(e.kind), e.author, e.text}));
  }
  d.blocks.push_back(std::move(log));

  chapter.add("所見と課題");
  if (v.state.closure) d.blocks.push_back(body("振り返り: " + v.state.closure->value.lessons));
  Table tasks = table("findings", "表　所見から決めた課題",
                      {Column{"課題", 3.0}, Column{"担当", 1.0}, Column{"期日", 1.0},
                       Column{"計画の章", 1.2}, Column{"状況", 0.7, Column::Align::Center}});
  for (const auto& t : v.follow_ups) {
    const auto section = core::section_from_code(t.plan_section);
    tasks.rows.push_back(cells({t.title, t.owner, t.due ? core::format_wareki(*t.due) : "",
                                section ? std::string(core::section_info(*section).title) : "",
                                t.done ? "済" : "未"}));
  }
  if (tasks.rows.empty()) tasks.rows.push_back({blank(16), blank(5), blank(5), blank(6), blank(2)});
  d.blocks.push_back(std::move(tasks));

  chapter.add("確認");
  d.blocks.push_back(body("上記のとおり訓練を実施し、結果を確認しました。"));
  Table sign = table("signature", "", {Column{"", 1.6}, Column{"", 2.4}});
  sign.rows.push_back(
      {plain("医療情報システム安全管理責任者"),
       v.plan.officer.name.empty() ? blank(10) : plain(v.plan.officer.name + "　　（署名）")});
  sign.rows.push_back({plain("確認日"), plain("令和　　年　　月　　日")});
  d.blocks.push_back(std::move(sign));
  return d;
}

std::string drill_report_pdf(const DrillReportInput& input, core::Instant now) {
  return render_pdf(drill_report_document(input, now));
}

std::string drill_report_docx(const DrillReportInput& input, core::Instant now) {
  return render_docx(drill_report_document(input, now));
}

Document tabletop_kit_document(const core::DrillScenario& s, const core::Plan& plan) {
  Document d;
  d.title = "机上訓練キット";
  d.subtitle = "【訓練】" + s.title;
  d.facility_name = plan.facility.name.empty() ? blank(12) : plain(plan.facility.name);
  d.edition = "シナリオ " + s.code;
  d.cover_facts = {{"実施日", plain("令和　　年　　月　　日")},
                   {"進行役", blank(10)},
                   {"記録係（観察者）", blank(10)},
                   {"付与情報", plain(std::to_string(s.injects.size()) + " 枚（1枚ずつ配る）")}};
  d.source_note =
      "進行役は「説明」を読み上げ、役割を決めてから始めます。付与情報のカードは予定の時刻に"
      "1枚ずつ配ります。記録係は観察シートに時刻と出来事を書き、訓練の後で medbcp に入力します"
      "（medbcp drill start --tabletop --at 開始時刻、medbcp incident log 番号 --lines "
      "ファイル）。";

  d.blocks.push_back(Heading{1, "", "説明（参加者に読み上げる）", "briefing"});
  d.blocks.push_back(
      body("想定事象: " + std::string(core::label(s.threat)), Paragraph::Style::Remark));
  scenario_blocks(d, s);
  d.blocks.push_back(body(
      "訓練中は、実際の患者さん・連絡先には連絡しません。連絡するつもりで、誰に・何を伝えるかを"
      "声に出し、その連絡先と電話番号が計画（別紙１）のとおりかを確かめます。",
      Paragraph::Style::Note));

  for (std::size_t i = 0; i < s.injects.size(); ++i) {
    d.blocks.push_back(PageBreak{});
    d.blocks.push_back(Heading{1, "",
                               "付与情報 " + core::full_width_number(static_cast<int>(i + 1)) +
                                   "（開始から" + std::to_string(s.injects[i].minute) + "分後）",
                               "inject-" + std::to_string(i + 1)});
    d.blocks.push_back(body("【訓練】", Paragraph::Style::Remark));
    d.blocks.push_back(body(s.injects[i].text, Paragraph::Style::Note));
    d.blocks.push_back(
        body("受け取った時刻　　　：　　　　この情報で決めたこと：", Paragraph::Style::Remark));
  }

  d.blocks.push_back(PageBreak{});
  d.blocks.push_back(Heading{1, "", "観察シート（記録係）", "observer"});
  d.blocks.push_back(body("時刻は開始からの分でなく、時計の時刻（例 09:12）で書きます。"));
  Table measures =
      table("observer_measures", "表　計る項目",
            {Column{"項目", 3.0}, Column{"時刻", 1.0, Column::Align::Center}, Column{"誰が", 1.2}});
  measures.rows.push_back({plain("訓練開始"), blank(4), blank(6)});
  measures.rows.push_back(
      {plain("責任者（" + (plan.officer.name.empty() ? std::string("院長") : plan.officer.name) +
             "）へ報告"),
       blank(4), blank(6)});
  for (const auto& c : plan.external_contacts) {
    if (!c.notify_on_incident) continue;
    measures.rows.push_back(
        {plain(c.organization + "へ連絡（" + c.phone + "）"), blank(4), blank(6)});
  }
  core::Incident as_drill;
  as_drill.personal_data_leak = s.personal_data_leak;
  for (const auto* step : core::response_steps_for(as_drill)) {
    measures.rows.push_back(
        {plain(std::string(step->number) + std::string(step->title)), blank(4), blank(6)});
  }
  measures.rows.push_back({plain("診療可否・診療形態の判断"), blank(4), blank(6)});
  measures.rows.push_back({plain("訓練終了"), blank(4), blank(6)});
  d.blocks.push_back(std::move(measures));
  Table notes = table("observer_log", "表　出来事と気づいたこと",
                      {Column{"時刻", 0.8, Column::Align::Center}, Column{"出来事・判断", 3.0},
                       Column{"気づいたこと（迷った・詰まった・番号違い）", 2.5}});
  for (int i = 0; i < 18; ++i) notes.rows.push_back({blank(4), blank(20), blank(16)});
  d.blocks.push_back(std::move(notes));
  return d;
}

std::string tabletop_kit_pdf(const core::DrillScenario& scenario, const core::Plan& plan) {
  return render_pdf(tabletop_kit_document(scenario, plan));
}

}  // namespace medbcp::doc
