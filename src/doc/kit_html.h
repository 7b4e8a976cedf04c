// The offline kit as one self-contained HTML file: the first-response card,
// the contact chart with tel: links, the chapter-3 checklist, the offline
// incident logger, the fallback operations and the plan document itself —
// all CSS and JavaScript inline, nothing fetched, so it works from a USB
// stick with the network off. Stamped with the plan's 版数 and the time it
// was made. Pure: the caller gives the plan and the rendered plan document.
#pragma once

#include <string>

#include "core/drill_scenario.h"
#include "core/plan.h"
#include "core/time.h"

namespace medbcp::doc {

struct KitStamp {
  std::string id;  // 32 hex digits; offline logs name the kit by it
  core::Instant made_at;
  std::string made_by;
  // The key the logger seals its exported log with (core/kit_record.h);
  // empty: logs are exported unsealed.
  std::string seal_key;
  // The drill scenarios the logger's drill mode (訓練モード) offers.
  std::vector<core::DrillScenario> drill_scenarios{};
};

// `plan_document_html`: the plan as doc::render_html made it (a whole HTML
// document), shown in a sandboxed frame so its styles stay its own.
std::string offline_kit_html(const core::Plan& plan, const KitStamp& stamp,
                             const std::string& plan_document_html);

}  // namespace medbcp::doc
