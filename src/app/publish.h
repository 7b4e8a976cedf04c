// 版の発行と周知: the plan is published as a numbered version (第N版) with a
// date; the published text is kept whole so two versions can be compared
// later, and every staff member confirms they have read the current one.
// Publishing sets the plan's 版数 (facility.edition) in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/plan_diff.h"
#include "app/users.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/time.h"
#include "doc/plan_tables.h"

namespace medbcp::app {

struct Version {
  std::int64_t id = 0;
  int edition = 0;          // 第N版
  core::Date published_on;  // the version's date (as printed)
  core::Instant published_at;
  std::string published_by_name;
  std::string note;  // 改訂内容
};

struct PublishResult {
  core::Problems problems;  // fields "published_on", "note"
  std::optional<Version> version;
};

// What to do when the plan still has gaps (core/readiness.h): staff would
// confirm a plan that cannot be used on the day, so publishing it needs the
// publisher to say so (the page asks, listing them).
enum class OpenGaps { Refuse, PublishAnyway };

// Publish permission. The edition is one more than the last published
// version's (or the plan's current 版数 for the first publication). With
// gaps and OpenGaps::Refuse: a problem on field "accept_gaps" naming them.
PublishResult publish_version(Workspace& ws, const Actor& actor, const core::Date& published_on,
                              const std::string& note, core::Instant now,
                              OpenGaps open_gaps = OpenGaps::Refuse);

std::vector<Version> list_versions(Workspace& ws);  // newest first
// The published 版, oldest first, as the printed plan's 改定履歴 lists them.
std::vector<doc::PlanRevision> plan_revisions(Workspace& ws);
std::optional<Version> current_version(Workspace& ws);
std::optional<Version> find_version(Workspace& ws, std::int64_t id);

// nullopt when either version does not exist.
std::optional<std::vector<RecordChange>> diff_versions(Workspace& ws, const Actor& actor,
                                                       std::int64_t from_id, std::int64_t to_id);

// The actor confirms having read the version. Needs a signed-in user (not
// the CLI); a second confirmation keeps the first one's time.
core::Problems acknowledge_version(Workspace& ws, const Actor& actor, std::int64_t version_id,
                                   core::Instant now);
std::optional<core::Instant> acknowledged_at(Workspace& ws, core::UserId user,
                                             std::int64_t version_id);

struct ReadingStatus {
  User user;
  std::optional<core::Instant> acknowledged_at;
};

// Every active user and whether they have confirmed the version, those who
// have not first. Publish permission (the people who chase the others).
std::vector<ReadingStatus> reading_status(Workspace& ws, const Actor& actor,
                                          std::int64_t version_id);

}  // namespace medbcp::app
