// The one-page 初動対応 card: what a staff member does in the first ten
// minutes after noticing something wrong (第３章 １ 初動対応, in plain words)
// and whom to call, with the phone numbers from 別紙１. One card per person
// on the contact chart (their own supervisor named), and a general one for
// anyone else. Plain data: the offline kit shows it as HTML, the paper kit
// prints it in large type (kit_forms.h).
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"

namespace medbcp::doc {

struct CardCall {
  std::string who;        // 「医療情報システム安全管理責任者」
  std::string name;       // 山田 太郎（院長）
  std::string phone_day;  // empty when the plan has none
  std::string phone_night;
};

struct CardStep {
  std::string title;   // 「触らない・消さない」
  std::string detail;  // one or two sentences
};

struct FirstResponseCard {
  std::string facility;
  std::string holder;           // 「受付 中村 さくら」; empty on the general card
  std::vector<CardStep> steps;  // in order, the first ten minutes
  std::vector<CardCall> calls;  // in the order to call
  std::vector<std::string> report_items;  // what to tell: 発見日時・経緯, 発生状況, 処置内容
  std::vector<std::string> never;  // what not to do
};

// The general card (no holder).
FirstResponseCard first_response_card(const core::Plan& plan);
// The card of one person on the chart: their supervisor is called first.
FirstResponseCard first_response_card(const core::Plan& plan, const core::InternalContact& holder);

}  // namespace medbcp::doc
