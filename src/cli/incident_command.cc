#include "cli/incident_command.h"

#include <unistd.h>

#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/incident_evidence.h"
#include "app/incident_export.h"
#include "app/incident_report.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "cli/output.h"
#include "core/incident_guidance.h"
#include "core/incident_payload.h"
#include "core/incident_steps.h"
#include "core/text.h"

namespace medbcp::cli {
namespace {

using core::Instant;

// --- opening, prompting, parsing ---------------------------------------------

struct Session {
  std::unique_ptr<app::Workspace> ws;
  app::Actor actor;
  Instant now;
};

Session open_session(const GlobalOptions& options) {
  return Session{app::Workspace::open(app::resolve_db_path(options.db_flag)), app::cli_actor(),
                 Instant::now()};
}

bool interactive() { return ::isatty(STDIN_FILENO) != 0; }

// Asks on the terminal; an empty answer keeps `fallback`.
std::string ask(const std::string& question, const std::string& fallback = "") {
  std::cout << question;
  if (!fallback.empty()) std::cout << "［" << fallback << "］";
  std::cout << ": " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return fallback;
  line = core::trim(line);
  return line.empty() ? fallback : line;
}

bool ask_yes_no(const std::string& question, bool fallback) {
  while (true) {
    std::string a = core::match_key(ask(question + (fallback ? "（Y/n）" : "（y/N）")));
    if (a.empty()) return fallback;
    if (a == "y" || a == "yes" || a == "はい" || a == "1") return true;
    if (a == "n" || a == "no" || a == "いいえ" || a == "0") return false;
  }
}

// Fills `value` by asking when it is empty and the terminal allows.
void ask_if_empty(std::string& value, const std::string& question) {
  if (value.empty() && interactive()) value = ask(question);
}

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << message << "\n";
  throw ExitCode{2};
}

// "2024-06-03 08:40", "2024-06-03T08:40:00+09:00", "08:40" (the latest
// 08:40 in Tokyo) or "now"/"今".
std::optional<Instant> parse_time(const std::string& text, Instant now) {
  const std::string t = core::trim(core::nfkc(text));
  if (t.empty()) return std::nullopt;
  if (t == "now" || t == "今" || t == "いま") return now;
  if (auto full = Instant::parse(t)) return full;
  if (auto today = Instant::parse(now.tokyo_date().iso() + " " + t)) {
    // A bare time is the latest such moment: "23:50" typed at 00:20 is yesterday.
    if (today->seconds > now.seconds + 5 * 60) return Instant{today->seconds - 24 * 3600};
    return today;
  }
  usage_error("日時「" + text + "」を読めません。例: 2024-06-03 08:40 または 08:40");
}

std::optional<Instant> optional_time(const std::string& text, Instant now) {
  return text.empty() ? std::nullopt : parse_time(text, now);
}

core::IncidentId parse_incident_id(const std::string& text) {
  std::string t = core::trim(core::nfkc(text));
  if (!t.empty() && (t[0] == '#')) t.erase(0, 1);
  if (t.rfind("No.", 0) == 0) t.erase(0, 3);
  try {
    std::size_t used = 0;
    const long long v = std::stoll(t, &used);
    if (used == t.size() && v > 0) return core::IncidentId(v);
  } catch (const std::exception&) {
  }
  usage_error("インシデント番号「" + text + "」を読めません（例: 3）。");
}

std::optional<std::int64_t> parse_number(const std::string& text) {
  const std::string t = core::trim(core::nfkc(text));
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(t);
}

std::optional<core::ThreatKind> parse_threat(const std::string& text) {
  if (auto n = parse_number(text); n && *n >= 1 && *n <= 5) {
    static constexpr core::ThreatKind kinds[] = {
        core::ThreatKind::TargetedEmail, core::ThreatKind::UnauthorizedAccess,
        core::ThreatKind::Malware, core::ThreatKind::Precursor, core::ThreatKind::Other};
    return kinds[*n - 1];
  }
  if (auto k = core::threat_kind_from_code(text)) return k;
  const std::string key = core::match_key(text);
  for (auto k : {core::ThreatKind::TargetedEmail, core::ThreatKind::UnauthorizedAccess,
                 core::ThreatKind::Malware, core::ThreatKind::Precursor, core::ThreatKind::Other}) {
    if (core::match_key(core::label(k)).find(key) != std::string::npos) return k;
  }
  if (key.find("ランサム") != std::string::npos || key == "ransomware")
    return core::ThreatKind::Malware;
  return std::nullopt;
}

// A system by its id or name (as typed: "電子カルテ" finds 電子カルテシステム).
std::optional<core::SystemId> find_system(const core::Plan& plan, const std::string& text) {
  if (auto n = parse_number(text)) {
    if (plan.find_system(core::SystemId(*n))) return core::SystemId(*n);
  }
  const std::string key = core::match_key(text);
  for (const auto& s : plan.systems) {
    if (core::match_key(s.name) == key) return s.id;
  }
  for (const auto& s : plan.systems) {
    if (!key.empty() && core::match_key(s.name).find(key) != std::string::npos) return s.id;
  }
  return std::nullopt;
}

// A device by its 管理番号, id or name.
std::optional<core::DeviceId> find_device(const core::Plan& plan, const std::string& text) {
  const std::string key = core::match_key(text);
  for (const auto& d : plan.devices) {
    if (!d.asset_number.empty() && core::match_key(d.asset_number) == key) return d.id;
  }
  if (auto n = parse_number(text)) {
    for (const auto& d : plan.devices) {
      if (d.id.value == *n) return d.id;
    }
  }
  for (const auto& d : plan.devices) {
    if (core::match_key(d.name) == key) return d.id;
  }
  return std::nullopt;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  std::string normal = core::nfkc(text);
  for (char c : normal + ",") {
    if (c == ',' || c == ' ') {
      if (!core::trim(item).empty()) out.push_back(core::trim(item));
      item.clear();
    } else {
      item.push_back(c);
    }
  }
  return out;
}

std::string when(Instant t) { return t.tokyo_text(); }

// Prints the problems and ends with exit code 1: nothing was recorded.
void fail_with(const core::Problems& problems) {
  std::cerr << "記録しませんでした。\n";
  print_problems(std::cerr, problems);
  throw ExitCode{1};
}

void report_appended(const app::AppendResult& r) {
  if (!r.problems.empty()) fail_with(r.problems);
  std::cout << "記録しました（seq " << r.entry->seq << "、" << core::label(r.entry->kind)
            << "）: " << r.entry->text << "\n";
}

// Runs a subcommand body, turning the incident's own failures into messages.
void guarded(const std::function<void()>& body) {
  try {
    body();
  } catch (const app::NoSuchIncident& e) {
    std::cerr << e.what() << " `medbcp incident list` で番号を確認してください。\n";
    throw ExitCode{2};
  } catch (const app::EvidenceFileError& e) {
    std::cerr << e.what() << "\n";
    throw ExitCode{3};
  }
}

// --- start -----------------------------------------------------------------------

void print_first_response(const core::Plan& plan, const core::Incident& incident) {
  std::cout << "\n■ すぐに報告: 医療情報システム安全管理責任者 " << plan.officer.name;
  if (!plan.officer.title.empty()) std::cout << "（" << plan.officer.title << "）";
  std::cout << "\n    日中 " << plan.officer.phone_day << " ／ 夜間・休日 "
            << plan.officer.phone_night << "\n";
  const auto first = core::first_report_contacts(plan);
  if (!first.empty()) {
    std::cout << "■ 初報で連絡する先（別紙１）:\n";
    for (const auto* c : first) {
      std::cout << "    [" << c->id.value << "] " << c->organization << "（"
                << core::label(c->category) << "） " << c->phone;
      if (!c->phone_after_hours.empty()) std::cout << " ／ 時間外 " << c->phone_after_hours;
      std::cout << "\n";
      if (!c->what_to_tell.empty()) std::cout << "        伝える内容: " << c->what_to_tell << "\n";
    }
  }
  if (!incident.devices.empty()) {
    std::cout << "■ 影響を受けた機器:\n";
    for (const auto& d : incident.devices) {
      std::cout << "    " << d.name << (d.asset_number.empty() ? "" : "（" + d.asset_number + "）")
                << "\n";
    }
    std::cout << "    ※ " << core::kDoNotInitialiseReminder << "\n";
  }
  for (const auto& g : core::system_guidance(incident, plan)) {
    std::cout << "■ " << g.system.name << " が使えない間の代替手段:\n";
    if (g.fallbacks.empty()) std::cout << "    （計画に記載がありません）\n";
    for (const auto* f : g.fallbacks) {
      std::cout << "    " << f->business << " → " << f->fallback << "\n";
    }
  }
}

void add_start(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string title, threat, discoverer, discovered_at, how_found, situation, actions, aware_at;
    std::vector<std::string> systems, devices;
    bool leak = false, no_leak = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("start", "インシデントを開始する（発見・報告の内容を記録）");
  cmd->add_option("--title", f->title, "件名（省略時は発生状況の1行目）");
  cmd->add_option("--threat", f->threat,
                  "想定事象: targeted_email / unauthorized_access / malware / precursor / other "
                  "（日本語でも可）");
  cmd->add_option("--discoverer", f->discoverer, "発見者");
  cmd->add_option("--discovered-at", f->discovered_at,
                  "発見日時（例: 2024-06-03 08:40、省略時は今）");
  cmd->add_option("--how-found", f->how_found, "発見の経緯");
  cmd->add_option("--situation", f->situation, "発生状況");
  cmd->add_option("--actions", f->actions, "処置内容（発見者がすでに行ったこと）");
  cmd->add_option("--system", f->systems, "影響を受けたシステム（ID または名前、複数可）");
  cmd->add_option("--device", f->devices, "影響を受けた機器（管理番号、複数可）");
  cmd->add_flag("--leak", f->leak, "個人データ漏えいのおそれがある");
  cmd->add_flag("--no-leak", f->no_leak, "個人データ漏えいのおそれはない");
  cmd->add_option("--aware-at", f->aware_at,
                  "当院が事態を知った日時（報告期限の起算点、省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const core::Plan plan = app::has_plan(*s.ws) ? app::load_plan(*s.ws) : core::Plan{};
      const bool tty = interactive();
      if (tty)
        std::cout << "インシデントを記録します。分からない項目は空欄のまま Enter で進めます。\n";
      ask_if_empty(f->discoverer, "発見者の名前");
      if (f->discovered_at.empty() && tty) f->discovered_at = ask("発見日時（例 08:40）", "今");
      ask_if_empty(f->how_found, "発見の経緯（何をしていて気づいたか）");
      ask_if_empty(f->situation, "発生状況（画面の表示、動かないもの など）");
      ask_if_empty(f->actions, "すでに行った処置（LANケーブルを抜いた など）");
      if (f->threat.empty() && tty) {
        std::cout << "想定事象:\n  1 標的型メール攻撃\n  2 不正アクセス等\n  3 "
                     "マルウェア感染（ランサムウェアを含む）\n"
                     "  4 上記の予兆と思われる事象\n  5 その他・不明\n";
        f->threat = ask("番号", "5");
      }
      if (f->systems.empty() && tty && !plan.systems.empty()) {
        std::cout << "影響を受けたシステム:\n";
        for (const auto& sys : plan.systems)
          std::cout << "  " << sys.id.value << " " << sys.name << "\n";
        f->systems = split_list(ask("番号（複数はカンマ区切り、なければ空欄）"));
      }
      if (f->devices.empty() && tty && !plan.devices.empty()) {
        f->devices = split_list(ask("影響を受けた機器の管理番号（例 PC-001、複数はカンマ区切り）"));
      }
      if (!f->leak && !f->no_leak && tty) {
        f->leak = ask_yes_no("患者さんの個人情報が漏えいした可能性はありますか", false);
      }

      app::StartIncidentRequest r;
      r.title = f->title;
      if (!f->threat.empty()) {
        auto threat = parse_threat(f->threat);
        if (!threat) usage_error("想定事象「" + f->threat + "」が分かりません。");
        r.threat = *threat;
      }
      r.discovery.discoverer = f->discoverer;
      r.discovery.discovered_at = optional_time(f->discovered_at, s.now).value_or(s.now);
      r.discovery.how_found = f->how_found;
      r.discovery.situation = f->situation;
      r.discovery.actions_taken = f->actions;
      for (const auto& text : f->systems) {
        auto id = find_system(plan, text);
        if (!id) usage_error("システム「" + text + "」は計画にありません。");
        r.systems.push_back(*id);
      }
      for (const auto& text : f->devices) {
        auto id = find_device(plan, text);
        if (!id) usage_error("機器「" + text + "」は情報機器台帳にありません。");
        r.devices.push_back(*id);
      }
      r.personal_data_leak = f->leak && !f->no_leak;
      r.aware_at = optional_time(f->aware_at, s.now);
      auto started = app::start_incident(*s.ws, s.actor, r, s.now);
      if (!started.problems.empty()) fail_with(started.problems);
      auto view = app::load_incident_view(*s.ws, s.actor, started.id, s.now);
      std::cout << "インシデント No." << started.id.value
                << " を開始しました: " << view.incident.title << "\n";
      print_first_response(plan, view.incident);
      std::cout << "\n次に: medbcp incident show " << started.id.value
                << "（対応手順と期限） / medbcp incident step " << started.id.value
                << "（手順の記録）\n";
    });
  });
}

