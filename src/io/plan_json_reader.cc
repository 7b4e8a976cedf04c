#include "io/plan_json_reader.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/plan_section.h"
#include "core/text.h"
#include "io/plan_json.h"

namespace medbcp::io {
namespace {

using core::Date;
using Json = nlohmann::ordered_json;

// Reads one JSON object's fields, recording a problem (with the JSON path)
// for each missing or mistyped one instead of throwing.
class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string path, core::Problems& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {
    if (!object_.is_object()) {
      problem(path_, "オブジェクト（{ … }）である必要があります。");
      valid_ = false;
    }
  }

  std::string text(const char* key) {
    const Json* v = field(key);
    if (v == nullptr) return {};
    if (!v->is_string()) {
      problem(at(key), "文字列である必要があります。");
      return {};
    }
    return v->get<std::string>();
  }
  bool boolean(const char* key) {
    const Json* v = field(key);
    if (v == nullptr) return false;
    if (!v->is_boolean()) {
      problem(at(key), "true または false である必要があります。");
      return false;
    }
    return v->get<bool>();
  }
  std::int64_t integer(const char* key) {
    const Json* v = field(key);
    if (v == nullptr) return 0;
    if (!v->is_number_integer()) {
      problem(at(key), "整数である必要があります。");
      return 0;
    }
    return v->get<std::int64_t>();
  }
  int small_integer(const char* key) {
    std::int64_t v = integer(key);
    if (v < -1000000 || v > 1000000) {
      problem(at(key), "値が大きすぎます。");
      return 0;
    }
    return static_cast<int>(v);
  }
  std::optional<Date> date(const char* key) {
    const Json* v = field(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_string()) {
      problem(at(key), "日付（YYYY-MM-DD）または null である必要があります。");
      return std::nullopt;
    }
    auto d = Date::parse(v->get<std::string>());
    if (!d) problem(at(key), "日付は YYYY-MM-DD の形式で、実在する日付にしてください。");
    return d;
  }
  template <class IdT>
  std::optional<IdT> ref(const char* key) {
    const Json* v = field(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_number_integer() || v->get<std::int64_t>() <= 0) {
      problem(at(key), "参照先の id（正の整数）または null である必要があります。");
      return std::nullopt;
    }
    return IdT(v->get<std::int64_t>());
  }
  template <class E>
  E enumeration(const char* key, std::optional<E> (*from_code)(std::string_view), E fallback) {
    std::string c = text(key);
    if (!present(key)) return fallback;
    auto e = from_code(c);
    if (!e) {
      problem(at(key), "「" + c + "」は使えない値です。");
      return fallback;
    }
    return *e;
  }
  bool valid() const { return valid_; }

 private:
  bool present(const char* key) const { return valid_ && object_.contains(key); }
  const Json* field(const char* key) {
    if (!valid_) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
      problem(at(key), "項目がありません。");
      return nullptr;
    }
    return &*it;
  }
  std::string at(const char* key) const { return path_ + "." + key; }
  void problem(const std::string& path, const std::string& message) {
    problems_.push_back({path, 0, message});
  }

  const Json& object_;
  std::string path_;
  core::Problems& problems_;
  bool valid_ = true;
};

// Calls read(element, path) for each element of the array at key.
template <class T, class F>
std::vector<T> read_list(const Json& root, const char* key, core::Problems& problems, F read) {
  std::vector<T> out;
  auto it = root.find(key);
  if (it == root.end()) {
    problems.push_back({key, 0, "項目がありません。"});
    return out;
  }
  if (!it->is_array()) {
    problems.push_back({key, 0, "配列（[ … ]）である必要があります。"});
    return out;
  }
  int index = 0;
  for (const auto& element : *it) {
    std::string path = std::string(key) + "[" + std::to_string(index) + "]";
    ObjectReader r(element, path, problems);
    T record = read(r);
    if (r.valid()) out.push_back(std::move(record));
    ++index;
  }
  return out;
}

