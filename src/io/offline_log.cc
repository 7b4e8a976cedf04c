#include "io/offline_log.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/drill_scenario.h"
#include "core/incident_payload.h"
#include "core/incident_steps.h"
#include "core/sha256.h"
#include "core/text.h"
#include "core/timeline.h"

namespace medbcp::io {
namespace {

using Json = nlohmann::json;
using core::Instant;
using core::Problems;

constexpr OfflineEntryKind kKinds[] = {OfflineEntryKind::Report, OfflineEntryKind::Fact,
                                       OfflineEntryKind::Action, OfflineEntryKind::Note,
                                       OfflineEntryKind::Step,   OfflineEntryKind::Contact};

// Only the exact form the kit writes: "2024-04-01T03:00:00Z". Anything else
// (milliseconds, an offset, a date alone) would hash differently from what
// medbcp re-encodes, so it is refused rather than guessed.
std::optional<Instant> strict_utc(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z') return std::nullopt;
  auto instant = Instant::parse(text);
  if (!instant || instant->iso_utc() != text) return std::nullopt;
  return instant;
}

// More systems and devices than a clinic has: a file not written by a kit.
constexpr std::size_t kMaxAffected = 500;

bool is_hex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Collects problems while reading one JSON object, all at once.
class Reader {
 public:
  Reader(Problems& problems, std::string path, int row)
      : problems_(problems), path_(std::move(path)), row_(row) {}