// --- list / show -------------------------------------------------------------

void add_list(CLI::App& parent, GlobalOptions& options) {
  auto* cmd = parent.add_subcommand("list", "インシデントの一覧");
  cmd->callback([&options] {
    Session s = open_session(options);
    auto incidents = app::list_incidents(*s.ws, s.actor);
    if (incidents.empty()) {
      std::cout << "インシデントの記録はありません。\n";
      return;
    }
    for (const auto& i : incidents) {
      std::cout << "No." << i.id.value << "  " << core::label(i.status) << "  発見 "
                << when(i.discovery.discovered_at) << "  " << i.title << "（"
                << core::label(i.threat) << "）\n";
    }
  });
}

const char* step_box(core::StepState state) {
  switch (state) {
    case core::StepState::Done:
      return "[済]";
    case core::StepState::NotApplicable:
      return "[外]";
    case core::StepState::Pending:
      return "[  ]";
  }
  return "[  ]";
}

void print_steps(const app::IncidentView& v) {
  std::cout << "■ 対応手順（第３章）\n";
  for (const auto* step : core::response_steps_for(v.incident)) {
    const auto* mark = v.state.step(step->id);
    std::cout << "  " << step_box(mark ? mark->value.state : core::StepState::Pending) << " "
              << step->phase << step->number << " " << step->title << "  〔" << step->id << "〕";
    if (mark) {
      std::cout << " — " << mark->author << " " << when(mark->occurred_at);
      if (mark->value.state == core::StepState::NotApplicable) {
        std::cout << "（理由: " << mark->value.reason << "）";
      } else if (!mark->value.note.empty()) {
        std::cout << "（" << mark->value.note << "）";
      }
    }
    std::cout << "\n";
  }
}

