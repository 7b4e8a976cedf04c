#include "app/record_json.h"

#include <nlohmann/json.hpp>

namespace medbcp::app {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json instant_or_null(const std::optional<core::Instant>& t) {
  return t ? json(t->iso_utc()) : json(nullptr);
}

json date_or_null(const std::optional<core::Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

std::string incidents_json(const std::vector<core::Incident>& incidents) {
  json list = json::array();
  for (const auto& i : incidents) {
    list.push_back({{"id", i.id.value},
                    {"title", i.title},
                    {"status", core::code(i.status)},
                    {"threat", core::code(i.threat)},
                    {"discovered_at", i.discovery.discovered_at.iso_utc()},
                    {"discoverer", i.discovery.discoverer},
                    {"personal_data_leak", i.personal_data_leak},
                    {"aware_at", i.aware_at.iso_utc()},
                    {"opened_at", i.opened_at.iso_utc()},
                    {"closed_at", instant_or_null(i.closed_at)},
                    {"drill", i.drill}});
  }
  return dump(list);
}

std::string reminders_json(const core::Date& today, const std::vector<core::Reminder>& reminders,
                           const KitFreshness& kits) {
  json items = json::array();
  int overdue = 0;
  for (const auto& r : reminders) {
    const bool late = r.urgency == core::Urgency::Overdue;
    overdue += late ? 1 : 0;
    items.push_back({{"kind", core::code(r.kind)},
                     {"kind_label", core::label(r.kind)},
                     {"urgency", late ? "overdue" : "due_soon"},
                     {"subject", r.subject},
                     {"message", r.message},
                     {"due", date_or_null(r.due)},
                     {"field", r.field}});
  }
  return dump({{"today", today.iso()},
               {"overdue", overdue},
               {"due_soon", static_cast<int>(reminders.size()) - overdue},
               {"reminders", items},
               {"kits",
                {{"offline_outdated", kits.offline_outdated},
                 {"printed_outdated", kits.printed_outdated},
                 {"warnings", kits.warnings}}}});
}

std::string backups_json(const std::vector<BackupPlanStatus>& plans) {
  json list = json::array();
  for (const auto& p : plans) {
    const auto& h = p.history;
    list.push_back(
        {{"id", p.plan.id.value},
         {"title", p.title},
         {"frequency_days", p.plan.frequency_days},
         {"offline", p.plan.offline},
         {"last_ok_run", instant_or_null(h.last_ok_run)},
         {"last_run",
          h.last_run ? json{{"at", h.last_run->at.iso_utc()},
                            {"result", h.last_run->outcome == core::Outcome::Ok ? "ok" : "fail"}}
                     : json(nullptr)},
         {"last_ok_restore_test", instant_or_null(h.last_ok_restore_test)},
         {"next_due", date_or_null(p.next_due)}});
  }
  return dump(list);
}

std::string users_json(const std::vector<User>& users) {
  json list = json::array();
  for (const auto& u : users) {
    list.push_back({{"name", u.name},
                    {"role", code(u.role)},
                    {"active", u.active},
                    {"created_at", u.created_at},
                    {"last_login_at", u.last_login_at ? json(*u.last_login_at) : json(nullptr)}});
  }
  return dump(list);
}

std::string stocktakes_json(const std::vector<StocktakeSummary>& rounds) {
  json list = json::array();
  for (const auto& s : rounds) {
    list.push_back({{"id", s.round.id.value},
                    {"title", s.round.title},
                    {"status", s.round.closed() ? "closed" : "open"},
                    {"started_at", s.round.started_at.iso_utc()},
                    {"closed_at", instant_or_null(s.round.closed_at)},
                    {"total", s.total},
                    {"checked", s.checked},
                    {"differences", s.differences}});
  }
  return dump(list);
}

std::string audit_json(const AuditPage& page) {
  json entries = json::array();
  for (const auto& e : page.entries) {
    entries.push_back({{"id", e.id},
                       {"at", e.at.iso_utc()},
                       {"action", e.action},
                       {"action_label", e.action_label},
                       {"user", e.actor_name},
                       {"remote", e.remote},
                       {"target", e.target},
                       {"detail", e.detail}});
  }
  return dump({{"total", page.total}, {"entries", entries}});
}

}  // namespace medbcp::app