  std::string at(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  Reader child(std::string_view key) const { return Reader(problems_, at(key), row_); }
  void problem(std::string_view key, std::string message) {
    problems_.push_back(core::Problem{at(key), row_, std::move(message)});
  }

  // Refuses keys the format does not have: a file with extra fields is not
  // one the kit wrote.
  void only(const Json& object, std::initializer_list<std::string_view> keys) {
    for (const auto& [key, value] : object.items()) {
      bool known = false;
      for (auto k : keys) known = known || key == k;
      if (!known) problem(key, "この項目はオフライン記録の形式にありません。");
    }
  }

  std::optional<std::string> string(const Json& object, std::string_view key, bool required_text) {
    auto it = object.find(key);
    if (it == object.end()) {
      problem(key, "項目がありません。");
      return std::nullopt;
    }
    if (!it->is_string()) {
      problem(key, "文字列ではありません。");
      return std::nullopt;
    }
    std::string value = it->get<std::string>();
    if (required_text && core::trim(value).empty()) {
      problem(key, "空です。");
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> id(const Json& object, std::string_view key) {
    auto value = string(object, key, false);
    if (value && !core::is_entry_id(*value)) {
      problem(key, "ID が 16 進数 32 桁（小文字）ではありません。");
      return std::nullopt;
    }
    return value;
  }

  std::optional<Instant> time(const Json& object, std::string_view key) {
    auto value = string(object, key, false);
    if (!value) return std::nullopt;
    auto instant = strict_utc(*value);
    if (!instant) problem(key, "日時が「2024-04-01T03:00:00Z」の形（UTC）ではありません。");
    return instant;
  }

  std::optional<bool> boolean(const Json& object, std::string_view key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_boolean()) {
      problem(key, "true または false ではありません。");
      return std::nullopt;
    }
    return it->get<bool>();
  }

 private:
  Problems& problems_;
  std::string path_;
  int row_;
};

// {"opening": {…}}: the discovery report as core::IncidentOpening writes it;
// in the kit's drill mode also {"drill": {"scenario": code, "title": …}}.
void check_report_payload(const Json& payload, Reader& r) {
  auto it = payload.find("opening");
  const auto drill = payload.find("drill");
  const std::size_t keys = drill == payload.end() ? 1 : 2;
  if (payload.size() != keys || it == payload.end() || !it->is_object()) {
    r.problem("opening", "発見・報告の内容（opening）がありません。");
    return;
  }
  if (drill != payload.end()) {
    if (!drill->is_object()) {
      r.problem("drill", "訓練の情報（drill）がオブジェクトではありません。");
    } else {
      Reader d = r.child("drill");
      d.only(*drill, {"scenario", "title"});
      if (auto code = d.string(*drill, "scenario", true); code && !core::is_scenario_code(*code)) {
        d.problem("scenario", "訓練シナリオのコードではありません。");
      }
      d.string(*drill, "title", false);
    }
  }
  const Json& o = *it;
  Reader in = r.child("opening");
  in.only(o, {"title", "threat", "discoverer", "discovered_at", "how_found", "situation",
              "actions_taken", "systems", "devices", "personal_data_leak", "aware_at"});
  in.string(o, "title", false);
  if (auto threat = in.string(o, "threat", false);
      threat && !core::threat_kind_from_code(*threat)) {
    in.problem("threat", "想定事象の種類が分かりません。");
  }
  in.string(o, "discoverer", true);
  in.time(o, "discovered_at");
  in.string(o, "how_found", false);
  in.string(o, "situation", false);
  in.string(o, "actions_taken", false);
  in.boolean(o, "personal_data_leak");
  in.time(o, "aware_at");
  // What the reporter ticked: the kit's ids with the names it showed.
  for (const char* list : {"systems", "devices"}) {
    auto l = o.find(list);
    if (l == o.end()) continue;
    if (!l->is_array() || l->size() > kMaxAffected) {
      in.problem(list, "対象のシステム・機器の一覧（配列、" + std::to_string(kMaxAffected) +
                           " 件まで）ではありません。");
      continue;
    }
    Reader items = in.child(list);
    for (std::size_t i = 0; i < l->size(); ++i) {
      const Json& item = (*l)[i];
      Reader one = items.child(std::to_string(i));
      const bool device = std::string_view(list) == "devices";
      if (!item.is_object()) {
        items.problem(std::to_string(i), "オブジェクトではありません。");
        continue;
      }
      if (device) {
        one.only(item, {"id", "name", "asset_number"});
        one.string(item, "asset_number", false);
      } else {
        one.only(item, {"id", "name"});
      }
      one.string(item, "name", true);
      auto id = item.find("id");
      if (id == item.end() || !id->is_number_integer() || id->get<std::int64_t>() <= 0) {
        one.problem("id", "正の整数ではありません。");
      }
    }
  }
}

}  // namespace

std::optional<OfflineDrillInject> offline_drill_inject(const OfflineEntry& note) {
  if (note.kind != OfflineEntryKind::Note) return std::nullopt;
  const Json payload = Json::parse(note.payload, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) return std::nullopt;
  const auto inject = payload.find("drill_inject");
  if (inject == payload.end() || !inject->is_object()) return std::nullopt;
  OfflineDrillInject out;
  if (auto i = inject->find("index"); i != inject->end() && i->is_number_integer()) out.index = *i;
  if (auto m = inject->find("minute"); m != inject->end() && m->is_number_integer())
    out.minute = *m;
  if (auto t = inject->find("text"); t != inject->end() && t->is_string()) out.text = *t;
  return out;
}

std::optional<OfflineDrill> offline_drill(const OfflineEntry& report) {
  if (report.kind != OfflineEntryKind::Report) return std::nullopt;
  const Json payload = Json::parse(report.payload, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) return std::nullopt;
  const auto drill = payload.find("drill");
  if (drill == payload.end() || !drill->is_object()) return std::nullopt;
  OfflineDrill out;
  if (auto s = drill->find("scenario"); s != drill->end() && s->is_string()) out.scenario = *s;
  if (auto t = drill->find("title"); t != drill->end() && t->is_string()) out.title = *t;
  return out;
}

namespace {

void check_drill_inject(const Json& inject, Reader& r) {
  Reader in = r.child("drill_inject");
  if (!inject.is_object()) {
    r.problem("drill_inject", "付与情報（drill_inject）がオブジェクトではありません。");
    return;
  }
  in.only(inject, {"index", "minute", "text"});
  auto index = inject.find("index");
  if (index == inject.end() || !index->is_number_integer() || index->get<std::int64_t>() < 0 ||
      index->get<std::int64_t>() > 1000) {
    in.problem("index", "付与情報の番号（0 以上の整数）ではありません。");
  }
  auto minute = inject.find("minute");
  if (minute == inject.end() || !minute->is_number_integer() || minute->get<std::int64_t>() < 0 ||
      minute->get<std::int64_t>() > std::int64_t{24} * 60) {
    in.problem("minute", "付与情報の時刻（0〜1440 分）ではありません。");
  }
  in.string(inject, "text", true);
}

void check_step_payload(const Json& payload, Reader& r) {
  r.only(payload, {"step", "state", "reason", "note"});
  auto step = r.string(payload, "step", true);
  if (step && core::find_response_step(*step) == nullptr) {
    r.problem("step", "第３章の手順にない手順です。");
  }
  auto state = r.string(payload, "state", true);
  if (state && !core::step_state_from_code(*state))
    r.problem("state", "手順の状態が分かりません。");
  if (payload.contains("reason")) r.string(payload, "reason", false);
  if (payload.contains("note")) r.string(payload, "note", false);
  if (step && state && core::find_response_step(*step) != nullptr &&
      core::step_state_from_code(*state)) {
    core::StepMark mark;
    mark.step = *step;
    mark.state = *core::step_state_from_code(*state);
    if (auto it = payload.find("reason"); it != payload.end() && it->is_string()) {
      mark.reason = it->get<std::string>();
    }
    for (const auto& p : core::validate(mark)) r.problem(p.field, p.message);
  }
}

void check_contact_payload(const std::string& text, const Json& payload, Reader& r) {
  r.only(payload, {"contact", "called_by", "channel", "reached", "said", "follow_up"});
  auto target = payload.find("contact");
  if (target == payload.end() || !target->is_object()) {
    r.problem("contact", "連絡先（contact）がありません。");
    return;
  }
  Reader t = r.child("contact");
  t.only(*target, {"type", "id", "name", "category"});
  auto type = t.string(*target, "type", true);
  if (type && *type != "external" && *type != "internal" && *type != "other" &&
      *type != "officer") {
    t.problem("type", "連絡先の種類が分かりません。");
  }
  if (type && *type != "other" && *type != "officer") {  // the officer is one, unnumbered
    auto id = target->find("id");
    if (id == target->end() || !id->is_number_integer() || id->get<std::int64_t>() <= 0) {
      t.problem("id", "連絡先の番号がありません。");
    }
  }
  if (auto c = target->find("category"); c != target->end()) {
    if (!c->is_string() || !core::external_category_from_code(c->get<std::string>())) {
      t.problem("category", "連絡先の分類が分かりません。");
    }
  }
  t.string(*target, "name", true);
  for (const char* key : {"called_by", "channel", "said", "follow_up"})
    r.string(payload, key, false);
  r.boolean(payload, "reached");
  if (auto call = core::read_contact_call(text)) {
    for (const auto& p : core::validate(*call)) r.problem(p.field, p.message);
  }
}

void check_payload(OfflineEntryKind kind, const std::string& text, Reader& r) {
  Json payload = Json::parse(text, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) {
    r.problem("payload", "内容（payload）が JSON オブジェクトではありません。");
    return;
  }
  switch (kind) {
    case OfflineEntryKind::Report:
      check_report_payload(payload, r);
      break;
    case OfflineEntryKind::Step:
      check_step_payload(payload, r);
      break;
    case OfflineEntryKind::Contact:
      check_contact_payload(text, payload, r);
      break;
    case OfflineEntryKind::Note:
      // An inject revealed in the kit's drill mode: {"drill_inject": {…}}.
      if (payload.size() == 1 && payload.contains("drill_inject")) {
        check_drill_inject(payload["drill_inject"], r);
        break;
      }
      [[fallthrough]];
    case OfflineEntryKind::Fact:
    case OfflineEntryKind::Action:
      if (!payload.empty())
        r.problem("payload", "この種類の記録に内容（payload）は付けられません。");
      break;
  }
}

std::optional<OfflineEntry> read_entry(const Json& j, int row, Problems& problems) {
  const std::string path = "entries[" + std::to_string(row - 1) + "]";
  Reader r(problems, path, row);
  if (!j.is_object()) {
    problems.push_back({path, row, "記録がオブジェクトではありません。"});
    return std::nullopt;
  }
  const std::size_t before = problems.size();
  r.only(j, {"id", "kind", "occurred_at", "recorded_at", "author", "text", "payload"});
  OfflineEntry e;
  if (auto v = r.id(j, "id")) e.id = *v;
  if (auto v = r.string(j, "kind", true)) {
    if (auto kind = offline_entry_kind_from_code(*v)) {
      e.kind = *kind;
    } else {
      r.problem("kind", "記録の種類「" + *v + "」が分かりません。");
    }
  }
  if (auto v = r.time(j, "occurred_at")) e.occurred_at = *v;
  if (auto v = r.time(j, "recorded_at")) e.recorded_at = *v;
  if (auto v = r.string(j, "author", true)) e.author = *v;
  if (auto v = r.string(j, "text", true)) e.text = *v;
  if (auto v = r.string(j, "payload", false)) e.payload = *v;
  if (problems.size() != before) return std::nullopt;
  Reader payload_reader(problems, path + ".payload", row);
  check_payload(e.kind, e.payload, payload_reader);
  if (problems.size() != before) return std::nullopt;
  return e;
}

void encode(std::string& out, std::string_view field) {
  const auto n = static_cast<std::uint64_t>(field.size());
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(field);
}

}  // namespace

const char* code(OfflineEntryKind kind) {
  switch (kind) {
    case OfflineEntryKind::Report:
      return "report";
    case OfflineEntryKind::Fact:
      return "fact";
    case OfflineEntryKind::Action:
      return "action";
    case OfflineEntryKind::Note:
      return "note";
    case OfflineEntryKind::Step:
      return "step";
    case OfflineEntryKind::Contact:
      return "contact";
  }
  return "note";
}

std::optional<OfflineEntryKind> offline_entry_kind_from_code(std::string_view text) {
  for (auto kind : kKinds) {
    if (text == code(kind)) return kind;
  }
  return std::nullopt;
}

namespace {

std::string canonical_bytes(const OfflineLog& log) {
  std::string bytes;
  encode(bytes, kOfflineLogHashTag);
  encode(bytes, log.kit.id);
  encode(bytes, log.kit.facility);
  encode(bytes, std::to_string(log.kit.edition));
  encode(bytes, log.kit.made_at.iso_utc());
  encode(bytes, log.log_id);
  encode(bytes, std::to_string(log.entries.size()));
  for (const auto& e : log.entries) {
    encode(bytes, e.id);
    encode(bytes, code(e.kind));
    encode(bytes, e.occurred_at.iso_utc());
    encode(bytes, e.recorded_at.iso_utc());
    encode(bytes, e.author);
    encode(bytes, e.text);
    encode(bytes, e.payload);
  }
  return bytes;
}

std::string bytes_of_hex(std::string_view hex) {
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

}  // namespace

std::string offline_log_digest(const OfflineLog& log) {
  return core::sha256_hex(canonical_bytes(log));
}

std::string offline_log_seal(const OfflineLog& log, std::string_view key_hex) {
  return core::hmac_sha256_hex(bytes_of_hex(key_hex), canonical_bytes(log));
}

OfflineLogParse parse_offline_log(std::string_view text) {
  OfflineLogParse result;
  Problems& problems = result.problems;
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    problems.push_back(
        {"", 0,
         "JSON として読めません（" + std::to_string(e.byte) +
             " バイト目付近）。オフラインキットから書き出したファイルか確認してください。"});
    return result;
  } catch (const Json::exception&) {
    // A number too large for any type (1e999…) is out_of_range, not a
    // parse_error; found by fuzz/offline_log_fuzz.
    problems.push_back({"", 0,
                        "JSON として読めません（扱えない大きさの数値があります）。"
                        "オフラインキットから書き出したファイルか確認してください。"});
    return result;
  }
  if (!root.is_object()) {
    problems.push_back(
        {"", 0, "オフライン記録のファイルではありません（JSON オブジェクトではない）。"});
    return result;
  }
  Reader r(problems, "", 0);
  auto format = root.find("format");
  if (format == root.end() || !format->is_string() || *format != kOfflineLogFormat) {
    problems.push_back(
        {"format", 0,
         "オフライン記録のファイルではありません（format が medbcp-offline-log ではない）。"});
    return result;
  }
  auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer()) {
    problems.push_back({"version", 0, "形式の版（version）がありません。"});
    return result;
  }
  if (version->get<std::int64_t>() != kOfflineLogVersion) {
    problems.push_back({"version", 0,
                        "この medbcp が読めない版（" + version->dump() +
                            "）のオフライン記録です。medbcp を更新してください。"});
    return result;
  }
  r.only(root, {"format", "version", "kit", "log_id", "exported_at", "entries", "sha256", "seal"});