void print_deadlines(const app::IncidentView& v) {
  if (v.deadlines.empty()) return;
  std::cout << "■ 報告・連絡の期限\n";
  for (const auto& d : v.deadlines) {
    std::cout << "  "
              << (d.state == core::DeadlineState::Overdue || d.state == core::DeadlineState::Warning
                      ? "！"
                      : "・")
              << d.title << ": " << core::label(d.state);
    if (d.done_at) {
      std::cout << "（" << when(*d.done_at) << "）";
    } else if (d.state == core::DeadlineState::Prompt) {
      std::cout << "（認知から " << core::format_time_left(d.seconds_left).substr(0) << "）";
    } else {
      std::cout << " 期限 "
                << when(d.hard_limit && d.state != core::DeadlineState::Upcoming ? *d.hard_limit
                                                                                 : d.due)
                << "（" << core::format_time_left(d.seconds_left) << "）";
    }
    std::cout << "\n";
  }
}

void print_entry(const core::TimelineEntry& e, const core::IncidentState& state) {
  std::cout << "  " << e.seq << ". " << when(e.occurred_at) << " 〔" << core::label(e.kind) << "〕 "
            << e.author << ": " << e.text;
  if (state.corrections.contains(e.id)) std::cout << "（訂正あり）";
  if (e.recorded_offline) std::cout << "（オフライン記録）";
  std::cout << "\n";
}

