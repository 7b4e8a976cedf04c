// Use cases of the kits that keep the plan usable when the network is down:
// make the offline kit (one HTML file for a USB stick), make the paper kit
// (one PDF: the plan with 別紙１・２, then the first-response cards and the
// blank forms), confirm a paper kit was printed, and tell whether the kits
// still carry the current plan. Making a kit records it (store/kit_store.h)
// with the fingerprint of the plan it carries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/kit_record.h"
#include "core/time.h"

namespace medbcp::app {

struct KitFile {
  std::string id;         // the kit's random id (also inside the file)
  std::string file_name;  // suggested, ASCII: "medbcp-offline-kit-e3-20240401-1200.html"
  std::string bytes;
};

// Export permission. Throws NoPlan when there is no plan yet.
KitFile make_offline_kit(Workspace& ws, const Actor& actor, core::Instant now);
KitFile make_paper_kit(Workspace& ws, const Actor& actor, core::Instant now);

// Someone printed the paper kit (`kit_id`, or the newest one when empty) and
// handed it out. False when there is no such paper kit. Export permission.
bool mark_paper_kit_printed(Workspace& ws, const Actor& actor, const std::string& kit_id,
                            core::Instant now);

// Whether the kits on the stick and in the binder still carry the plan as
// it is now. "Changed" compares the plan's fingerprint (SHA-256 of its JSON
// export) with the one recorded when the kit was made, so any edit counts,
// and an edit that was undone does not.
struct KitFreshness {
  bool has_plan = false;
  std::optional<core::KitRecord> offline;  // the newest offline kit
  std::optional<core::KitRecord> paper;    // the newest paper kit
  std::optional<core::KitRecord> printed;  // the paper kit most recently confirmed printed
  bool offline_outdated = false;           // none made, or the plan changed since
  bool printed_outdated = false;           // none printed, or the plan changed since
  // Ready to show (Japanese), most urgent first; empty when all is current.
  std::vector<std::string> warnings;
  // One line each, e.g. 「紙のキット: 令和６年４月１日に印刷（第２版）」.
  std::string offline_summary;
  std::string printed_summary;
};

// Read-only; no permission needed beyond being able to open the workspace
// (the dashboard and `medbcp status` show it to everyone).
KitFreshness kit_freshness(Workspace& ws);

}  // namespace medbcp::app
