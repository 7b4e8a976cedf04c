#include "app/history.h"

#include <algorithm>

#include "store/history_lookup.h"
#include "store/history_store.h"

namespace medbcp::app {
namespace {

HistoryItem to_item(const store::HistoryEntry& e) {
  return {e.id, core::Instant::parse(e.at).value_or(core::Instant{}), e.user_name, e.section};
}

}  // namespace

HistoryPage list_history(Workspace& ws, const Actor& actor, const std::string& section, int page,
                         int per_page) {
  require(actor, Permission::ReadHistory);
  per_page = std::clamp(per_page, 1, 200);
  page = std::max(page, 1);
  HistoryPage out;
  out.total = store::count_history(ws.db(), section);
  for (const auto& e : store::list_history(ws.db(), section, per_page, (page - 1) * per_page)) {
    out.items.push_back(to_item(e));
  }
  return out;
}

std::optional<HistoryDetail> history_detail(Workspace& ws, const Actor& actor, std::int64_t id) {
  require(actor, Permission::ReadHistory);
  auto e = store::find_history_entry(ws.db(), id);
  if (!e) return std::nullopt;
  HistoryDetail d{to_item(*e), e->before_json, e->after_json,
                  diff_section(e->section, e->before_json, e->after_json)};
  return d;
}

}  // namespace medbcp::app