void add_show(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id;
    bool all = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd =
      parent.add_subcommand("show", "インシデントの状況（手順・期限・連絡・判断・証拠・時系列）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_flag("--all", f->all, "時系列をすべて表示する（既定は最新15件）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      auto v = app::load_incident_view(*s.ws, s.actor, parse_incident_id(f->id), s.now);
      const auto& i = v.incident;
      std::cout << "インシデント No." << i.id.value << " " << i.title << "（"
                << core::label(i.status) << "）\n"
                << "  想定事象: " << core::label(i.threat) << "\n"
                << "  発見: " << when(i.discovery.discovered_at) << " " << i.discovery.discoverer
                << "\n"
                << "  経緯: " << i.discovery.how_found << "\n"
                << "  発生状況: " << i.discovery.situation << "\n"
                << "  処置内容: " << i.discovery.actions_taken << "\n"
                << "  認知日時: " << when(i.aware_at)
                << "  個人データ漏えいのおそれ: " << (i.personal_data_leak ? "あり" : "なし")
                << "\n";
      for (const auto& d : i.devices) {
        std::cout << "  影響機器: " << d.name << "（" << d.asset_number << "） ※初期化しないこと\n";
      }
      print_steps(v);
      print_deadlines(v);
      if (!v.still_to_reach.empty()) {
        std::cout << "■ まだ連絡がついていない必須の連絡先\n";
        for (const auto& c : v.still_to_reach) {
          std::cout << "  ！[" << c.id.value << "] " << c.organization << " " << c.phone << "\n";
        }
      }
      if (!v.state.decisions.empty()) {
        std::cout << "■ 判断\n";
        for (const auto& d : v.state.decisions) {
          std::cout << "  " << when(d.occurred_at) << " " << d.author << ": "
                    << core::describe(d.value) << (d.withdrawn ? "（取消）" : "") << "\n";
        }
      }
      if (!v.state.evidence.empty()) {
        std::cout << "■ 証拠保全\n";
        for (const auto& e : v.state.evidence) {
          std::cout << "  〔" << e.item.value.evidence_id.substr(0, 8) << "〕 " << e.item.value.item
                    << " — " << e.current_location() << "、" << e.current_holder();
          if (!e.item.value.sha256.empty()) std::cout << " SHA-256 " << e.item.value.sha256;
          std::cout << "\n";
        }
      }
      std::cout << "■ 時系列（" << v.timeline.size() << " 件、"
                << (v.chain.ok() ? "改ざんなし"
                                 : "！改ざんの疑いあり: medbcp incident verify で確認")
                << "）\n";
      const std::size_t first = f->all || v.timeline.size() <= 15 ? 0 : v.timeline.size() - 15;
      if (first > 0) std::cout << "  …（古い " << first << " 件は --all で表示）\n";
      for (std::size_t k = first; k < v.timeline.size(); ++k) print_entry(v.timeline[k], v.state);
    });
  });
}

// --- log / step ------------------------------------------------------------------

void add_log(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, kind = "fact", at, lines;
    std::vector<std::string> words;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("log", "事実・対応・メモを時系列に記録する");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("TEXT", f->words, "記録する内容");
  cmd->add_option("--kind", f->kind, "種類: fact（事実）/ action（対応）/ note（メモ）")
      ->check(CLI::IsMember({"fact", "action", "note"}));
  cmd->add_option("--at", f->at, "起きた日時（省略時は今）");
  cmd->add_option(
      "--lines", f->lines,
      "ファイルの各行を1件ずつ記録する（紙の時系列記録用紙の書き写しなど。- で標準入力）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      if (!f->lines.empty()) {
        // One entry per non-empty line, each committed on its own, so an
        // interruption keeps every line recorded so far.
        std::istringstream in(read_input(f->lines));
        const auto id = parse_incident_id(f->id);
        const auto kind = *core::entry_kind_from_code(f->kind);
        const auto at = optional_time(f->at, s.now);
        std::string line;
        std::int64_t count = 0;
        while (std::getline(in, line)) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (core::trim(line).empty()) continue;
          auto r = app::log_entry(*s.ws, s.actor, id, {kind, line, at}, Instant::now());
          if (!r.problems.empty()) {
            std::cerr << count << " 件を記録したところで止めました。\n";
            fail_with(r.problems);
          }
          ++count;
        }
        std::cout << count << " 件を記録しました。\n";
        return;
      }
      std::string text;
      for (const auto& w : f->words) text += (text.empty() ? "" : " ") + w;
      ask_if_empty(text, "記録する内容");
      app::LogRequest r{*core::entry_kind_from_code(f->kind), text, optional_time(f->at, s.now)};
      report_appended(app::log_entry(*s.ws, s.actor, parse_incident_id(f->id), r, s.now));
    });
  });
}

