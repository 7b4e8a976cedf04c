#include "core/incident_record.h"

#include "core/plan_section.h"
#include "core/text.h"

namespace medbcp::core {
namespace {

void require_text(Problems& out, const std::string& value, std::string field, std::string message) {
  if (trim(value).empty()) out.push_back(Problem{std::move(field), 0, std::move(message)});
}

std::string possible_text(const std::optional<bool>& possible) {
  if (!possible) return "判断保留";
  return *possible ? "可能" : "不可";
}

}  // namespace

const char* code(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::SystemRecovery:
      return "system_recovery";
    case DecisionKind::DataRecovery:
      return "data_recovery";
    case DecisionKind::Care:
      return "care";
    case DecisionKind::ReportGrounds:
      return "report_grounds";
  }
  return "care";
}

const char* label(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::SystemRecovery:
      return "システム復旧可否";
    case DecisionKind::DataRecovery:
      return "データ復旧可否";
    case DecisionKind::Care:
      return "診療可否・診療形態";
    case DecisionKind::ReportGrounds:
      return "確報の期限の根拠";
  }
  return "診療可否・診療形態";
}

std::optional<DecisionKind> decision_kind_from_code(std::string_view text) {
  for (auto k : {DecisionKind::SystemRecovery, DecisionKind::DataRecovery, DecisionKind::Care,
                 DecisionKind::ReportGrounds}) {
    if (text == code(k)) return k;
  }
  return std::nullopt;
}

const char* code(CareStatus status) {
  switch (status) {
    case CareStatus::Continued:
      return "continued";
    case CareStatus::Reduced:
      return "reduced";
    case CareStatus::Suspended:
      return "suspended";
  }
  return "continued";
}

const char* label(CareStatus status) {
  switch (status) {
    case CareStatus::Continued:
      return "継続";
    case CareStatus::Reduced:
      return "縮小";
    case CareStatus::Suspended:
      return "休止";
  }
  return "継続";
}

