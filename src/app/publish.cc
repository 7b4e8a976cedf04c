#include "app/publish.h"

#include <algorithm>
#include <map>

#include "app/plan_service.h"
#include "core/text.h"
#include "io/plan_json.h"
#include "store/history_store.h"
#include "store/plan_store.h"
#include "store/user_store.h"
#include "store/version_store.h"

namespace medbcp::app {
namespace {

Version to_version(const store::VersionRecord& r) {
  return Version{r.id,
                 r.edition,
                 core::Date::parse(r.published_on).value_or(core::Date{}),
                 core::Instant::parse(r.published_at).value_or(core::Instant{}),
                 r.published_by_name,
                 r.note};
}

}  // namespace

PublishResult publish_version(Workspace& ws, const Actor& actor, const core::Date& published_on,
                              const std::string& typed_note, core::Instant now,
                              OpenGaps open_gaps) {
  require(actor, Permission::Publish);
  PublishResult result;
  if (!published_on.valid()) {
    result.problems.push_back({"published_on", 0, "版の日付を入力してください。"});
  }
  std::string note = core::trim(typed_note);
  if (core::utf8_to_u32(note).size() > 2000) {
    result.problems.push_back({"note", 0, "改訂内容は2000文字以内で入力してください。"});
  }
  if (!result.problems.empty()) return result;

  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  const auto gaps = core::readiness_gaps(*plan);
  if (!gaps.empty() && open_gaps == OpenGaps::Refuse) {
    result.problems.push_back(
        {"accept_gaps", 0,
         "計画に不備が " + std::to_string(gaps.size()) + " 件あります（" + gaps.front().where +
             "：" + gaps.front().message + (gaps.size() > 1 ? " ほか" : "") +
             "）。直してから発行するか、不備のまま発行することを選んでください。"});
    return result;
  }
  auto last = store::latest_version(db, false);
  int edition = last ? std::max(last->edition + 1, plan->facility.edition) : plan->facility.edition;
  edition = std::max(edition, 1);

  std::string at = now.iso_utc();
  if (plan->facility.edition != edition) {
    std::string before = io::section_to_json(*plan, "facility");
    plan->facility.edition = edition;
    store::save_plan(db, *plan);
    store::append_history(db, {0, at, actor.user.value, actor.name, "facility", before,
                               io::section_to_json(*plan, "facility")});
  }
  store::VersionRecord record;
  record.edition = edition;
  record.published_on = published_on.iso();
  record.published_at = at;
  record.published_by = actor.user.value;
  record.published_by_name = actor.name;
  record.note = note;
  record.plan_json = io::plan_to_json(*plan);
  record.id = store::insert_version(db, record);
  tx.commit();
  result.version = to_version(record);
  return result;
}

std::vector<Version> list_versions(Workspace& ws) {
  std::vector<Version> out;
  for (const auto& r : store::list_versions(ws.db())) out.push_back(to_version(r));
  return out;
}

std::vector<doc::PlanRevision> plan_revisions(Workspace& ws) {
  std::vector<doc::PlanRevision> out;
  const std::vector<Version> versions = list_versions(ws);
  out.reserve(versions.size());
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    out.push_back({it->edition, it->published_on, it->note, it->published_by_name});
  }
  return out;
}

std::optional<Version> current_version(Workspace& ws) {
  auto r = store::latest_version(ws.db(), false);
  if (!r) return std::nullopt;
  return to_version(*r);
}

std::optional<Version> find_version(Workspace& ws, std::int64_t id) {
  auto r = store::find_version(ws.db(), id, false);
  if (!r) return std::nullopt;
  return to_version(*r);
}

std::optional<std::vector<RecordChange>> diff_versions(Workspace& ws, const Actor& actor,
                                                       std::int64_t from_id, std::int64_t to_id) {
  require(actor, Permission::ReadPlan);
  auto from = store::find_version(ws.db(), from_id, true);
  auto to = store::find_version(ws.db(), to_id, true);
  if (!from || !to) return std::nullopt;
  return diff_plans(from->plan_json, to->plan_json);
}

core::Problems acknowledge_version(Workspace& ws, const Actor& actor, std::int64_t version_id,
                                   core::Instant now) {
  require(actor, Permission::ReadPlan);
  if (!actor.user.valid()) {
    return {{"user", 0, "確認はログインした利用者ごとに記録します。"}};
  }
  store::Database& db = ws.db();
  store::Transaction tx(db);
  if (!store::find_version(db, version_id, false)) {
    return {{"version", 0, "指定された版が見つかりません。"}};
  }
  store::insert_acknowledgement(db, version_id, actor.user.value, now.iso_utc());
  tx.commit();
  return {};
}

std::optional<core::Instant> acknowledged_at(Workspace& ws, core::UserId user,
                                             std::int64_t version_id) {
  for (const auto& a : store::list_acknowledgements(ws.db(), version_id)) {
    if (a.user_id == user.value) return core::Instant::parse(a.at);
  }
  return std::nullopt;
}

std::vector<ReadingStatus> reading_status(Workspace& ws, const Actor& actor,
                                          std::int64_t version_id) {
  require(actor, Permission::Publish);
  std::map<std::int64_t, core::Instant> acks;
  for (const auto& a : store::list_acknowledgements(ws.db(), version_id)) {
    acks[a.user_id] = core::Instant::parse(a.at).value_or(core::Instant{});
  }
  std::vector<ReadingStatus> out;
  for (const auto& r : store::list_users(ws.db())) {
    if (!r.active) continue;
    ReadingStatus status;
    status.user =
        User{core::UserId(r.id), r.name,       role_from_code(r.role).value_or(Role::Viewer),
             r.active,           r.created_at, r.last_login_at};
    if (auto it = acks.find(r.id); it != acks.end()) status.acknowledged_at = it->second;
    out.push_back(std::move(status));
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const ReadingStatus& s) { return !s.acknowledged_at; });
  return out;
}

}  // namespace medbcp::app