void add_step(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, step, na, note, at;
    bool pending = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "step", "対応手順を実施済・対象外として記録する（手順を省くと一覧を表示）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("STEP", f->step, "手順（isolate、stop_network など。一覧は手順を省いて実行）");
  cmd->add_option("--na", f->na, "対象外とし、その理由を記録する");
  cmd->add_flag("--pending", f->pending, "未実施に戻す");
  cmd->add_option("--note", f->note, "備考（誰が何をしたか など）");
  cmd->add_option("--at", f->at, "実施した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      if (f->step.empty()) {
        print_steps(v);
        if (!interactive()) return;
        f->step = ask("記録する手順の〔 〕内の名前（空欄で終了）");
        if (f->step.empty()) return;
      }
      core::StepMark mark{f->step, core::StepState::Done, f->na, ""};
      if (!f->na.empty()) mark.state = core::StepState::NotApplicable;
      if (f->pending) mark.state = core::StepState::Pending;
      report_appended(
          app::mark_step(*s.ws, s.actor, id, mark, f->note, optional_time(f->at, s.now), s.now));
    });
  });
}

// --- contact -------------------------------------------------------------------

void add_contact(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, to, internal, name, said, follow_up, by, channel = "電話", at;
    bool reached = false, not_reached = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "contact", "別紙１の連絡先への連絡を記録する（連絡先を省くと一覧と未連絡を表示）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--to", f->to, "外部連絡先の番号（別紙１、一覧の［ ］内）");
  cmd->add_option("--internal", f->internal, "院内の連絡先の番号");
  cmd->add_option("--name", f->name, "別紙１にない相手の名前");
  cmd->add_flag("--reached", f->reached, "連絡がついた");
  cmd->add_flag("--not-reached", f->not_reached, "連絡がつかなかった");
  cmd->add_option("--said", f->said, "伝えた内容");
  cmd->add_option("--follow-up", f->follow_up, "先方の対応・次の連絡");
  cmd->add_option("--by", f->by, "連絡した人（省略時は記録者）");
  cmd->add_option("--channel", f->channel, "手段（電話、メール、訪問 など）");
  cmd->add_option("--at", f->at, "連絡した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      if (f->to.empty() && f->internal.empty() && f->name.empty()) {
        std::cout << "■ 外部の連絡先（別紙１）  ！= 初報で必須・未連絡\n";
        for (const auto& c : v.plan.external_contacts) {
          bool pending = false;
          for (const auto& p : v.still_to_reach) pending = pending || p.id == c.id;
          auto reached = core::first_reached(v.state, c.id);
          std::cout << "  " << (pending ? "！" : "　") << "[" << c.id.value << "] "
                    << c.organization << "（" << core::label(c.category) << "） " << c.phone;
          if (reached) std::cout << "  連絡済 " << when(*reached);
          std::cout << "\n";
        }
        if (!v.state.contacts.empty()) {
          std::cout << "■ 連絡記録\n";
          for (const auto& c : v.state.contacts) {
            std::cout << "  " << when(c.occurred_at) << " " << c.value.called_by << ": "
                      << core::describe(c.value) << "\n";
          }
        }
        if (!interactive()) return;
        f->to = ask("記録する連絡先の番号（空欄で終了）");
        if (f->to.empty()) return;
      }
      core::ContactCall call;
      if (!f->to.empty() || !f->internal.empty()) {
        auto n = parse_number(f->to.empty() ? f->internal : f->to);
        if (!n) usage_error("連絡先の番号を数字で指定してください。");
        call.target.type = f->to.empty() ? core::ContactTarget::Type::Internal
                                         : core::ContactTarget::Type::External;
        call.target.id = *n;
      } else {
        call.target.name = f->name;
      }
      if (!f->reached && !f->not_reached && interactive()) {
        f->reached = ask_yes_no("連絡はつきましたか", true);
        if (f->said.empty()) f->said = ask("伝えた内容");
        if (f->follow_up.empty()) f->follow_up = ask("先方の対応・次の連絡");
      }
      call.reached = f->reached && !f->not_reached;
      call.said = f->said;
      call.follow_up = f->follow_up;
      call.called_by = f->by;
      call.channel = f->channel;
      report_appended(
          app::record_contact(*s.ws, s.actor, id, call, optional_time(f->at, s.now), s.now));
    });
  });
}

// --- decide ------------------------------------------------------------------------

