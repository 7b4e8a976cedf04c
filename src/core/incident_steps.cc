#include "core/incident_steps.h"

namespace medbcp::core {

const std::vector<ResponseStep>& all_response_steps() {
  static const std::vector<ResponseStep> steps = {
      {kStepReport, "初動対応", "（１）", "発生事象の発見・報告",
       "発見者は速やかに、発見日時・経緯、発生状況、処置内容を医療情報システム安全管理責任者へ報告"
       "する。",
       false},
      {"isolate", "初動対応", "（２）①", "該当端末等のネットワークからの切り離し",
       "事象が発生した該当端末等を院内LANやインターネット等のネットワークから切り離す（LANケーブル"
       "を"
       "抜く、無線LANを切る）。端末の初期化はしない。",
       false},
      {"check_other_departments", "初動対応", "（２）②", "他部門での類似事象の確認",
       "類似事象が他部門で発生していないかを確認する。", false},
      {"stop_network", "初動対応", "（２）②", "ネットワークの停止",
       "類似事象が他部門でも発生している場合は、ネットワークを停止する。", false},
      {"timeline", "初動対応", "（３）①", "事実関係の時系列での整理",
       "発生した事実関係を時系列で整理し、情報を管理する（この時系列に記録する）。", false},
      {kStepPreserveEvidence, "初動対応", "（３）②", "端末初期化の禁止と証拠保全",
       "端末初期化等を控えるよう指示し、外部調査に必要なシステム上の証拠（ログ、画面の写真、脅迫文"
       "、"
       "ディスク等）を保全する。",
       false},
      {kStepNotifyContacts, "初動対応", "（４）", "外部関係先への連絡",
       "別紙１・連絡体制図に記載のある連絡先に速やかに状況を連絡する。", false},
      {kStepPpcPreliminary, "初動対応", "（４）", "個人情報保護委員会への速報",
       "個人データの漏えい（そのおそれを含む）を知った時から速やかに（概ね3〜5日以内）速報する。",
       true},
      {"notify_persons", "初動対応", "（４）", "本人への通知",
       "漏えい等のおそれがある本人へ、状況に応じて速やかに通知する。", true},
      {kStepPpcFinal, "初動対応", "（４）", "個人情報保護委員会への確報",
       "知った時から30日以内（標的型メール・不正アクセス・ランサムウェア等、不正の目的によるおそれ"
       "がある場合は60日以内）に確"
       "報する。",
       true},
      {kStepSystemRecovery, "業務継続対応", "（１）①", "システム復旧可否の判断",
       "システム事業者と連携し、システム復旧の可否を判断する。", false},
      {kStepDataRecovery, "業務継続対応", "（１）②", "データ復旧可否の判断",
       "バックアップデータの復旧手順に従い、データ復旧の可否を判断する（感染前の世代を確認する）。",
       false},
      {kStepCareDecision, "業務継続対応", "（２）", "診療可否の判断と診療形態の決定",
       "診療継続と判断した場合、提供可能な診療形態を速やかに決定する。", false},
  };
  return steps;
}

std::vector<const ResponseStep*> response_steps_for(const Incident& incident) {
  std::vector<const ResponseStep*> out;
  for (const auto& step : all_response_steps()) {
    if (step.leak_only && !incident.personal_data_leak) continue;
    out.push_back(&step);
  }
  return out;
}

const ResponseStep* find_response_step(std::string_view id) {
  for (const auto& step : all_response_steps()) {
    if (step.id == id) return &step;
  }
  return nullptr;
}

const char* code(StepState state) {
  switch (state) {
    case StepState::Pending:
      return "pending";
    case StepState::Done:
      return "done";
    case StepState::NotApplicable:
      return "not_applicable";
  }
  return "pending";
}

const char* label(StepState state) {
  switch (state) {
    case StepState::Pending:
      return "未実施";
    case StepState::Done:
      return "実施済";
    case StepState::NotApplicable:
      return "対象外";
  }
  return "未実施";
}

std::optional<StepState> step_state_from_code(std::string_view text) {
  for (auto s : {StepState::Pending, StepState::Done, StepState::NotApplicable}) {
    if (text == code(s)) return s;
  }
  return std::nullopt;
}

}  // namespace medbcp::core
