#include "core/notice.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/data_lines.h"
#include "core/incident_state.h"
#include "core/incident_steps.h"
#include "core/payload_json.h"
#include "core/text.h"
#include "core/wareki.h"

namespace medbcp::core {
namespace {

using json = payload_json::json;

struct KindName {
  NoticeKind kind;
  const char* code;
  const char* label;
};

constexpr std::array<KindName, 9> kKinds = {{
    {NoticeKind::PpcPrompt, "ppc-prompt", "個人情報保護委員会への漏えい等報告（速報）"},
    {NoticeKind::PpcFinal, "ppc-final", "個人情報保護委員会への漏えい等報告（確報）"},
    {NoticeKind::Person, "person", "本人への通知"},
    {NoticeKind::Public, "public", "公表文"},
    {NoticeKind::Door, "door", "休診・縮小のお知らせ（院内掲示）"},
    {NoticeKind::Web, "web", "休診・縮小のお知らせ（ウェブサイト）"},
    {NoticeKind::Phone, "phone", "電話応対の手引き（受付用）"},
    {NoticeKind::Police, "police", "警察・厚生労働省・都道府県への報告（概要）"},
    {NoticeKind::Insurer, "insurer", "サイバー保険の請求資料（概要）"},
}};

std::string when(Instant t) {
  return format_wareki(t.tokyo_date(), DigitStyle::HalfWidth) + " " + t.tokyo_text().substr(11);
}

void put(NoticeFacts& f, const char* key, const std::string& value) { f.values[key] = trim(value); }

}  // namespace

const std::vector<NoticeKind>& all_notice_kinds() {
  static const std::vector<NoticeKind> all = [] {
    std::vector<NoticeKind> v;
    v.reserve(kKinds.size());
    for (const auto& k : kKinds) v.push_back(k.kind);
    return v;
  }();
  return all;
}

const char* code(NoticeKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.code;
  return "";
}

const char* label(NoticeKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.label;
  return "";
}

std::optional<NoticeKind> notice_kind_from_code(std::string_view text) {
  for (const auto& k : kKinds)
    if (text == k.code) return k.kind;
  return std::nullopt;
}

const std::vector<ReportItem>& report_items() {
  // Built on first use (a static of namespace scope could throw before main).
  static const std::vector<ReportItem> items = {
      {"leaked_items", "漏えい等が発生し又は発生したおそれがある個人データの項目",
       "氏名、生年月日、病名、保険証番号 など"},
      {"affected_people", "本人の数", "約1,200人（調査中なら「調査中（最大約1,200人）」）"},
      {"cause", "原因", "標的型メールの添付ファイルを開いたことによるマルウェア感染 など"},
      {"secondary_damage", "二次被害又はそのおそれの有無及びその内容",
       "現時点で確認されていない など"},
      {"person_response", "本人への対応の実施状況", "通知の予定、問い合わせ窓口の設置 など"},
      {"publication", "公表の実施状況", "ウェブサイトで公表（予定日）など"},
      {"prevention", "再発防止のための措置", "VPN装置の更新、パスワードの変更 など"},
      {"grounds", "報告の根拠（該当するもの）",
       "要配慮個人情報／不正の目的によるおそれ／1,000人超／財産的被害のおそれ"},
      {"other", "その他参考となる事項", "警察へ相談済み など"},
      {"resume_outlook", "診療再開の見込み", "12月10日（火）から通常診療の見込み など"},
      {"inquiry", "問い合わせ先", "当院 代表電話 054-000-0000（平日9時〜17時）"},
      {"costs", "これまでにかかった費用", "業者の調査費用、機器の購入、時間外勤務、減収の見込み"},
  };
  return items;
}

const ReportItem* find_report_item(std::string_view key) {
  for (const auto& item : report_items())
    if (item.key == key) return &item;
  return nullptr;
}

std::string report_item_payload(std::string_view key, std::string_view value) {
  return json{{"report_item", {{"key", key}, {"value", value}}}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

namespace {

using payload_json::object_in;
using payload_json::text;

}  // namespace

std::map<std::string, std::string, std::less<>> report_answers(
    const std::vector<TimelineEntry>& timeline) {
  const auto withdrawn = withdrawn_entry_ids(timeline);
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& e : timeline) {
    if (e.kind != EntryKind::Fact || withdrawn.count(e.id) != 0) continue;
    if (auto item = object_in(e.payload, "report_item")) {
      const std::string key = text(*item, "key");
      if (find_report_item(key) != nullptr) out[key] = text(*item, "value");
    }
  }
  return out;
}

namespace {

constexpr std::array<std::pair<CostCategory, std::pair<const char*, const char*>>, 5> kCosts = {{
    {CostCategory::Vendor, {"vendor", "業者の作業費"}},
    {CostCategory::Equipment, {"equipment", "機器・ソフトウェア"}},
    {CostCategory::Overtime, {"overtime", "時間外勤務"}},
    {CostCategory::LostRevenue, {"lost_revenue", "減収の見込み"}},
    {CostCategory::Other, {"other", "その他"}},
}};

}  // namespace

const char* code(CostCategory c) {
  for (const auto& [k, names] : kCosts)
    if (k == c) return names.first;
  return "other";
}

const char* label(CostCategory c) {
  for (const auto& [k, names] : kCosts)
    if (k == c) return names.second;
  return "その他";
}

std::optional<CostCategory> cost_category_from_code(std::string_view text) {
  for (const auto& [k, names] : kCosts)
    if (text == names.first) return k;
  return std::nullopt;
}

std::string cost_payload(const CostItem& item) {
  return json{
      {"cost", {{"category", code(item.category)}, {"amount", item.amount}, {"note", item.note}}}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<CostItem> cost_log(const std::vector<TimelineEntry>& timeline) {
  const auto withdrawn = withdrawn_entry_ids(timeline);
  std::vector<CostItem> out;
  for (const auto& e : timeline) {
    if (e.kind != EntryKind::Fact || withdrawn.count(e.id) != 0) continue;
    auto cost = object_in(e.payload, "cost");
    if (!cost) continue;
    CostItem item;
    item.category = cost_category_from_code(text(*cost, "category")).value_or(CostCategory::Other);
    item.amount = payload_json::integer(*cost, "amount");
    item.note = text(*cost, "note");
    item.at = e.occurred_at;
    out.push_back(std::move(item));
  }
  return out;
}

std::string format_yen(std::int64_t amount) {
  // Unsigned: the magnitude of the most negative amount still reads.
  const std::uint64_t magnitude =
      amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  std::string digits = std::to_string(magnitude);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (amount < 0 ? "-" : "") + out + "円";
}

std::string notice_issued_payload(NoticeKind kind, std::string_view action) {
  return json{{"notice", {{"kind", code(kind)}, {"action", action}}}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::map<NoticeKind, NoticeIssued> notices_issued(const std::vector<TimelineEntry>& timeline) {
  const auto withdrawn = withdrawn_entry_ids(timeline);
  std::map<NoticeKind, NoticeIssued> out;
  for (const auto& e : timeline) {
    if (e.kind != EntryKind::Note || withdrawn.count(e.id) != 0) continue;
    auto notice = object_in(e.payload, "notice");
    if (!notice) continue;
    auto kind = notice_kind_from_code(text(*notice, "kind"));
    if (kind && out.count(*kind) == 0) out[*kind] = {e.occurred_at, text(*notice, "action")};
  }
  return out;
}

std::vector<NoticeKind> notices_due(const IncidentView& v) {
  std::vector<NoticeKind> out;
  // push_back, not insert of a list: g++ 12 under -O2 warns falsely on the latter.
  if (v.incident.personal_data_leak) {
    for (auto k :
         {NoticeKind::PpcPrompt, NoticeKind::PpcFinal, NoticeKind::Person, NoticeKind::Public}) {
      out.push_back(k);
    }
  }
  const auto* care = v.state.latest_decision(DecisionKind::Care);
  if (care && care->value.care != CareStatus::Continued) {
    for (auto k : {NoticeKind::Door, NoticeKind::Web, NoticeKind::Phone}) out.push_back(k);
  }
  out.push_back(NoticeKind::Police);
  for (const auto& c : v.plan.external_contacts) {
    if (c.category == ExternalCategory::Insurer) {
      out.push_back(NoticeKind::Insurer);
      break;
    }
  }
  return out;
}

NoticeTemplateParse parse_notice_template(std::string_view text) {
  NoticeTemplateParse out;
  for_each_data_line(text, [&](int line, std::vector<std::string>& f) {
    auto problem = [&](std::string message) {
      out.problems.push_back(Problem{"notice", line, std::move(message)});
    };
    const std::string& kind = f[0];
    if (kind == "title" && f.size() == 2) {
      out.notice.title = f[1];
    } else if (kind == "heading" && f.size() == 2) {
      out.notice.lines.push_back({NoticeLine::Type::Heading, "", f[1]});
    } else if (kind == "para" && f.size() == 2) {
      out.notice.lines.push_back({NoticeLine::Type::Para, "", f[1]});
    } else if (kind == "field" && f.size() == 3) {
      out.notice.lines.push_back({NoticeLine::Type::Field, f[1], f[2]});
    } else if (kind == "list" && f.size() == 2) {
      out.notice.lines.push_back({NoticeLine::Type::List, "", f[1]});
    } else {
      problem(
          "行の形が違います（title | 表題、heading | 見出し、para | 本文、field | 欄 | 値、"
          "list | 一覧の名前）: 「" +
          kind + "」");
    }
  });
  if (out.notice.title.empty()) out.problems.push_back({"notice", 0, "title の行がありません。"});
  return out;
}

NoticeFacts notice_facts(const IncidentView& v, Instant now) {
  NoticeFacts f;
  const Incident& i = v.incident;
  const Plan& p = v.plan;
  put(f, "facility", p.facility.name);
  put(f, "facility_phone", p.facility.phone);
  put(f, "facility_address", p.facility.address);
  put(f, "officer", p.officer.name);
  put(f, "officer_title", p.officer.title);
  put(f, "incident_no", std::to_string(i.id.value));
  put(f, "title", i.title);
  put(f, "threat", label(i.threat));
  put(f, "discoverer", i.discovery.discoverer);
  put(f, "discovered_at", when(i.discovery.discovered_at));
  put(f, "aware_at", when(i.aware_at));
  put(f, "how_found", i.discovery.how_found);
  put(f, "situation", i.discovery.situation);
  put(f, "actions_taken", i.discovery.actions_taken);
  put(f, "leak", i.personal_data_leak ? "あり（おそれを含む）" : "なし");
  if (const auto* care = v.state.latest_decision(DecisionKind::Care)) {
    put(f, "care_status", label(care->value.care));
    put(f, "care",
        std::string(label(care->value.care)) +
            (care->value.care_mode.empty() ? "" : "（" + care->value.care_mode + "）"));
  }
  for (const auto& d : v.deadlines) {
    if (d.kind == DeadlineKind::PpcPreliminary) put(f, "ppc_prompt_due", when(d.due));
    if (d.kind == DeadlineKind::PpcFinal) put(f, "ppc_final_due", when(d.due));
  }
  put(f, "chain_head", v.chain.head_hash);
  put(f, "entries", std::to_string(v.timeline.size()));
  put(f, "today", format_wareki(now.tokyo_date()));
  for (const auto& [key, value] : report_answers(v.timeline)) f.values[key] = trim(value);
  if (f.values["inquiry"].empty() && !p.facility.phone.empty()) {
    put(f, "inquiry", p.facility.name + " " + p.facility.phone);
  }

  auto& timeline = f.lists["timeline"];
  auto& actions = f.lists["actions"];
  const auto withdrawn = withdrawn_entry_ids(v.timeline);
  for (const auto& e : v.timeline) {
    if (withdrawn.count(e.id) != 0 || e.kind == EntryKind::Correction) continue;
    const std::string at = e.occurred_at.tokyo_text().substr(5);
    timeline.push_back(at + "　" + e.text);
    if (e.kind == EntryKind::Action ||
        (e.kind == EntryKind::Step && e.text.find("実施済") != std::string::npos)) {
      actions.push_back(at + "　" + e.text);
    }
  }
  for (const auto& s : i.systems) f.lists["systems"].push_back(s.name);
  for (const auto& d : i.devices) {
    f.lists["systems"].push_back(d.name +
                                 (d.asset_number.empty() ? "" : "（" + d.asset_number + "）"));
  }
  for (const auto& d : v.state.decisions) {
    if (!d.withdrawn) {
      f.lists["decisions"].push_back(d.occurred_at.tokyo_text().substr(5) + "　" +
                                     describe(d.value));
    }
  }
  std::int64_t total = 0;
  for (const auto& c : cost_log(v.timeline)) {
    total += c.amount;
    f.lists["costs"].push_back(c.at.tokyo_text().substr(0, 10) + "　" + label(c.category) + "　" +
                               format_yen(c.amount) + (c.note.empty() ? "" : "　" + c.note));
  }
  if (total > 0 && f.values["costs"].empty()) {
    put(f, "costs", "合計 " + format_yen(total) + "（内訳は下の費用の記録）");
  }
  for (const auto& ev : v.state.evidence) {
    f.lists["evidence"].push_back(ev.item.value.item + "（保管 " + ev.current_location() + "・" +
                                  ev.current_holder() + "）");
  }
  return f;
}

namespace {

std::string where_to_fill(const std::string& key) {
  if (find_report_item(key) != nullptr) {
    return "インシデントの「届出・お知らせ」の報告事項（CLI: medbcp incident notice 番号 "
           "--answer " +
           key + "=…）";
  }
  if (key.starts_with("facility")) return "計画の医療機関情報（計画 → 医療機関）";
  if (key.starts_with("officer")) return "計画の医療情報システム安全管理責任者";
  if (key.starts_with("care")) return "インシデントの判断「診療可否・診療形態」";
  if (key.starts_with("ppc_")) return "個人データ漏えいのおそれ（開始時の報告の訂正）";
  if (key == "how_found" || key == "situation" || key == "discoverer") {
    return "開始時の報告（時系列の最初の記録を訂正して補う）";
  }
  return "インシデントの記録";
}

std::string label_of(const std::string& key) {
  if (const auto* item = find_report_item(key)) return std::string(item->label);
  static const std::map<std::string, std::string, std::less<>> labels = {
      {"facility", "医療機関名"},
      {"facility_phone", "医療機関の電話"},
      {"facility_address", "所在地"},
      {"officer", "医療情報システム安全管理責任者"},
      {"care", "診療形態"},
      {"care_status", "診療の状況"},
      {"ppc_prompt_due", "速報の期限"},
      {"ppc_final_due", "確報の期限"},
      {"how_found", "発見の経緯"},
      {"situation", "発生状況"}};
  auto it = labels.find(key);
  return it == labels.end() ? key : it->second;
}

}  // namespace

ComposedNotice compose_notice(const NoticeTemplate& notice, const NoticeFacts& facts) {
  ComposedNotice out;
  std::set<std::string> seen;
  auto fill = [&](const std::string& text) {
    std::string result;
    std::size_t at = 0;
    while (true) {
      const auto open = text.find("{{", at);
      if (open == std::string::npos) break;
      const auto close = text.find("}}", open);
      if (close == std::string::npos) break;
      result.append(text, at, open - at);
      const std::string key = trim(text.substr(open + 2, close - open - 2));
      auto it = facts.values.find(key);
      if (it != facts.values.end() && !it->second.empty()) {
        result += it->second;
      } else {
        const std::string name = label_of(key);
        result += "（未記入：" + name + "）";
        if (seen.insert(key).second) out.missing.push_back({key, name, where_to_fill(key)});
      }
      at = close + 2;
    }
    result.append(text, at, std::string::npos);
    return result;
  };
  out.title = fill(notice.title);
  for (const auto& line : notice.lines) {
    ComposedBlock b;
    b.type = line.type;
    b.label = line.label;
    if (line.type == NoticeLine::Type::List) {
      auto it = facts.lists.find(line.text);
      if (it != facts.lists.end()) b.items = it->second;
      if (b.items.empty()) b.items.push_back("（記録なし）");
    } else {
      b.text = fill(line.text);
    }
    out.blocks.push_back(std::move(b));
  }
  return out;
}

}  // namespace medbcp::core
