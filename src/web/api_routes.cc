#include "web/api_routes.h"

#include <nlohmann/json.hpp>

#include "app/clinic_backup_runs.h"
#include "app/device_import.h"
#include "app/incident_export.h"
#include "app/incident_service.h"
#include "app/kit.h"
#include "app/plan_service.h"
#include "app/record_json.h"
#include "app/reminders.h"
#include "core/text.h"
#include "web/api_problem.h"
#include "web/embedded_api.h"

namespace medbcp::web {
namespace {

using nlohmann::json;

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string media_type(RequestContext& ctx) {
  std::string type = ctx.request.get_header_value("Content-Type");
  if (const auto semi = type.find(';'); semi != std::string::npos) type.resize(semi);
  return core::trim(type);
}

// The request's JSON object; a problem sent (and nullopt) when it is not one.
std::optional<json> json_body(RequestContext& ctx) {
  if (media_type(ctx) != "application/json") {
    send_problem(ctx, 415, "本文の形式が違います",
                 "Content-Type: application/json の JSON を送ってください（受け取ったのは「" +
                     media_type(ctx) + "」）。");
    return std::nullopt;
  }
  try {
    json body = json::parse(ctx.request.body);
    if (!body.is_object()) {
      send_problem(ctx, 400, "本文を読めません",
                   "本文は JSON のオブジェクト（{…}）にしてください。");
      return std::nullopt;
    }
    return body;
  } catch (const json::parse_error& e) {
    send_problem(ctx, 400, "本文を読めません",
                 "JSON を読めません（" + std::to_string(e.byte) + " バイト目）。");
    return std::nullopt;
  }
}

// Reads the fields of a request object, each problem named by its field.
class Fields {
 public:
  explicit Fields(const json& body) : body_(body) {}
  std::string text(const char* name, bool required, std::size_t max_bytes = 4000) {
    if (!body_.contains(name) || body_[name].is_null()) {
      if (required) problems.push_back({name, 0, std::string(name) + " を指定してください。"});
      return "";
    }
    if (!body_[name].is_string()) {
      problems.push_back({name, 0, std::string(name) + " は文字列にしてください。"});
      return "";
    }
    std::string value = body_[name].get<std::string>();
    if (value.size() > max_bytes) {
      problems.push_back(
          {name, 0,
           std::string(name) + " が長すぎます（" + std::to_string(max_bytes) + " バイトまで）。"});
    }
    return value;
  }
  bool flag(const char* name) {
    if (!body_.contains(name) || body_[name].is_null()) return false;
    if (!body_[name].is_boolean()) {
      problems.push_back({name, 0, std::string(name) + " は true か false にしてください。"});
      return false;
    }
    return body_[name].get<bool>();
  }
  std::optional<int> integer(const char* name, int min, int max) {
    if (!body_.contains(name) || !body_[name].is_number_integer() ||
        body_[name].get<std::int64_t>() < min || body_[name].get<std::int64_t>() > max) {
      problems.push_back({name, 0,
                          std::string(name) + " は " + std::to_string(min) + "〜" +
                              std::to_string(max) + " の整数にしてください。"});
      return std::nullopt;
    }
    return static_cast<int>(body_[name].get<std::int64_t>());
  }
  // An ISO 8601 time (a time without zone is Japan time); nullopt for none.
  std::optional<core::Instant> time(const char* name) {
    const std::string value = text(name, false);
    if (value.empty()) return std::nullopt;
    auto at = core::Instant::parse(value);
    if (!at) {
      problems.push_back(
          {name, 0,
           std::string(name) + "「" + value + "」を読めません（例 2026-12-07T02:00:00+09:00）。"});
    }
    return at;
  }
  std::optional<core::Outcome> outcome() {
    const std::string value = text("result", true);
    if (value.empty()) return std::nullopt;
    auto o = core::outcome_from_code(value);
    if (!o) problems.push_back({"result", 0, "result は ok か fail にしてください。"});
    return o;
  }
  core::Problems problems;