void add_decide(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, kind, system, possible, vendor, backup, care, mode, reason, at;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "decide", "業務継続の判断を記録する（システム復旧可否・データ復旧可否・診療形態）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--kind", f->kind,
                  "判断: system（システム復旧）/ data（データ復旧）/ care（診療）")
      ->check(CLI::IsMember({"system", "data", "care"}));
  cmd->add_option("--system", f->system, "対象システム（ID または名前）");
  cmd->add_option("--possible", f->possible, "復旧できるか: yes / no / unknown")
      ->check(CLI::IsMember({"yes", "no", "unknown"}));
  cmd->add_option("--vendor", f->vendor, "協議したシステム事業者");
  cmd->add_option("--backup", f->backup, "復元に使うバックアップ（感染前と考える世代）");
  cmd->add_option("--care", f->care, "診療: continued（継続）/ reduced（縮小）/ suspended（休止）")
      ->check(CLI::IsMember({"continued", "reduced", "suspended"}));
  cmd->add_option("--mode", f->mode, "診療形態（外来のみ、初診停止、予約患者のみ、休診 など）");
  cmd->add_option("--reason", f->reason, "判断の理由");
  cmd->add_option("--at", f->at, "判断した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      const bool tty = interactive();
      if (f->kind.empty() && tty) {
        std::cout << "判断の種類: 1 システム復旧可否  2 データ復旧可否  3 診療可否・診療形態\n";
        const std::string k = ask("番号");
        f->kind = k == "1" ? "system" : k == "2" ? "data" : k == "3" ? "care" : "";
      }
      if (f->kind.empty()) usage_error("--kind（system / data / care）を指定してください。");
      core::Decision d;
      d.kind = f->kind == "system" ? core::DecisionKind::SystemRecovery
               : f->kind == "data" ? core::DecisionKind::DataRecovery
                                   : core::DecisionKind::Care;
      if (d.kind != core::DecisionKind::Care) {
        // Where recovery is decided, show what the plan says for each system.
        for (const auto& g : core::system_guidance(v.incident, v.plan)) {
          std::cout << "■ " << g.system.name
                    << (g.vendor.empty() ? "" : "（事業者: " + g.vendor + "）") << "\n";
          for (const auto* fb : g.fallbacks) std::cout << "    代替手段: " << fb->fallback << "\n";
          for (const auto* b : g.backups) {
            std::cout << "    復旧方法: " << b->restore_method
                      << (b->offline ? "（オフライン保管）" : "") << "\n";
          }
        }
        if (f->system.empty() && tty && v.incident.systems.size() > 1) {
          f->system = ask("対象システムの番号または名前（空欄は全体）");
        } else if (f->system.empty() && v.incident.systems.size() == 1) {
          f->system = std::to_string(v.incident.systems[0].id.value);
        }
        if (!f->system.empty()) {
          auto sys = find_system(v.plan, f->system);
          if (!sys) usage_error("システム「" + f->system + "」は計画にありません。");
          d.system = sys;
        }
        if (f->possible.empty() && tty) {
          const std::string a = ask("復旧できますか（yes / no / unknown）", "unknown");
          f->possible = a;
        }
        if (f->possible == "yes") d.possible = true;
        if (f->possible == "no") d.possible = false;
        if (d.kind == core::DecisionKind::SystemRecovery) {
          if (f->vendor.empty() && tty) f->vendor = ask("協議したシステム事業者");
          d.vendor = f->vendor;
        } else {
          if (f->backup.empty() && tty)
            f->backup = ask("復元に使うバックアップの世代（例 6/2 夜間）");
          d.backup_generation = f->backup;
        }
      } else {
        if (f->care.empty() && tty) {
          std::cout << "診療: 1 継続  2 縮小  3 休止\n";
          const std::string a = ask("番号", "2");
          f->care = a == "1" ? "continued" : a == "3" ? "suspended" : "reduced";
        }
        d.care = core::care_status_from_code(f->care.empty() ? "continued" : f->care)
                     .value_or(core::CareStatus::Continued);
        if (f->mode.empty() && tty) {
          std::cout << "診療形態の例:";
          for (auto m : core::care_mode_suggestions()) std::cout << " " << m;
          std::cout << "\n";
          f->mode = ask("診療形態");
        }
        d.care_mode = f->mode;
      }
      ask_if_empty(f->reason, "判断の理由");
      d.reason = f->reason;
      report_appended(
          app::record_decision(*s.ws, s.actor, id, d, optional_time(f->at, s.now), s.now));
    });
  });
}

// --- evidence / handover -----------------------------------------------------------