std::optional<CareStatus> care_status_from_code(std::string_view text) {
  for (auto s : {CareStatus::Continued, CareStatus::Reduced, CareStatus::Suspended}) {
    if (text == code(s) || text == label(s)) return s;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& care_mode_suggestions() {
  static const std::vector<std::string_view> modes = {
      "通常診療", "外来のみ", "初診停止", "予約患者のみ", "救急受入停止", "紙運用で継続", "休診"};
  return modes;
}

void apply_opening(Incident& incident, const IncidentOpening& opening) {
  incident.title = opening.title;
  incident.threat = opening.threat;
  incident.discovery = opening.discovery;
  incident.systems = opening.systems;
  incident.devices = opening.devices;
  incident.personal_data_leak = opening.personal_data_leak;
  incident.aware_at = opening.aware_at;
}

std::string describe(const IncidentOpening& o) {
  std::string out = "インシデント開始: " + o.title + "（" + label(o.threat) + "）。発見者 " +
                    o.discovery.discoverer + "。";
  if (o.personal_data_leak) out += "個人データ漏えいのおそれあり。";
  return out;
}

std::string describe(const StepMark& m) {
  const ResponseStep* step = find_response_step(m.step);
  std::string out = step ? std::string(step->number) + " " + std::string(step->title) : m.step;
  switch (m.state) {
    case StepState::Done:
      return out + ": 実施済";
    case StepState::NotApplicable:
      return out + ": 対象外（理由: " + m.reason + "）";
    case StepState::Pending:
      return out + ": 未実施に戻す" + (m.reason.empty() ? "" : "（" + m.reason + "）");
  }
  return out;
}

std::string describe(const ContactCall& c) {
  std::string out = c.target.name + " へ" + (c.channel.empty() ? "連絡" : c.channel) +
                    (c.reached ? "（連絡がついた）" : "（連絡がつかなかった）");
  if (!c.said.empty()) out += "。伝えた内容: " + c.said;
  if (!c.follow_up.empty()) out += "。今後: " + c.follow_up;
  return out;
}

std::string describe(const Decision& d) {
  std::string out = std::string(label(d.kind)) + ": ";
  switch (d.kind) {
    case DecisionKind::SystemRecovery:
      out +=
          (d.system_name.empty() ? "" : d.system_name + " ") + "復旧" + possible_text(d.possible);
      if (!d.vendor.empty()) out += "（" + d.vendor + "と協議）";
      break;
    case DecisionKind::DataRecovery:
      out += (d.system_name.empty() ? "" : d.system_name + " ") + "データ復旧" +
             possible_text(d.possible);
      if (!d.backup_generation.empty())
        out += "（復元するバックアップ: " + d.backup_generation + "）";
      break;
    case DecisionKind::Care:
      out += std::string("診療") + label(d.care);
      if (!d.care_mode.empty()) out += "・" + d.care_mode;
      break;
    case DecisionKind::ReportGrounds:
      out += d.wrongful_purpose
                 ? "不正の目的によるおそれあり（個人情報保護委員会への確報は知った時から60日以内）"
                 : "不正の目的によるおそれなし（個人情報保護委員会への確報は知った時から30日以内）";
      break;
  }
  if (!d.reason.empty()) out += "。理由: " + d.reason;
  return out;
}

std::string describe(const EvidenceItem& e) {
  std::string out = "証拠保全: " + e.item;
  if (!e.device_name.empty()) out += "（機器: " + e.device_name + "）";
  out += "。保管場所 " + e.location + "、保管者 " + e.holder;
  if (!e.sha256.empty()) out += "。ファイル " + e.file_name + " SHA-256 " + e.sha256;
  return out;
}

std::string describe(const CustodyTransfer& t) {
  std::string out = "証拠の受け渡し: " + t.from + " → " + t.to;
  if (!t.location.empty()) out += "（保管場所 " + t.location + "）";
  return out;
}

Problems validate(const StepMark& m) {
  Problems out;
  if (find_response_step(m.step) == nullptr) {
    out.push_back(Problem{"step", 0, "対応手順「" + m.step + "」はありません。"});
  }
  if (m.state == StepState::NotApplicable) {
    require_text(out, m.reason, "reason", "対象外とする理由を入力してください。");
  }
  return out;
}

Problems validate(const ContactCall& c) {
  Problems out;
  require_text(out, c.target.name, "contact", "連絡先を選ぶか、名前を入力してください。");
  require_text(out, c.called_by, "called_by", "連絡した人を入力してください。");
  return out;
}

Problems validate(const Decision& d) {
  Problems out;
  require_text(out, d.reason, "reason", "判断の理由を入力してください。");
  if (d.kind == DecisionKind::Care && d.care != CareStatus::Suspended) {
    require_text(out, d.care_mode, "care_mode",
                 "診療形態（例: 外来のみ、初診停止）を入力してください。");
  }
  return out;
}

Problems validate(const EvidenceItem& e) {
  Problems out;
  require_text(out, e.item, "item",
               "保全したもの（例: ディスクイメージ、脅迫文の写真）を入力してください。");
  require_text(out, e.location, "location", "保管場所を入力してください。");
  require_text(out, e.holder, "holder", "保管者を入力してください。");
  return out;
}

Problems validate(const CustodyTransfer& t) {
  Problems out;
  require_text(out, t.from, "from", "渡した人を入力してください。");
  require_text(out, t.to, "to", "受け取った人を入力してください。");
  return out;
}

Problems validate(const Closure& c) {
  Problems out;
  require_text(out, c.lessons, "lessons", "教訓（次に活かすこと）を入力してください。");
  for (std::size_t i = 0; i < c.follow_ups.size(); ++i) {
    if (trim(c.follow_ups[i].title).empty()) {
      out.push_back(
          Problem{"follow_ups", static_cast<int>(i + 1), "再発防止策の内容を入力してください。"});
    }
    const std::string& section = c.follow_ups[i].plan_section;
    if (!section.empty() && !section_from_code(section)) {
      out.push_back(Problem{"follow_ups", static_cast<int>(i + 1),
                            "計画の章「" + section + "」がありません。"});
    }
  }
  return out;
}

}  // namespace medbcp::core