 private:
  const json& body_;
};

void refused(RequestContext& ctx, const std::string& title, const core::Problems& problems) {
  send_problem(ctx, 422, title, "何も変更していません。errors の各項目を直して送り直してください。",
               problems);
}

void get_plan(RequestContext& ctx) {
  send_json(ctx, 200, app::export_plan_json(ctx.ws, ctx.actor()));
}

void put_plan(RequestContext& ctx) {
  if (media_type(ctx) != "application/json") {
    send_problem(
        ctx, 415, "本文の形式が違います",
        "計画は GET /api/v1/plan と同じ JSON（Content-Type: application/json）で送ってください。");
    return;
  }
  const auto problems = app::import_plan_json(ctx.ws, ctx.actor(), ctx.request.body);
  if (!problems.empty()) {
    refused(ctx, "計画を読み込みませんでした", problems);
    return;
  }
  send_json(ctx, 200, json{{"imported", true}}.dump() + "\n");
}

void get_devices(RequestContext& ctx) {
  const auto out = app::export_devices(ctx.ws, ctx.actor(), app::DeviceExportFormat::Json);
  send_json(ctx, 200, out.bytes);
}

void put_devices(RequestContext& ctx) {
  const std::string type = media_type(ctx);
  const std::string dry = ctx.param("dry_run");
  const bool dry_run = dry == "1" || dry == "true";
  app::DeviceImportResult r;
  if (type == "application/json") {
    r = app::import_devices_json(ctx.ws, ctx.actor(), ctx.request.body, dry_run);
  } else if (type == "text/csv" || type == kXlsxType) {
    r = app::import_devices(ctx.ws, ctx.actor(), ctx.request.body, dry_run);
  } else {
    send_problem(ctx, 415, "本文の形式が違います",
                 std::string("機器台帳は text/csv、") + kXlsxType +
                     "、application/json のいずれかで送ってください（受け取ったのは「" + type +
                     "」）。");
    return;
  }
  if (!r.problems.empty()) {
    refused(ctx, "機器台帳を読み込みませんでした", r.problems);
    return;
  }
  json warnings = json::array();
  for (const auto& w : r.file.warnings) {
    warnings.push_back({{"field", w.field}, {"row", w.row}, {"message", w.message}});
  }
  send_json(ctx, 200,
            json{{"dry_run", dry_run},
                 {"applied", r.applied},
                 {"added", r.diff.count(core::DeviceChangeKind::Added)},
                 {"updated", r.diff.count(core::DeviceChangeKind::Updated)},
                 {"unchanged", r.diff.count(core::DeviceChangeKind::Unchanged)},
                 {"kept_absent", r.diff.absent.size()},
                 {"warnings", warnings}}
                    .dump(2) +
                "\n");
}

void post_backup_run(RequestContext& ctx) {
  const auto body = json_body(ctx);
  if (!body) return;
  Fields f(*body);
  const auto outcome = f.outcome();
  const auto at = f.time("at");
  const std::string note = f.text("note", false);
  if (!f.problems.empty()) return refused(ctx, "記録しませんでした", f.problems);
  const auto r = app::record_backup_run(ctx.ws, ctx.actor(), core::BackupPlanId(ctx.id_match(1)),
                                        *outcome, at, note);
  if (!r.run) return refused(ctx, "記録しませんでした", r.problems);
  send_json(ctx, 201,
            json{{"plan", ctx.id_match(1)},
                 {"result", core::code(r.run->outcome)},
                 {"at", r.run->at.iso_utc()}}
                    .dump() +
                "\n");
}

void post_restore_test(RequestContext& ctx) {
  const auto body = json_body(ctx);
  if (!body) return;
  Fields f(*body);
  const auto outcome = f.outcome();
  const auto minutes = f.integer("minutes", 0, 100000);
  const auto at = f.time("at");
  const std::string note = f.text("note", false);
  if (!f.problems.empty()) return refused(ctx, "記録しませんでした", f.problems);
  const auto r = app::record_restore_test(ctx.ws, ctx.actor(), core::BackupPlanId(ctx.id_match(1)),
                                          *outcome, *minutes, at, note);
  if (!r.test) return refused(ctx, "記録しませんでした", r.problems);
  send_json(ctx, 201,
            json{{"plan", ctx.id_match(1)},
                 {"result", core::code(r.test->outcome)},
                 {"minutes", *minutes},
                 {"at", r.test->at.iso_utc()}}
                    .dump() +
                "\n");
}

void post_incident(RequestContext& ctx) {
  const auto body = json_body(ctx);
  if (!body) return;
  Fields f(*body);
  app::StartIncidentRequest request;
  request.title = f.text("title", false, 400);
  const std::string threat = f.text("threat", true);
  if (!threat.empty()) {
    if (auto kind = core::threat_kind_from_code(threat)) {
      request.threat = *kind;
    } else {
      f.problems.push_back(
          {"threat", 0, "threat「" + threat + "」は想定する事象のコードではありません。"});
    }
  }
  request.discovery.discoverer = f.text("discoverer", true, 200);
  request.discovery.discovered_at = f.time("discovered_at").value_or(ctx.now());
  request.discovery.how_found = f.text("how_found", false);
  request.discovery.situation = f.text("situation", false);
  request.discovery.actions_taken = f.text("actions_taken", false);
  request.personal_data_leak = f.flag("personal_data_leak");
  request.separate_from_open = f.flag("separate_from_open");
  if (!f.problems.empty()) return refused(ctx, "報告を受け付けませんでした", f.problems);
  const auto r = app::start_incident(ctx.ws, ctx.actor(), request, ctx.now());
  if (!r.problems.empty()) return refused(ctx, "報告を受け付けませんでした", r.problems);
  ctx.response.set_header("Location", "/api/v1/incidents/" + std::to_string(r.id.value));
  send_json(ctx, 201, json{{"id", r.id.value}}.dump() + "\n");
}

void post_entry(RequestContext& ctx) {
  const auto body = json_body(ctx);
  if (!body) return;
  Fields f(*body);
  app::LogRequest request;
  const std::string kind = f.text("kind", false);
  if (!kind.empty()) {
    auto k = core::entry_kind_from_code(kind);
    if (k && (*k == core::EntryKind::Fact || *k == core::EntryKind::Action ||
              *k == core::EntryKind::Note)) {
      request.kind = *k;
    } else {
      f.problems.push_back({"kind", 0, "kind は fact、action、note のいずれかにしてください。"});
    }
  }
  request.text = f.text("text", true);
  request.occurred_at = f.time("occurred_at");
  if (!f.problems.empty()) return refused(ctx, "記録しませんでした", f.problems);
  const auto r =
      app::log_entry(ctx.ws, ctx.actor(), core::IncidentId(ctx.id_match(1)), request, ctx.now());
  if (!r.entry) return refused(ctx, "記録しませんでした", r.problems);
  send_json(ctx, 201,
            json{{"incident", ctx.id_match(1)},
                 {"seq", r.entry->seq},
                 {"id", r.entry->id},
                 {"hash", r.entry->hash}}
                    .dump() +
                "\n");
}

void get_incident(RequestContext& ctx) {
  const auto view =
      app::load_incident_view(ctx.ws, ctx.actor(), core::IncidentId(ctx.id_match(1)), ctx.now());
  send_json(ctx, 200, app::timeline_json(view, ctx.now()));
}

void get_verify(RequestContext& ctx) {
  const auto report = app::verify_incident(ctx.ws, ctx.actor(), core::IncidentId(ctx.id_match(1)));
  json breaks = json::array();
  for (const auto& b : report.breaks) {
    breaks.push_back({{"seq", b.seq}, {"entry_id", b.entry_id}, {"message", b.message}});
  }
  send_json(ctx, 200,
            json{{"incident", ctx.id_match(1)},
                 {"ok", report.ok()},
                 {"entries", report.entries},
                 {"head_hash", report.head_hash},
                 {"breaks", breaks}}
                    .dump(2) +
                "\n");
}

void get_status(RequestContext& ctx) {
  const core::Date today = ctx.now().tokyo_date();
  const auto list = app::current_reminders(ctx.ws, ctx.actor(), today);
  send_json(ctx, 200, app::reminders_json(today, list, app::kit_freshness(ctx.ws)));
}

}  // namespace

void register_api_routes(Router& router) {
  using app::Permission;
  router.asset_get("/api/v1/openapi.json", [](RequestContext& ctx) {
    ctx.response.set_header("Cache-Control", "no-cache");
    for (const auto& file : embedded_api()) {
      if (file.path == "openapi.json") ctx.send(200, std::string(file.bytes), "application/json");
    }
  });
  router.api("GET", "/api/v1/plan", Permission::Export, get_plan);
  router.api("PUT", "/api/v1/plan", Permission::EditPlan, put_plan);
  router.api("GET", "/api/v1/devices", Permission::Export, get_devices);
  router.api("PUT", "/api/v1/devices", Permission::EditPlan, put_devices);
  router.api("POST", R"(/api/v1/backups/(\d+)/runs)", Permission::EditPlan, post_backup_run);
  router.api("POST", R"(/api/v1/backups/(\d+)/restore-tests)", Permission::EditPlan,
             post_restore_test);
  router.api("POST", "/api/v1/incidents", Permission::ReportIncident, post_incident);
  router.api("POST", R"(/api/v1/incidents/(\d+)/entries)", Permission::ReportIncident, post_entry);
  router.api("GET", R"(/api/v1/incidents/(\d+))", Permission::ReadPlan, get_incident);
  router.api("GET", R"(/api/v1/incidents/(\d+)/verify)", Permission::ReadPlan, get_verify);
  router.api("GET", "/api/v1/status", Permission::ReadPlan, get_status);
}

}  // namespace medbcp::web