void add_evidence(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, item, device, location, holder, file, at;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "evidence", "保全した証拠を登録する（ファイルを指定すると SHA-256 を計算して記録）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--item", f->item, "保全したもの（ディスクイメージ、ログ、脅迫文の写真 など）");
  cmd->add_option("--device", f->device, "元の機器（管理番号）");
  cmd->add_option("--location", f->location, "保管場所");
  cmd->add_option("--holder", f->holder, "保管者");
  cmd->add_option("--file", f->file, "証拠のファイル（大きなファイルも可）");
  cmd->add_option("--at", f->at, "保全した日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      ask_if_empty(f->item, "保全したもの");
      ask_if_empty(f->location, "保管場所");
      ask_if_empty(f->holder, "保管者");
      core::EvidenceItem item;
      item.item = f->item;
      item.location = f->location;
      item.holder = f->holder;
      if (!f->device.empty()) {
        const core::Plan plan = app::has_plan(*s.ws) ? app::load_plan(*s.ws) : core::Plan{};
        auto device = find_device(plan, f->device);
        if (!device) usage_error("機器「" + f->device + "」は情報機器台帳にありません。");
        item.device = device;
      }
      if (!f->file.empty()) std::cout << "SHA-256 を計算しています: " << f->file << "\n";
      auto r = app::add_evidence(*s.ws, s.actor, id, item,
                                 f->file.empty() ? std::nullopt : std::optional(f->file),
                                 optional_time(f->at, s.now), s.now);
      report_appended(r);
      if (auto stored = core::read_evidence(r.entry->payload)) {
        std::cout << "証拠番号: " << stored->evidence_id << "\n";
      }
      std::cout << "※ " << core::kDoNotInitialiseReminder << "\n";
    });
  });
}

void add_handover(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, evidence, from, to, location, at;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("handover", "証拠の受け渡し（保管の連鎖）を記録する");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("EVIDENCE", f->evidence, "証拠番号（先頭の数文字でも可）")->required();
  cmd->add_option("--from", f->from, "渡した人");
  cmd->add_option("--to", f->to, "受け取った人");
  cmd->add_option("--location", f->location, "新しい保管場所");
  cmd->add_option("--at", f->at, "受け渡しの日時（省略時は今）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      std::string evidence_id;
      for (const auto& e : v.state.evidence) {
        if (e.item.value.evidence_id.rfind(core::trim(f->evidence), 0) == 0) {
          if (!evidence_id.empty())
            usage_error("証拠番号が複数に当てはまります。もう少し長く指定してください。");
          evidence_id = e.item.value.evidence_id;
          if (f->from.empty()) f->from = e.current_holder();
        }
      }
      if (evidence_id.empty()) usage_error("証拠「" + f->evidence + "」は登録されていません。");
      ask_if_empty(f->to, "受け取った人");
      report_appended(app::hand_over_evidence(*s.ws, s.actor, id,
                                              {evidence_id, f->from, f->to, f->location},
                                              optional_time(f->at, s.now), s.now));
    });
  });
}

// --- correct / close / reopen ---------------------------------------------------------

void add_correct(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, entry, reason;
    bool withdraw = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "correct", "記録の誤りを訂正する（元の記録は残り、訂正の記録が追加される）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("ENTRY", f->entry, "訂正する記録の seq 番号または記録ID")->required();
  cmd->add_option("--reason", f->reason, "何が誤っていたか（正しい内容）");
  cmd->add_flag("--withdraw", f->withdraw,
                "その記録を取り消す（手順・連絡・判断などの集計から外す）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto v = app::load_incident_view(*s.ws, s.actor, id, s.now);
      std::string entry_id;
      auto seq = parse_number(f->entry);
      for (const auto& e : v.timeline) {
        if ((seq && e.seq == *seq) || (!seq && e.id.rfind(f->entry, 0) == 0)) entry_id = e.id;
      }
      if (entry_id.empty()) usage_error("記録「" + f->entry + "」はこのインシデントにありません。");
      ask_if_empty(f->reason, "何が誤っていたか（正しい内容）");
      report_appended(app::correct_entry(*s.ws, s.actor, id, entry_id, {f->withdraw, std::nullopt},
                                         f->reason, s.now));
    });
  });
}

// "内容|担当|2024-07-01": a follow-up action from the command line.
core::FollowUp parse_follow_up(const std::string& text) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : text + "|") {
    if (c == '|') {
      parts.push_back(core::trim(part));
      part.clear();
    } else {
      part.push_back(c);
    }
  }
  core::FollowUp f;
  f.title = parts[0];
  if (parts.size() > 1) f.owner = parts[1];
  if (parts.size() > 2 && !parts[2].empty()) {
    f.due = core::Date::parse(core::nfkc(parts[2]));
    if (!f.due) usage_error("再発防止策の期限「" + parts[2] + "」を読めません（例: 2024-07-01）。");
  }
  return f;
}

void add_close(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, lessons;
    std::vector<std::string> follow_ups;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "close", "インシデントを終了する（教訓と再発防止策。終了後は再開しない限り記録できない）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--lessons", f->lessons, "教訓（次に活かすこと）");
  cmd->add_option("--follow-up", f->follow_ups,
                  "再発防止策「内容|担当|期限(YYYY-MM-DD)」（複数可、ダッシュボードの課題になる）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      ask_if_empty(f->lessons, "教訓（次に活かすこと）");
      if (f->follow_ups.empty() && interactive()) {
        while (true) {
          std::string t = ask("再発防止策（空欄で終わり）");
          if (t.empty()) break;
          std::string owner = ask("  担当");
          std::string due = ask("  期限（例 2024-07-01、なければ空欄）");
          f->follow_ups.push_back(t + "|" + owner + "|" + due);
        }
      }
      core::Closure closure{f->lessons, {}};
      for (const auto& text : f->follow_ups) closure.follow_ups.push_back(parse_follow_up(text));
      report_appended(app::close_incident(*s.ws, s.actor, id, closure, s.now));
    });
  });
}

