#include "doc/kit_html.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/incident_steps.h"
#include "core/markup_escape.h"
#include "core/numbering.h"
#include "core/phone.h"
#include "core/readiness.h"
#include "core/text.h"
#include "core/wareki.h"
#include "doc/kit_assets.h"
#include "doc/kit_card.h"

namespace medbcp::doc {
namespace {

std::string value(const std::string& text) {
  return core::is_placeholder(text) ? std::string() : core::trim(text);
}

// A phone number as a tap-to-call link, or a visible gap to fix in the plan.
std::string phone_html(const std::string& phone) {
  const std::string p = value(phone);
  if (p.empty()) return "<span class=\"missing\">未記入</span>";
  const std::string uri = core::tel_uri(p);
  if (uri.empty()) return core::escape_markup(p);
  return "<a class=\"tel\" href=\"" + core::escape_markup(uri) + "\">" +
         core::escape_markup(core::unbreakable_phone(p)) + "</a>";
}

std::string made_text(const KitStamp& stamp) {
  const std::string tokyo = stamp.made_at.tokyo_text();  // "2024-04-01 12:00"
  return core::format_wareki(stamp.made_at.tokyo_date()) + " " + tokyo.substr(11);
}

std::string external_name(const core::ExternalContact& c) {
  const std::string person = value(c.person);
  return value(c.organization) + (person.empty() ? "" : "（" + person + "）");
}

std::string internal_name(const core::InternalContact& c) {
  const std::string role = value(c.role);
  return value(c.name) + (role.empty() ? "" : "（" + role + "）");
}

// What the logger needs to know, as JSON inside <script type="application/json">.
// '<' is written as \u003c so no text of the plan can close the script element.
std::string kit_data_json(const core::Plan& plan, const KitStamp& stamp) {
  using Json = nlohmann::ordered_json;
  Json steps = Json::array();
  for (const auto& s : core::all_response_steps()) {
    steps.push_back({{"id", s.id}, {"number", s.number}, {"title", s.title}});
  }
  Json external = Json::array();
  for (const auto& c : plan.external_contacts) {
    external.push_back(
        {{"id", c.id.value}, {"name", external_name(c)}, {"category", core::code(c.category)}});
  }
  Json internal = Json::array();
  for (const auto& c : plan.internal_contacts) {
    internal.push_back({{"id", c.id.value}, {"name", internal_name(c)}});
  }
  Json scenarios = Json::array();
  for (const auto& s : stamp.drill_scenarios) {
    Json injects = Json::array();
    for (const auto& i : s.injects) injects.push_back({{"minute", i.minute}, {"text", i.text}});
    scenarios.push_back({{"code", s.code},
                         {"title", s.title},
                         {"threat", core::code(s.threat)},
                         {"leak", s.personal_data_leak},
                         {"how_found", s.how_found},
                         {"situation", s.situation},
                         {"injects", injects}});
  }
  Json officer = Json::array();
  if (!core::trim(plan.officer.name).empty()) {
    officer.push_back({{"id", 0}, {"name", core::officer_contact_name(plan.officer)}});
  }
  Json data = {
      {"kit",
       {{"id", stamp.id},
        {"facility", plan.facility.name},
        {"edition", plan.facility.edition},
        {"made_at", stamp.made_at.iso_utc()}}},
      {"seal_key", stamp.seal_key},
      {"scenarios", scenarios},
      {"steps", steps},
      {"contacts", {{"external", external}, {"internal", internal}, {"officer", officer}}}};
  std::string text = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

void header(std::string& h, const core::Plan& plan, const KitStamp& stamp) {
  h += "<header class=\"kit-head\"><h1>" + core::escape_markup(value(plan.facility.name)) +
       "　オフラインキット</h1>\n<p class=\"stamp\">計画 第" +
       core::full_width_number(plan.facility.edition) + "版・このキットの作成 " +
       core::escape_markup(made_text(stamp)) + "（" + core::escape_markup(stamp.made_by) +
       "）・キット " + core::escape_markup(stamp.id.substr(0, 8)) +
       "</p>\n<p "
       "class=\"usage\">ネットワークが止まっていても使えます。記録はこのブラウザに保存され、"
       "「記録を書き出す」でファイルになります。サーバが戻ったら medbcp に取り込んでください"
       "（medbcp incident import）。</p></header>\n";
  h += "<nav class=\"kit-nav\"><a href=\"#card\">初動対応</a><a href=\"#contacts\">連絡先</a>"
       "<a href=\"#checklist\">対応手順</a><a href=\"#logger\">記録する</a>"
       "<a href=\"#fallbacks\">代替運用</a><a href=\"#plan\">計画書</a></nav>\n";
}

void card_section(std::string& h, const core::Plan& plan) {
  const doc::FirstResponseCard card = doc::first_response_card(plan);
  h += "<section id=\"card\"><h2>初動対応カード（最初の10分）</h2><div class=\"card\">\n"
       "<ol class=\"card-steps\">";
  for (const auto& s : card.steps) {
    h += "<li><strong>" + core::escape_markup(s.title) + "</strong>　" +
         core::escape_markup(s.detail) + "</li>";
  }
  h += "</ol>\n<h3>報告する相手（上から順に）</h3><table class=\"calls\"><thead><tr><th></th>"
       "<th>名前</th><th>日中</th><th>夜間・休日</th></tr></thead><tbody>";
  for (const auto& c : card.calls) {
    h += "<tr><td>" + core::escape_markup(c.who) + "</td><td>" + core::escape_markup(c.name) +
         "</td><td>" + phone_html(c.phone_day) + "</td><td>" + phone_html(c.phone_night) +
         "</td></tr>";
  }
  h += "</tbody></table>\n<h3>伝えること</h3><ul>";
  for (const auto& item : card.report_items) h += "<li>" + core::escape_markup(item) + "</li>";
  h += "</ul>\n<p class=\"never\"><strong>しないこと:</strong> ";
  for (std::size_t i = 0; i < card.never.size(); ++i) {
    h += (i ? "／" : "") + core::escape_markup(card.never[i]);
  }
  h += "</p></div></section>\n";
}

void contacts_section(std::string& h, const core::Plan& plan) {
  h += "<section id=\"contacts\"><h2>連絡先（別紙１　連絡体制図）</h2>\n"
       "<h3>院内</h3><table class=\"grid\"><thead><tr><th>役割</th><th>名前</th><th>部門</th>"
       "<th>日中</th><th>夜間・休日</th><th>報告先</th></tr></thead><tbody>";
  h += "<tr><td>" + core::escape_markup(value(plan.officer.title)) +
       "<br><small>医療情報システム安全管理責任者</small></td><td>" +
       core::escape_markup(value(plan.officer.name)) + "</td><td></td><td>" +
       phone_html(plan.officer.phone_day) + "</td><td>" + phone_html(plan.officer.phone_night) +
       "</td><td></td></tr>";
  for (const auto& c : plan.internal_contacts) {
    std::string boss = "医療情報システム安全管理責任者";
    if (c.reports_to) {
      if (const auto* b = plan.find_internal(*c.reports_to)) boss = value(b->name);
    }
    h += "<tr><td>" + core::escape_markup(value(c.role)) + "</td><td>" +
         core::escape_markup(value(c.name)) + "</td><td>" +
         core::escape_markup(value(c.department)) + "</td><td>" + phone_html(c.phone_day) +
         "</td><td>" + phone_html(c.phone_night) + "</td><td>" + core::escape_markup(boss) +
         "</td></tr>";
  }
  h += "</tbody></table>\n<h3>外部関係先</"
       "h3><p>赤い線の行は、インシデント発生時に必ず連絡する先です。</p>"
       "<table class=\"grid\"><thead><tr><th>分類</th><th>組織・担当者</th><th>電話</th>"
       "<th>時間外</th><th>受付時間</th><th>伝える内容</th></tr></thead><tbody>";
  for (const auto& c : plan.external_contacts) {
    h += std::string("<tr") + (c.notify_on_incident ? " class=\"must\"" : "") + "><td>" +
         core::escape_markup(core::label(c.category)) + "</td><td>" +
         core::escape_markup(external_name(c)) + "</td><td>" + phone_html(c.phone) + "</td><td>" +
         (value(c.phone_after_hours).empty() ? std::string() : phone_html(c.phone_after_hours)) +
         "</td><td>" + core::escape_markup(value(c.hours)) + "</td><td>" +
         core::escape_markup(value(c.what_to_tell)) + "</td></tr>";
  }
  h += "</tbody></table></section>\n";
}

void checklist_section(std::string& h) {
  h += "<section id=\"checklist\"><h2>対応手順（第３章　サイバーインシデント発生時の対応）</h2>\n"
       "<p class=\"no-js note\">JavaScript が使えないブラウザでは、手順の記録は紙の時系列記録用紙に"
       "書いてください。</p><ol class=\"steps\">";
  std::string_view phase;
  for (const auto& s : core::all_response_steps()) {
    if (s.phase != phase) {
      phase = s.phase;
      h += "<li class=\"phase\">" + core::escape_markup(phase) + "</li>";
    }
    const std::string id = core::escape_markup(s.id);
    h += "<li><div><span class=\"step-state\" data-step-state=\"" + id + "\">未実施</span> " +
         "<span class=\"step-title\">" + core::escape_markup(s.number) + " " +
         core::escape_markup(s.title) + "</span>" +
         (s.leak_only ? "<small>（個人データ漏えいのおそれがある場合）</small>" : "") +
         "</div><p class=\"step-guidance\">" + core::escape_markup(s.guidance) + "</p>";
    if (s.id != core::kStepReport) {
      h += "<form class=\"step-form js-only\" data-step=\"" + id +
           "\"><input type=\"text\" name=\"note\" placeholder=\"メモ（任意）\" aria-label=\"メモ\">"
           "<input type=\"text\" name=\"reason\" placeholder=\"対象外の理由\" "
           "aria-label=\"対象外の理由\">"
           "<button type=\"submit\" value=\"done\">実施済</button>"
           "<button type=\"submit\" class=\"secondary\" value=\"not_applicable\">対象外</button>"
           "<p class=\"form-problem\" hidden></p></form>";
    } else {
      h += "<p><small>「記録する」の発見・報告を記録すると実施済になります。</small></p>";
    }
    h += "</li>";
  }
  h += "</ol></section>\n";
}

// The systems of the plan and the devices of 別紙２ as the kit was built,
// to tick on the report. Each box carries the name and 管理番号 with its id:
// the merge finds them again by name and number if the plan changed since.
void affected_choices(std::string& h, const core::Plan& plan) {
  if (!plan.systems.empty()) {
    h += "<fieldset class=\"choices\"><legend>影響を受けたシステム（分かる範囲で）</legend>";
    for (const auto& s : plan.systems) {
      h += "<label class=\"inline\"><input type=\"checkbox\" name=\"system[]\" value=\"" +
           std::to_string(s.id.value) + "\" data-name=\"" + core::escape_markup(s.name) + "\"> " +
           core::escape_markup(s.name) + "</label>";
    }
    h += "</fieldset>";
  }
  bool any_device = false;
  for (const auto& d : plan.devices)
    any_device = any_device || d.status != core::DeviceStatus::Retired;
  if (!any_device) return;
  h += "<details class=\"choices\"><summary>影響を受けた機器（別紙２）</summary>";
  for (const auto& d : plan.devices) {
    if (d.status == core::DeviceStatus::Retired) continue;
    const std::string label = d.asset_number + " " + d.name +
                              (d.location.empty() ? std::string() : "（" + d.location + "）");
    h += "<label class=\"inline\"><input type=\"checkbox\" name=\"device[]\" value=\"" +
         std::to_string(d.id.value) + "\" data-name=\"" + core::escape_markup(d.name) +
         "\" data-asset=\"" + core::escape_markup(d.asset_number) + "\"> " +
         core::escape_markup(label) + "</label>";
  }
  h += "</details>";
}

void logger_section(std::string& h, const core::Plan& plan, const KitStamp& stamp) {
  h += "<section id=\"logger\"><h2>記録する（オフライン記録）</h2>\n"
       "<p class=\"no-js note\">このブラウザでは JavaScript が動かないため記録できません。"
       "紙の「発見・報告書」「時系列記録用紙」「連絡記録」を使ってください。</p>\n"
       "<div class=\"js-only\">"
       "<p id=\"drill-banner\" class=\"drill-banner\" hidden>【訓練】この記録は訓練です。"
       "取り込むと訓練として記録され、実際のインシデントには数えません。</p>"
       "<div class=\"panel author-bar\"><label for=\"author\">記入者（あなたの名前）</label>"
       "<input type=\"text\" id=\"author\" autocomplete=\"name\"></div>\n";
  if (!stamp.drill_scenarios.empty()) {
    // 訓練モード: the same logger, its log marked as a drill of a scenario.
    h += "<details class=\"panel drill-mode\" id=\"drill-mode\"><summary>訓練として記録する"
         "（訓練モード）</summary><label for=\"d-scenario\">訓練シナリオ</label>"
         "<select id=\"d-scenario\"><option value=\"\">訓練ではない（実際の記録）</option>";
    for (const auto& s : stamp.drill_scenarios) {
      h += "<option value=\"" + core::escape_markup(s.code) + "\">" + core::escape_markup(s.title) +
           "</option>";
    }
    h += "</select><p class=\"hint\">発見・報告を記録する前に選びます。シナリオの発生状況が"
         "入ります。</p><div id=\"drill-injects\" hidden><h4>付与情報</h4>"
         "<ol id=\"drill-inject-list\"></ol><button type=\"button\" id=\"drill-next\">"
         "次の付与情報を出す</button></div></details>\n";
  }

  // 発見・報告 (第３章 １（１）).
  h +=
      "<div class=\"panel\"><h3>発見・報告</h3>"
      "<form id=\"report-form\"><div class=\"grid2\"><div><label "
      "for=\"r-discoverer\">発見者</label>"
      "<input type=\"text\" id=\"r-discoverer\" name=\"discoverer\" placeholder=\"空欄なら記入者\">"
      "</div><div><label for=\"r-discovered\">発見日時</label>"
      "<input type=\"datetime-local\" id=\"r-discovered\" name=\"discovered_at\"></div></div>"
      "<label for=\"r-title\">見出し（一行）</label><input type=\"text\" id=\"r-title\" "
      "name=\"title\" "
      "placeholder=\"例: 受付PCに脅迫文\"><label for=\"r-threat\">想定事象</label><select "
      "id=\"r-threat\" "
      "name=\"threat\">"
      // Nothing chosen for the person: a guess made for them would be recorded as theirs.
      "<option value=\"\" selected>選んでください（分からなければ「その他」）</option>";
  for (auto kind : core::kThreatKinds) {
    h += std::string("<option value=\"") + core::code(kind) + "\">" +
         core::escape_markup(core::label(kind)) + "</option>";
  }
  h += "</select><label for=\"r-how\">経緯（いつ、何をしていて気づいたか）</label>"
       "<textarea id=\"r-how\" name=\"how_found\"></textarea>"
       "<label for=\"r-situation\">発生状況（何が起きているか）</label>"
       "<textarea id=\"r-situation\" name=\"situation\"></textarea>"
       "<label for=\"r-actions\">処置内容（すでにしたこと）</label>"
       "<textarea id=\"r-actions\" name=\"actions_taken\"></textarea>";
  affected_choices(h, plan);
  h +=
      "<label class=\"inline\"><input type=\"checkbox\" name=\"personal_data_leak\"> "
      "個人データが漏えいした（そのおそれがある）</label>"
      "<label for=\"r-aware\">当院が事態を知った日時（空欄なら発見日時）</label>"
      "<input type=\"datetime-local\" id=\"r-aware\" name=\"aware_at\" data-optional>"
      "<button type=\"submit\">発見・報告を記録</button><p class=\"form-problem\" "
      "hidden></p></form>"
      "<div id=\"report-done\" hidden><p>記録済み: <span id=\"report-summary\"></span></p>"
      "<p><small>記録は書き換えられません。補足や訂正は下の「時系列」に書いてください。</small></p>"
      "</div></div>\n";

  // 時系列.
  h += "<div class=\"panel\"><h3>時系列（事実・対応・メモ）</h3><form id=\"entry-form\">"
       "<div class=\"grid2\"><div><label for=\"e-kind\">種類</label><select id=\"e-kind\" "
       "name=\"kind\">"
       "<option value=\"fact\">事実（見たこと、分かったこと）</option>"
       "<option value=\"action\">対応（行ったこと）</option><option value=\"note\">メモ</option>"
       "</select></div><div><label for=\"e-at\">起きた日時</label>"
       "<input type=\"datetime-local\" id=\"e-at\" name=\"occurred_at\"></div></div>"
       "<label for=\"e-text\">内容</label><textarea id=\"e-text\" name=\"text\"></textarea>"
       "<button type=\"submit\">記録する</button><p class=\"form-problem\" "
       "hidden></p></form></div>\n";

  // 連絡.
  h +=
      "<div class=\"panel\"><h3>連絡の記録</h3><form id=\"contact-form\"><div class=\"grid2\"><div>"
      "<label for=\"c-target\">連絡先</label><select id=\"c-target\" name=\"target\">";
  if (!core::trim(plan.officer.name).empty()) {
    h += "<option value=\"officer:0\">責任者：" +
         core::escape_markup(core::officer_contact_name(plan.officer)) + "</option>";
  }
  for (const auto& c : plan.external_contacts) {
    h += "<option value=\"external:" + std::to_string(c.id.value) + "\">" +
         core::escape_markup(std::string(core::label(c.category)) + "：" + external_name(c)) +
         "</option>";
  }
  for (const auto& c : plan.internal_contacts) {
    h += "<option value=\"internal:" + std::to_string(c.id.value) + "\">院内：" +
         core::escape_markup(internal_name(c)) + "</option>";
  }
  h += "<option value=\"other\">その他（下に名前）</option></select>"
       "<label for=\"c-other\">その他の連絡先の名前</label><input type=\"text\" id=\"c-other\" "
       "name=\"other_name\"></div><div><label for=\"c-at\">日時</label><input "
       "type=\"datetime-local\" "
       "id=\"c-at\" name=\"occurred_at\"><label for=\"c-channel\">手段</label><select "
       "id=\"c-channel\" "
       "name=\"channel\"><option>電話</option><option>メール</option><option>訪問</option>"
       "<option>FAX</option><option>その他</option></select>"
       "<label class=\"inline\"><input type=\"checkbox\" name=\"reached\" checked> "
       "連絡がついた</label>"
       "</div></div><label for=\"c-said\">伝えた内容</label><textarea id=\"c-said\" name=\"said\">"
       "</textarea><label for=\"c-follow\">先方の対応・次の連絡</label><input type=\"text\" "
       "id=\"c-follow\" name=\"follow_up\"><button type=\"submit\">連絡を記録</button>"
       "<p class=\"form-problem\" hidden></p></form></div>\n";

  // The log and its export.
  h += "<div class=\"panel export\"><h3>このブラウザの記録（<span id=\"entry-count\">0</span> "
       "件）</h3>"
       "<ol id=\"entries\" class=\"entries\"></ol>"
       "<button type=\"button\" id=\"export\">記録を書き出す（JSON ファイル）</button>"
       "<button type=\"button\" id=\"start-over\" "
       "class=\"danger\">取り込み済みの記録を消して新しく始める"
       "</button><br><a id=\"download\" hidden></a><p id=\"export-status\"></p>"
       "<p><small>書き出したファイルは編集しないでください。内容の整合性ハッシュが付いており、"
       "変更されたファイルは取り込めません。</small></p></div></div></section>\n";
}

void fallbacks_section(std::string& h, const core::Plan& plan) {
  h += "<section id=\"fallbacks\"><h2>代替運用（システムが使えないとき）</h2><table class=\"grid\">"
       "<thead><tr><th>業務内容</th><th>システム</th><th>代替手段</th><th>必要な物品・様式</th>"
       "<th>通常運用への戻し方</th></tr></thead><tbody>";
  for (const auto& f : plan.fallbacks) {
    h += "<tr><td>" + core::escape_markup(value(f.business)) + "</td><td>" +
         core::escape_markup(value(plan.system_name(f.system, f.system_label))) + "</td><td>" +
         core::escape_markup(value(f.fallback)) + "</td><td>" +
         core::escape_markup(value(f.materials)) + "</td><td>" +
         core::escape_markup(value(f.return_to_normal)) + "</td></tr>";
  }
  h += "</tbody></table></section>\n";
}

void plan_section(std::string& h, const std::string& plan_document_html) {
  // srcdoc keeps the plan document's own styles apart from the kit's; the
  // empty sandbox lets it run nothing.
  h += "<section id=\"plan\"><h2>計画書（事業継続計画）</h2>"
       "<p class=\"no-print\">印刷には紙のキット（PDF）を使ってください。</p>"
       "<iframe class=\"plan\" title=\"計画書\" sandbox srcdoc=\"" +
       core::escape_markup(plan_document_html) + "\"></iframe></section>\n";
}

// The asset must not be able to end the element it is inlined into.
std::string_view inline_asset(std::string_view path, std::string_view closing) {
  std::string_view bytes = kit_asset(path);
  std::string lower(bytes);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find(closing) != std::string::npos) {
    throw std::logic_error("assets/kit/" + std::string(path) + " contains " + std::string(closing));
  }
  return bytes;
}

}  // namespace

std::string offline_kit_html(const core::Plan& plan, const KitStamp& stamp,
                             const std::string& plan_document_html) {
  std::string h;
  h.reserve(plan_document_html.size() * 2 + std::size_t{64} * 1024);
  h += "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
       "<meta name=\"generator\" content=\"medbcp\">"
       "<title>" +
       core::escape_markup(value(plan.facility.name)) + " オフラインキット（第" +
       core::full_width_number(plan.facility.edition) + "版）</title>\n<style>\n";
  h += inline_asset("kit.css", "</style");
  h += "</style></head>\n<body>\n";
  header(h, plan, stamp);
  h += "<main>\n";
  card_section(h, plan);
  contacts_section(h, plan);
  checklist_section(h);
  logger_section(h, plan, stamp);
  fallbacks_section(h, plan);
  plan_section(h, plan_document_html);
  h += "</main>\n<script type=\"application/json\" id=\"kit-data\">" + kit_data_json(plan, stamp) +
       "</script>\n<script>\n";
  h += inline_asset("sha256.js", "</script");
  h += "\n";
  h += inline_asset("kit.js", "</script");
  h += "</script>\n</body></html>\n";
  return h;
}

}  // namespace medbcp::doc