  OfflineLog log;
  auto kit = root.find("kit");
  if (kit == root.end() || !kit->is_object()) {
    problems.push_back({"kit", 0, "キットの情報（kit）がありません。"});
  } else {
    Reader k(problems, "kit", 0);
    k.only(*kit, {"id", "facility", "edition", "made_at"});
    if (auto v = k.id(*kit, "id")) log.kit.id = *v;
    if (auto v = k.string(*kit, "facility", false)) log.kit.facility = *v;
    auto edition = kit->find("edition");
    if (edition == kit->end() || !edition->is_number_integer() ||
        edition->get<std::int64_t>() < 0 || edition->get<std::int64_t>() > 100000) {
      k.problem("edition", "版数が整数ではありません。");
    } else {
      log.kit.edition = static_cast<int>(edition->get<std::int64_t>());
    }
    if (auto v = k.time(*kit, "made_at")) log.kit.made_at = *v;
  }
  if (auto v = r.id(root, "log_id")) log.log_id = *v;
  if (root.contains("exported_at")) log.exported_at = r.time(root, "exported_at");
  auto sha = r.string(root, "sha256", false);
  if (sha && !is_hex64(*sha)) {
    r.problem("sha256", "整合性ハッシュが 16 進数 64 桁（小文字）ではありません。");
  } else if (sha) {
    log.sha256 = *sha;
  }
  if (root.contains("seal")) {
    auto seal = r.string(root, "seal", false);
    if (seal && !is_hex64(*seal)) {
      r.problem("seal", "封印（seal）が 16 進数 64 桁（小文字）ではありません。");
    } else if (seal) {
      log.seal = *seal;
    }
  }