void add_reopen(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, reason;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("reopen", "終了したインシデントを再開する");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--reason", f->reason, "再開する理由");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      ask_if_empty(f->reason, "再開する理由");
      report_appended(
          app::reopen_incident(*s.ws, s.actor, parse_incident_id(f->id), f->reason, s.now));
    });
  });
}

// --- report / verify / export / tasks -------------------------------------------------

void add_report(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, format = "pdf", out;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("report", "インシデント対応報告書を作成する（PDF / DOCX）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--format", f->format, "形式: pdf / docx")->check(CLI::IsMember({"pdf", "docx"}));
  cmd->add_option("--out", f->out, "出力ファイル（既定: incident-番号.pdf）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      const app::ExportedFile file = app::export_incident_file(
          *s.ws, s.actor, id,
          f->format == "docx" ? app::IncidentFile::ReportDocx : app::IncidentFile::ReportPdf,
          s.now);
      const std::string out = f->out.empty() ? file.name : f->out;
      write_output_atomically(out, file.bytes);
      if (out != "-") {
        std::cout << "報告書を書き出しました: " << out << "\n最終ハッシュ: " << file.head_hash
                  << "\n";
      }
    });
  });
}

void add_verify(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id;
    std::vector<std::string> expect;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "verify", "時系列の改ざん検知チェーンを検証する（終了コード 0: 正常、1: 不整合あり）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--expect", f->expect,
                  "報告書などに控えたハッシュ（複数可）。チェーンに含まれているかを確かめる");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const auto id = parse_incident_id(f->id);
      auto report = app::verify_incident(*s.ws, s.actor, id, f->expect);
      if (report.ok()) {
        std::cout << "インシデント No." << id.value << " の時系列 " << report.entries
                  << " 件を検証しました。改ざん・削除・並べ替え・挿入は見つかりませんでした。\n"
                  << "最終ハッシュ: " << report.head_hash << "\n";
        return;
      }
      std::cout << "インシデント No." << id.value << " の時系列に不整合があります（"
                << report.breaks.size() << " 件）:\n";
      for (const auto& b : report.breaks) {
        std::cout << "  seq " << b.seq;
        if (!b.entry_id.empty()) std::cout << "（記録ID " << b.entry_id << "）";
        std::cout << " " << core::label(b.kind) << ": " << b.message << "\n";
      }
      throw ExitCode{1};
    });
  });
}

void add_export(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, format = "csv", out = "-";
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand(
      "export", "時系列を書き出す（CSV は Excel 用 UTF-8 BOM 付き、JSON はハッシュ検証用）");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--format", f->format, "形式: csv / json")->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--out", f->out, "出力ファイル（既定: 標準出力）");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      const app::ExportedFile file = app::export_incident_file(
          *s.ws, s.actor, parse_incident_id(f->id),
          f->format == "json" ? app::IncidentFile::TimelineJson : app::IncidentFile::TimelineCsv,
          s.now);
      write_output_atomically(f->out, file.bytes);
    });
  });
}

void add_tasks(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    bool all = false;
    std::int64_t done = 0;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("tasks", "インシデントから決まった再発防止策（課題）の一覧");
  cmd->add_flag("--all", f->all, "完了したものも表示する");
  cmd->add_option("--done", f->done, "この番号の課題を完了にする");
  cmd->callback([&options, f] {
    Session s = open_session(options);
    if (f->done > 0) {
      if (!app::complete_follow_up_task(*s.ws, s.actor, f->done, s.now)) {
        usage_error("未完了の課題 " + std::to_string(f->done) + " はありません。");
      }
      std::cout << "課題 " << f->done << " を完了にしました。\n";
      return;
    }
    auto tasks = app::list_follow_up_tasks(*s.ws, s.actor, !f->all);
    if (tasks.empty()) std::cout << "課題はありません。\n";
    for (const auto& t : tasks) {
      std::cout << "[" << t.id << "] " << (t.done ? "完了 " : "未完了 ") << t.title;
      if (!t.owner.empty()) std::cout << "　担当 " << t.owner;
      if (t.due) std::cout << "　期限 " << t.due->iso();
      std::cout << "　（No." << t.incident.value << " " << t.incident_title << "）\n";
    }
  });
}

}  // namespace

void add_incident_command(CLI::App& root, GlobalOptions& options) {
  auto* incident = root.add_subcommand("incident", "インシデント対応（発生時の記録・報告）");
  incident->require_subcommand(1);
  add_start(*incident, options);
  add_list(*incident, options);
  add_show(*incident, options);
  add_log(*incident, options);
  add_step(*incident, options);
  add_contact(*incident, options);
  add_decide(*incident, options);
  add_evidence(*incident, options);
  add_handover(*incident, options);
  add_correct(*incident, options);
  add_close(*incident, options);
  add_reopen(*incident, options);
  add_report(*incident, options);
  add_verify(*incident, options);
  add_export(*incident, options);
  add_tasks(*incident, options);
}

}  // namespace medbcp::cli
