#include "app/plan_change.h"

#include <future>

#include "app/device_history.h"
#include "app/plan_service.h"
#include "core/plan_section.h"
#include "core/plan_validation.h"
#include "io/device_json.h"
#include "io/plan_json.h"
#include "store/database.h"
#include "store/history_store.h"
#include "store/plan_store.h"

namespace medbcp::app {
namespace {

// One history entry per section that changed, ready to store. Reads only
// the two plans: update_plan runs it on a second thread while the plan is
// being saved (for a large ledger, writing and compressing its JSON takes
// as long as saving it).
std::vector<store::PreparedHistoryEntry> history_entries(const Actor& actor,
                                                         const core::Plan* before,
                                                         const core::Plan& after) {
  std::vector<store::PreparedHistoryEntry> out;
  std::string at = core::Instant::now().iso_utc();
  // One entry per section whose JSON changed: an edit of one section may
  // touch another (removing a system clears references to it).
  for (const core::SectionInfo& info : core::plan_sections()) {
    // Compared as records first: a 100,000-device ledger is not written out
    // twice to learn that the facility's phone number changed.
    if (before && info.same(*before, after)) continue;
    const std::string_view section = info.code;
    std::string old_json, new_json;
    if (info.section == core::Section::Devices) {
      // The ledger can be 100,000 devices: only those that changed, and
      // field names once (app/device_history.h, io/device_json.h).
      if (const auto delta = before ? device_delta(before->devices, after.devices)
                                    : std::optional<DeviceDelta>()) {
        old_json = io::devices_history_json(delta->before);
        new_json = io::devices_history_json(delta->after);
      } else {
        old_json = before ? io::devices_history_json(before->devices) : "null";
        new_json = io::devices_history_json(after.devices);
      }
    } else {
      old_json = before ? io::section_to_json(*before, section) : "null";
      new_json = io::section_to_json(after, section);
    }
    if (old_json == new_json) continue;
    out.push_back(
        store::prepare_history_entry({0, at, actor.user.value, actor.name, std::string(section),
                                      std::move(old_json), std::move(new_json)}));
  }
  return out;
}

void append_all(store::Database& db, const std::vector<store::PreparedHistoryEntry>& entries) {
  for (const auto& e : entries) store::append_history(db, e);
}

}  // namespace

void record_changes(store::Database& db, const Actor& actor, const core::Plan* before,
                    const core::Plan& after) {
  append_all(db, history_entries(actor, before, after));
}

core::Problems save_plan_change(store::Database& db, const Actor& actor, const core::Plan& before,
                                core::Plan after) {
  assign_missing_ids(after);
  core::Problems problems = core::validate_plan(after);
  if (!problems.empty()) return problems;
  // Both plans stay as they are until the history is built; save_plan only
  // reads `after`. A thread is worth starting for a large ledger only.
  const bool large = before.devices.size() + after.devices.size() >= 2000;
  auto history = std::async(large ? std::launch::async : std::launch::deferred,
                            [&] { return history_entries(actor, &before, after); });
  store::save_plan(db, after);
  append_all(db, history.get());
  return {};
}

}  // namespace medbcp::app
