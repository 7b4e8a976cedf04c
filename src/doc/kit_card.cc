#include "doc/kit_card.h"

#include <algorithm>

#include "core/readiness.h"
#include "core/text.h"

namespace medbcp::doc {
namespace {

std::string or_empty(const std::string& text) {
  return core::is_placeholder(text) ? std::string() : core::trim(text);
}

std::string person(const std::string& name, const std::string& role) {
  const std::string n = or_empty(name);
  const std::string r = or_empty(role);
  if (n.empty()) return r.empty() ? "（未記入）" : r;
  return r.empty() ? n : n + "（" + r + "）";
}

CardCall officer_call(const core::Plan& plan) {
  return CardCall{"医療情報システム安全管理責任者", person(plan.officer.name, plan.officer.title),
                  or_empty(plan.officer.phone_day), or_empty(plan.officer.phone_night)};
}

CardCall internal_call(std::string who, const core::InternalContact& c) {
  return CardCall{std::move(who), person(c.name, c.role), or_empty(c.phone_day),
                  or_empty(c.phone_night)};
}

FirstResponseCard base_card(const core::Plan& plan) {
  FirstResponseCard card;
  card.facility = or_empty(plan.facility.name);
  const std::string officer = person(plan.officer.name, plan.officer.title);
  card.steps = {
      {"触らない・消さない",
       "画面をスマートフォンで撮影する。電源を切らない。再起動・初期化・ウイルス駆除を自分で"
       "しない（証拠が消えます）。"},
      {"切り離す", "その端末のLANケーブルを抜き、無線LANを切る。ほかの端末には触らない。"},
      {"すぐ報告する", "下の順に電話し、" + officer + "に伝える。つながるまで次の人へ。"},
      {"書き留める", "「発見・報告書」またはオフラインキットに、時刻と見たこと・したことを書く。"},
      {"指示を待つ", "責任者の指示で、ほかの部門に同じ症状がないか確かめる。紙運用の準備をする。"},
  };
  card.report_items = {"発見日時・経緯（いつ、何をしていて気づいたか）",
                       "発生状況（画面の表示、止まった機能、広がり）",
                       "処置内容（切り離しなど、すでにしたこと）"};
  card.never = {"USBメモリ等を差さない", "届いたメール・添付ファイルを開かない",
                "犯人に連絡・支払いをしない", "報道・SNS・患者へ独自に説明しない"};
  return card;
}

// Direct reports of the officer (people without a supervisor): whom to try
// when the officer does not answer.
void add_deputies(FirstResponseCard& card, const core::Plan& plan,
                  const std::vector<core::InternalContactId>& skip, std::size_t max) {
  std::size_t added = 0;
  for (const auto& c : plan.internal_contacts) {
    if (added == max) break;
    if (c.reports_to || std::find(skip.begin(), skip.end(), c.id) != skip.end()) continue;
    card.calls.push_back(internal_call("責任者につながらないとき", c));
    ++added;
  }
}

}  // namespace

FirstResponseCard first_response_card(const core::Plan& plan) {
  FirstResponseCard card = base_card(plan);
  card.calls.push_back(officer_call(plan));
  add_deputies(card, plan, {}, 2);
  return card;
}

FirstResponseCard first_response_card(const core::Plan& plan, const core::InternalContact& holder) {
  FirstResponseCard card = base_card(plan);
  card.holder = person(holder.name, holder.role);
  if (!or_empty(holder.department).empty())
    card.holder = or_empty(holder.department) + "　" + card.holder;
  // The supervisor first: they know the department and can go and look.
  std::vector<core::InternalContactId> skip{holder.id};
  if (holder.reports_to) {
    if (const auto* boss = plan.find_internal(*holder.reports_to); boss && boss->id != holder.id) {
      card.calls.push_back(internal_call("まず上長へ", *boss));
      skip.push_back(boss->id);
    }
  }
  card.calls.push_back(officer_call(plan));
  add_deputies(card, plan, skip, card.calls.size() > 1 ? 1 : 2);
  return card;
}

}  // namespace medbcp::doc