  auto entries = root.find("entries");
  if (entries == root.end() || !entries->is_array()) {
    problems.push_back({"entries", 0, "記録の一覧（entries）がありません。"});
    return result;
  }
  std::set<std::string> ids;
  int reports = 0;
  int row = 0;
  for (const auto& j : *entries) {
    ++row;
    auto e = read_entry(j, row, problems);
    if (!e) continue;
    if (!ids.insert(e->id).second) {
      problems.push_back(
          {"entries[" + std::to_string(row - 1) + "].id", row, "同じ ID の記録が二つあります。"});
    }
    if (e->kind == OfflineEntryKind::Report && ++reports > 1) {
      problems.push_back({"entries[" + std::to_string(row - 1) + "].kind", row,
                          "発見・報告は一つのファイルに一つだけです。"});
    }
    log.entries.push_back(std::move(*e));
  }
  // The hash is compared only for a file that is otherwise well formed: a
  // broken structure is the clearer message.
  if (problems.empty() && offline_log_digest(log) != log.sha256) {
    problems.push_back({"sha256", 0,
                        "ファイルの内容が書き出したときと一致しません（整合性ハッシュの不一致）。"
                        "書き出した後に編集されたか、壊れています。取り込みません。"});
  }
  if (problems.empty()) result.log = std::move(log);
  return result;
}

std::string offline_log_to_json(const OfflineLog& log) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& e : log.entries) {
    entries.push_back({{"id", e.id},
                       {"kind", code(e.kind)},
                       {"occurred_at", e.occurred_at.iso_utc()},
                       {"recorded_at", e.recorded_at.iso_utc()},
                       {"author", e.author},
                       {"text", e.text},
                       {"payload", e.payload}});
  }
  nlohmann::ordered_json root = {
      {"format", kOfflineLogFormat},
      {"version", kOfflineLogVersion},
      {"kit",
       {{"id", log.kit.id},
        {"facility", log.kit.facility},
        {"edition", log.kit.edition},
        {"made_at", log.kit.made_at.iso_utc()}}},
      {"log_id", log.log_id},
  };
  if (log.exported_at) root["exported_at"] = log.exported_at->iso_utc();
  root["entries"] = entries;
  root["sha256"] = offline_log_digest(log);
  if (!log.seal.empty()) root["seal"] = log.seal;
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace medbcp::io