core::Plan read_plan(const Json& root, core::Problems& problems) {
  core::Plan plan;
  {
    auto it = root.find("facility");
    Json empty = nullptr;
    ObjectReader r(it == root.end() ? empty : *it, "facility", problems);
    plan.facility.name = r.text("name");
    plan.facility.address = r.text("address");
    plan.facility.phone = r.text("phone");
    plan.facility.document_department = r.text("document_department");
    plan.facility.effective_date = r.date("effective_date");
    plan.facility.edition = r.small_integer("edition");
    plan.facility.last_reviewed = r.date("last_reviewed");
  }
  {
    auto it = root.find("officer");
    Json empty = nullptr;
    ObjectReader r(it == root.end() ? empty : *it, "officer", problems);
    plan.officer.name = r.text("name");
    plan.officer.title = r.text("title");
    plan.officer.phone_day = r.text("phone_day");
    plan.officer.phone_night = r.text("phone_night");
    plan.officer.email = r.text("email");
  }
  plan.systems = read_list<core::InScopeSystem>(root, "systems", problems, [](ObjectReader& r) {
    core::InScopeSystem s;
    s.id = core::SystemId(r.integer("id"));
    s.name = r.text("name");
    s.description = r.text("description");
    s.vendor = r.ref<core::ExternalContactId>("vendor_contact");
    s.from_template = r.boolean("from_template");
    return s;
  });
  plan.threats = read_list<core::ThreatScenario>(root, "threats", problems, [](ObjectReader& r) {
    core::ThreatScenario t;
    t.id = core::ThreatId(r.integer("id"));
    t.kind = r.enumeration("kind", &core::threat_kind_from_code, core::ThreatKind::Other);
    t.title = r.text("title");
    t.description = r.text("description");
    return t;
  });
  plan.internal_contacts =
      read_list<core::InternalContact>(root, "internal_contacts", problems, [](ObjectReader& r) {
        core::InternalContact c;
        c.id = core::InternalContactId(r.integer("id"));
        c.name = r.text("name");
        c.role = r.text("role");
        c.department = r.text("department");
        c.phone_day = r.text("phone_day");
        c.phone_night = r.text("phone_night");
        c.email = r.text("email");
        c.reports_to = r.ref<core::InternalContactId>("reports_to");
        return c;
      });
  plan.external_contacts =
      read_list<core::ExternalContact>(root, "external_contacts", problems, [](ObjectReader& r) {
        core::ExternalContact c;
        c.id = core::ExternalContactId(r.integer("id"));
        c.category = r.enumeration("category", &core::external_category_from_code,
                                   core::ExternalCategory::Other);
        c.organization = r.text("organization");
        c.person = r.text("person");
        c.phone = r.text("phone");
        c.phone_after_hours = r.text("phone_after_hours");
        c.hours = r.text("hours");
        c.email = r.text("email");
        c.what_to_tell = r.text("what_to_tell");
        c.notify_on_incident = r.boolean("notify_on_incident");
        c.last_verified = r.date("last_verified");
        return c;
      });
  plan.devices = read_list<core::Device>(root, "devices", problems, [](ObjectReader& r) {
    core::Device d;
    d.id = core::DeviceId(r.integer("id"));
    d.asset_number = r.text("asset_number");
    d.name = r.text("name");
    d.kind = r.enumeration("kind", &core::device_kind_from_code, core::DeviceKind::Other);
    d.system = r.text("system");
    d.location = r.text("location");
    d.manager = r.text("manager");
    d.os = r.text("os");
    d.os_version = r.text("os_version");
    d.ip_address = r.text("ip_address");
    d.mac_address = r.text("mac_address");
    d.network_zone = r.text("network_zone");
    d.internet_facing = r.boolean("internet_facing");
    d.remote_maintenance = r.boolean("remote_maintenance");
    d.vendor = r.text("vendor");
    d.introduced = r.date("introduced");
    d.support_end = r.date("support_end");
    d.status = r.enumeration("status", &core::device_status_from_code, core::DeviceStatus::Active);
    d.last_stocktake = r.date("last_stocktake");
    d.note = r.text("note");
    return d;
  });
  plan.fallbacks =
      read_list<core::FallbackOperation>(root, "fallbacks", problems, [](ObjectReader& r) {
        core::FallbackOperation f;
        f.id = core::FallbackId(r.integer("id"));
        f.business = r.text("business");
        f.system = r.ref<core::SystemId>("system");
        f.system_label = r.text("system_label");
        f.fallback = r.text("fallback");
        f.materials = r.text("materials");
        f.return_to_normal = r.text("return_to_normal");
        return f;
      });
  plan.backups = read_list<core::BackupPlan>(root, "backups", problems, [](ObjectReader& r) {
    core::BackupPlan b;
    b.id = core::BackupPlanId(r.integer("id"));
    b.system = r.ref<core::SystemId>("system");
    b.system_label = r.text("system_label");
    b.frequency_days = r.small_integer("frequency_days");
    b.method = r.text("method");
    b.restore_method = r.text("restore_method");
    b.media = r.text("media");
    b.offline = r.boolean("offline");
    b.generations = r.small_integer("generations");
    return b;
  });
  return plan;
}

}  // namespace

PlanParseResult plan_from_json(std::string_view text) {
  PlanParseResult result;
  Json root = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    result.problems.push_back(
        {"$", 0, "JSON として読めません（構文エラー、または UTF-8 ではない文字を含みます）。"});
    return result;
  }
  if (!root.is_object()) {
    result.problems.push_back({"$", 0, "計画ファイルの最上位はオブジェクトである必要があります。"});
    return result;
  }
  if (root.value("format", Json(nullptr)) != Json("medbcp-plan")) {
    result.problems.push_back(
        {"format", 0,
         "medbcp の計画ファイルではありません（\"format\": \"medbcp-plan\" がありません）。"});
    return result;
  }
  auto version = root.value("version", Json(nullptr));
  if (!version.is_number_integer() || version.get<int>() != kPlanJsonVersion) {
    result.problems.push_back(
        {"version", 0,
         "この medbcp が読める計画ファイルの版は " + std::to_string(kPlanJsonVersion) + " です。"});
    return result;
  }
  std::set<std::string> known{"format", "version"};
  for (const core::SectionInfo& s : core::plan_sections()) known.emplace(s.code);
  for (const auto& [key, value] : root.items()) {
    if (!known.contains(key)) {
      result.problems.push_back({key, 0, "未知の項目です（綴りを確認してください）。"});
    }
  }
  core::Plan plan = read_plan(root, result.problems);
  if (result.problems.empty()) result.plan = std::move(plan);
  return result;
}

}  // namespace medbcp::io
