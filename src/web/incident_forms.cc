#include "web/incident_forms.h"

#include <algorithm>

#include "core/incident_steps.h"
#include "core/text.h"
#include "core/typed_time.h"
#include "web/record_form.h"

namespace medbcp::web {
namespace {

std::vector<Option> threat_options() {
  std::vector<Option> out;
  for (auto k :
       {core::ThreatKind::Malware, core::ThreatKind::UnauthorizedAccess,
        core::ThreatKind::TargetedEmail, core::ThreatKind::Precursor, core::ThreatKind::Other}) {
    out.push_back({core::code(k), core::label(k)});
  }
  return out;
}

FieldSpec select(std::string key, std::string label, std::vector<Option> options,
                 bool required = false, std::string hint = "") {
  FieldSpec f{std::move(key), std::move(label), FieldKind::Select, required, std::move(hint)};
  f.options = std::move(options);
  return f;
}

}  // namespace

std::string system_key(core::SystemId id) { return "system-" + std::to_string(id.value); }
std::string device_key(core::DeviceId id) { return "device-" + std::to_string(id.value); }

std::vector<FieldSpec> start_fields(const core::Plan& plan) {
  std::vector<FieldSpec> f = {
      {"discoverer", "発見者", FieldKind::Text, true, "例：受付 中村"},
      {"discovered_at", "発見日時", FieldKind::Text, false, kTimeHint},
      {"how_found", "発見の経緯", FieldKind::TextArea, false,
       "何をしていて気づいたか。例：始業時に受付端末を起動したところ"},
      {"situation", "発生状況", FieldKind::TextArea, true,
       "画面の表示、動かないもの、広がり。例：画面に英語の脅迫文。ファイルが開けない"},
      {"actions_taken", "処置内容", FieldKind::TextArea, false,
       "すでに行ったこと。例：LANケーブルを抜いた（電源は切っていない）"},
      select("threat", "想定する事象", threat_options()),
      {"title", "件名", FieldKind::Text, false, "空欄なら発生状況の1行目"},
  };
  for (const auto& s : plan.systems) {
    f.push_back({system_key(s.id), s.name, FieldKind::Checkbox});
  }
  for (const auto& d : plan.devices) {
    f.push_back({device_key(d.id), d.asset_number + " " + d.name + "（" + d.location + "）",
                 FieldKind::Checkbox});
  }
  f.push_back({"personal_data_leak", "患者さんなどの個人情報が漏えいした可能性がある",
               FieldKind::Checkbox, false,
               "少しでも可能性があれば選びます（個人情報保護委員会への報告期限が表示されます）"});
  f.push_back({"aware_at", "当院が事態を知った日時", FieldKind::Text, false,
               "報告期限の起算点。空欄なら発見日時（職員が見つけた時が当院の知った時です）"});
  return f;
}

std::vector<FieldSpec> log_fields() {
  return {
      select("kind", "種類",
             {{"fact", "事実（見たこと・分かったこと）"},
              {"action", "対応（行ったこと）"},
              {"note", "メモ"}}),
      {"occurred_at", "起きた日時", FieldKind::Text, false, kTimeHint},
      {"text", "内容", FieldKind::TextArea, true},
  };
}

std::vector<FieldSpec> contact_fields(const core::Plan& plan, bool leak_suspected) {
  std::vector<Option> contacts{{"", "（選んでください）"}};
  if (!core::trim(plan.officer.name).empty()) {
    contacts.push_back({"officer", core::officer_contact_name(plan.officer)});
  }
  for (const auto& c : plan.external_contacts) {
    contacts.push_back({std::string("e").append(std::to_string(c.id.value)),
                        c.organization + "（" + core::label(c.category) + "）" +
                            (c.notify_on_incident                  ? " ★初報"
                             : core::must_reach(c, leak_suspected) ? " ★必須（漏えいのおそれ）"
                                                                   : "")});
  }
  for (const auto& c : plan.internal_contacts) {
    contacts.push_back(
        {std::string("i").append(std::to_string(c.id.value)), c.name + "（" + c.role + "・院内）"});
  }
  contacts.push_back({"other", "別紙１にない相手（下に名前）"});
  return {
      select("contact", "連絡先", contacts, true),
      {"name", "相手の名前（別紙１にない場合）", FieldKind::Text},
      {"reached", "連絡がついた", FieldKind::Checkbox},
      select("channel", "手段",
             {{"電話", "電話"}, {"メール", "メール"}, {"FAX", "FAX"}, {"訪問", "訪問"}}),
      {"said", "伝えた内容", FieldKind::TextArea},
      {"follow_up", "先方の対応・次の連絡", FieldKind::Text},
      {"called_by", "連絡した人", FieldKind::Text, false, "空欄なら記録者"},
      {"occurred_at", "連絡した日時", FieldKind::Text, false, kTimeHint},
  };
}

std::vector<FieldSpec> decision_fields(const app::IncidentView& view) {
  std::vector<Option> systems{{"", "（全体・システムを限らない）"}};
  for (const auto& s : view.incident.systems) {
    systems.push_back({std::to_string(s.id.value), s.name});
  }
  for (const auto& s : view.plan.systems) {
    bool listed = false;
    for (const auto& a : view.incident.systems) listed = listed || a.id == s.id;
    if (!listed) systems.push_back({std::to_string(s.id.value), s.name});
  }
  std::string modes;
  for (auto m : core::care_mode_suggestions())
    modes += (modes.empty() ? "例：" : "、") + std::string(m);
  std::vector<Option> kinds = {{"system_recovery", "システム復旧可否（システム事業者と）"},
                               {"data_recovery", "データ復旧可否（バックアップから）"},
                               {"care", "診療可否・診療形態"}};
  // Only where personal data may have leaked is there a 確報 to date.
  if (view.incident.personal_data_leak) {
    kinds.push_back({"report_grounds", "確報の期限の根拠（不正の目的によるおそれ）"});
  }
  return {
      select("kind", "判断", kinds, true),
      select("system", "対象システム", systems),
      select("possible", "復旧できるか", {{"", "判断保留"}, {"yes", "可能"}, {"no", "不可"}}),
      {"vendor", "協議したシステム事業者", FieldKind::Text},
      {"backup_generation", "復元に使うバックアップ（感染前と考える世代）", FieldKind::Text, false,
       "例：6月2日 夜間の外付けHDD"},
      select("care", "診療", {{"continued", "継続"}, {"reduced", "縮小"}, {"suspended", "休止"}}),
      {"care_mode", "診療形態", FieldKind::Text, false, modes},
      select("wrongful", "不正の目的によるおそれ（確報の期限の根拠）",
             {{"", "—"},
              {"yes", "あり（攻撃・持ち出しなど。確報は60日以内）"},
              {"no", "なし（誤送信・紛失など。確報は30日以内）"}}),
      {"reason", "理由", FieldKind::TextArea, true},
      {"occurred_at", "判断した日時", FieldKind::Text, false, kTimeHint},
  };
}

std::vector<FieldSpec> evidence_fields(const core::Plan& plan) {
  std::vector<Option> devices{{"", "（機器ではない・台帳にない）"}};
  for (const auto& d : plan.devices) {
    devices.push_back({std::to_string(d.id.value), d.asset_number + " " + d.name});
  }
  return {
      {"item", "保全したもの", FieldKind::Text, true,
       "例：脅迫文の画面の写真、サーバのログ、ディスクイメージ"},
      select("device", "元の機器", devices),
      {"location", "保管場所", FieldKind::Text, true, "例：事務室の金庫"},
      {"holder", "保管者", FieldKind::Text, true},
      {"occurred_at", "保全した日時", FieldKind::Text, false, kTimeHint},
  };
}

std::vector<FieldSpec> custody_fields(const app::IncidentView& view) {
  std::vector<Option> items;
  for (const auto& e : view.state.evidence) {
    if (e.item.withdrawn) continue;
    items.push_back(
        {e.item.value.evidence_id, e.item.value.item + "（現在 " + e.current_holder() + "）"});
  }
  return {
      select("evidence_id", "証拠", items, true),
      {"from", "渡した人", FieldKind::Text, false, "空欄なら現在の保管者"},
      {"to", "受け取った人", FieldKind::Text, true, "例：静岡県警 捜査員 ○○"},
      {"location", "新しい保管場所", FieldKind::Text},
      {"occurred_at", "受け渡しの日時", FieldKind::Text, false, kTimeHint},
  };
}

std::vector<FieldSpec> correction_fields(const app::IncidentView& view) {
  std::vector<Option> entries;
  for (auto it = view.timeline.rbegin(); it != view.timeline.rend(); ++it) {
    if (it->kind == core::EntryKind::Close || it->kind == core::EntryKind::Reopen) continue;
    std::string text = it->text;
    if (text.size() > 90) {
      std::size_t cut = 90;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "…";
    }
    entries.push_back({it->id, std::to_string(it->seq) + ". " + text});
  }
  return {
      select("entry", "訂正する記録", entries, true),
      {"text", "何が誤っていたか（正しい内容）", FieldKind::TextArea, true},
      {"withdraw", "この記録を取り消す（手順・連絡・判断の集計から外す）", FieldKind::Checkbox},
  };
}

std::vector<FieldSpec> revision_fields(const app::IncidentView& view) {
  std::vector<FieldSpec> f = {
      {"personal_data_leak", "患者さんなどの個人情報が漏えいした可能性がある", FieldKind::Checkbox,
       false, "「あり」にすると個人情報保護委員会への報告期限と連絡先が加わります"},
      {"aware_at", "当院が事態を知った日時", FieldKind::Text, true,
       "報告期限の起算点。例：2024-06-03 08:50"},
  };
  // Those affected stay choosable after the ledger dropped them.
  for (const auto& s : view.plan.systems)
    f.push_back({system_key(s.id), s.name, FieldKind::Checkbox});
  for (const auto& s : view.incident.systems) {
    if (view.plan.find_system(s.id) == nullptr) {
      f.push_back({system_key(s.id), s.name + "（計画から削除済み）", FieldKind::Checkbox});
    }
  }
  for (const auto& d : view.plan.devices) {
    f.push_back({device_key(d.id), d.asset_number + " " + d.name + "（" + d.location + "）",
                 FieldKind::Checkbox});
  }
  for (const auto& d : view.incident.devices) {
    const bool in_plan = std::any_of(view.plan.devices.begin(), view.plan.devices.end(),
                                     [&](const core::Device& p) { return p.id == d.id; });
    if (!in_plan) {
      f.push_back({device_key(d.id), d.asset_number + " " + d.name + "（台帳から削除済み）",
                   FieldKind::Checkbox});
    }
  }
  f.push_back({"reason", "訂正の理由（新たに分かったこと）", FieldKind::TextArea, true,
               "例：業者の調査で患者名簿の送信が確認された"});
  return f;
}

FormState revision_state(const app::IncidentView& view) {
  FormState state;
  if (view.incident.personal_data_leak) state.set("personal_data_leak", "1");
  state.set("aware_at", view.incident.aware_at.tokyo_text());
  for (const auto& s : view.incident.systems) state.set(system_key(s.id), "1");
  for (const auto& d : view.incident.devices) state.set(device_key(d.id), "1");
  return state;
}

std::string follow_up_key(int row, const char* part) {
  return "follow_up-" + std::to_string(row) + "-" + part;
}

std::vector<FieldSpec> close_fields() {
  std::vector<FieldSpec> f = {{"lessons", "教訓（次に活かすこと）", FieldKind::TextArea, true}};
  for (int row = 0; row < kFollowUpRows; ++row) {
    f.push_back({follow_up_key(row, "title"), "内容", FieldKind::Text, false,
                 row == 0 ? "例：VPN装置の更新" : ""});
    f.push_back({follow_up_key(row, "owner"), "担当", FieldKind::Text, false,
                 row == 0 ? "例：事務長 鈴木" : ""});
    f.push_back({follow_up_key(row, "due"), "期限", FieldKind::Date, false,
                 row == 0 ? "例：2024-07-01" : ""});
  }
  f.push_back({"close_anyway", "未了のまま終了する", FieldKind::Checkbox, false,
               "上の項目が済んでいないことを承知のうえで終了します"});
  return f;
}

std::vector<FieldSpec> reopen_fields() {
  return {{"reason", "再開する理由", FieldKind::Text, true}};
}

std::optional<core::Instant> read_time(FormState& state, const std::string& key,
                                       core::Instant now) {
  const core::TypedTime typed = core::read_typed_time(state.value(key), now);
  switch (typed.status) {
    case core::TypedTime::Status::Empty:
      return std::nullopt;
    case core::TypedTime::Status::Ok:
      return typed.at;
    case core::TypedTime::Status::LaterToday:
      // Never moved to yesterday without asking: the form says which day.
      state.error(key, core::later_today_message(state.value(key), now, *typed.yesterday));
      return std::nullopt;
    case core::TypedTime::Status::Unreadable:
      break;
  }
  state.error(key, "日時を読めません。例：2024-06-03 08:40、または 08:40");
  return std::nullopt;
}

std::vector<core::FollowUp> read_follow_ups(FormState& state) {
  std::vector<core::FollowUp> out;
  for (int row = 0; row < kFollowUpRows; ++row) {
    const std::string title_key = follow_up_key(row, "title");
    const std::string due_key = follow_up_key(row, "due");
    core::FollowUp f{core::trim(state.value(title_key)),
                     core::trim(state.value(follow_up_key(row, "owner"))), std::nullopt};
    const std::string due = core::trim(state.value(due_key));
    if (f.title.empty()) {
      if (!f.owner.empty() || !due.empty()) {
        state.error(title_key,
                    std::to_string(row + 1) + "件目の再発防止策の内容を入力してください。");
      }
      continue;
    }
    if (!due.empty()) {
      f.due = parse_typed_date(due);
      if (!f.due) {
        state.error(due_key, std::to_string(row + 1) + "件目の期限「" + due +
                                 "」を読めません（例：2024-07-01、令和6年7月1日）。");
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string incident_problem_key(const core::Problem& problem) {
  const std::string& f = problem.field;
  if (f.rfind("discovery.", 0) == 0) return f.substr(std::string("discovery.").size());
  if (f == "follow_ups") return "follow_up-0-title";
  if (f == "open_items") return "close_anyway";
  if (f == "lessons" || f == "reason" || f == "text" || f == "item" || f == "location" ||
      f == "holder" || f == "from" || f == "to" || f == "care_mode" || f == "called_by" ||
      f == "contact" || f == "occurred_at" || f == "aware_at" || f == "device" || f == "system" ||
      f == "evidence_id" || f == "separate_event") {
    return f;
  }
  if (f == "corrects") return "entry";
  return "";
}

}  // namespace medbcp::web
