#include "store/plan_store.h"

#include "store/record_table.h"

namespace medbcp::store {
namespace {

using namespace core;

const RecordTable<ExternalContact>& external_table() {
  static const RecordTable<ExternalContact> t{
      "external_contacts",
      {enum_column("category", &ExternalContact::category, &code, &external_category_from_code,
                   ExternalCategory::Other),
       text_column("organization", &ExternalContact::organization),
       text_column("person", &ExternalContact::person),
       text_column("phone", &ExternalContact::phone),
       text_column("phone_after_hours", &ExternalContact::phone_after_hours),
       text_column("hours", &ExternalContact::hours), text_column("email", &ExternalContact::email),
       text_column("what_to_tell", &ExternalContact::what_to_tell),
       bool_column("notify_on_incident", &ExternalContact::notify_on_incident),
       date_column("last_verified", &ExternalContact::last_verified)}};
  return t;
}

const RecordTable<InScopeSystem>& system_table() {
  static const RecordTable<InScopeSystem> t{
      "systems",
      {text_column("name", &InScopeSystem::name),
       text_column("description", &InScopeSystem::description),
       ref_column("vendor_contact_id", &InScopeSystem::vendor),
       bool_column("from_template", &InScopeSystem::from_template)}};
  return t;
}

const RecordTable<ThreatScenario>& threat_table() {
  static const RecordTable<ThreatScenario> t{
      "threats",
      {enum_column("kind", &ThreatScenario::kind, &code, &threat_kind_from_code, ThreatKind::Other),
       text_column("title", &ThreatScenario::title),
       text_column("description", &ThreatScenario::description)}};
  return t;
}

const RecordTable<InternalContact>& internal_table() {
  static const RecordTable<InternalContact> t{
      "internal_contacts",
      {text_column("name", &InternalContact::name), text_column("role", &InternalContact::role),
       text_column("department", &InternalContact::department),
       text_column("phone_day", &InternalContact::phone_day),
       text_column("phone_night", &InternalContact::phone_night),
       text_column("email", &InternalContact::email),
       ref_column("reports_to", &InternalContact::reports_to)}};
  return t;
}

const RecordTable<Device>& device_table() {
  static const RecordTable<Device> t{
      "devices",
      {text_column("asset_number", &Device::asset_number), text_column("name", &Device::name),
       enum_column("kind", &Device::kind, &code, &device_kind_from_code, DeviceKind::Other),
       text_column("system", &Device::system), text_column("location", &Device::location),
       text_column("manager", &Device::manager), text_column("os", &Device::os),
       text_column("os_version", &Device::os_version),
       text_column("ip_address", &Device::ip_address),
       text_column("mac_address", &Device::mac_address),
       text_column("network_zone", &Device::network_zone),
       bool_column("internet_facing", &Device::internet_facing),
       bool_column("remote_maintenance", &Device::remote_maintenance),
       text_column("vendor", &Device::vendor), date_column("introduced", &Device::introduced),
       date_column("support_end", &Device::support_end),
       enum_column("status", &Device::status, &code, &device_status_from_code,
                   DeviceStatus::Active),
       date_column("last_stocktake", &Device::last_stocktake), text_column("note", &Device::note)}};
  return t;
}

const RecordTable<FallbackOperation>& fallback_table() {
  static const RecordTable<FallbackOperation> t{
      "fallbacks",
      {text_column("business", &FallbackOperation::business),
       ref_column("system_id", &FallbackOperation::system),
       text_column("system_label", &FallbackOperation::system_label),
       text_column("fallback", &FallbackOperation::fallback),
       text_column("materials", &FallbackOperation::materials),
       text_column("return_to_normal", &FallbackOperation::return_to_normal)}};
  return t;
}

const RecordTable<BackupPlan>& backup_table() {
  static const RecordTable<BackupPlan> t{
      "backup_plans",
      {ref_column("system_id", &BackupPlan::system),
       text_column("system_label", &BackupPlan::system_label),
       int_column("frequency_days", &BackupPlan::frequency_days),
       text_column("method", &BackupPlan::method),
       text_column("restore_method", &BackupPlan::restore_method),
       text_column("media", &BackupPlan::media), bool_column("offline", &BackupPlan::offline),
       int_column("generations", &BackupPlan::generations)}};
  return t;
}

std::optional<Date> date_or_null(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return Date::parse(s.text(column));
}

}  // namespace

bool has_plan(Database& db) {
  auto stmt = db.prepare("SELECT COUNT(*) FROM facility");
  stmt->step();
  return stmt->integer(0) > 0;
}

std::optional<Plan> load_plan(Database& db) {
  auto facility = db.prepare(
      "SELECT name, address, phone, document_department, effective_date, edition, last_reviewed "
      "FROM facility WHERE id = 1");
  if (!facility->step()) return std::nullopt;
  Plan plan;
  plan.facility.name = facility->text(0);
  plan.facility.address = facility->text(1);
  plan.facility.phone = facility->text(2);
  plan.facility.document_department = facility->text(3);
  plan.facility.effective_date = date_or_null(*facility, 4);
  plan.facility.edition = static_cast<int>(facility->integer(5));
  plan.facility.last_reviewed = date_or_null(*facility, 6);

  auto officer = db.prepare(
      "SELECT name, title, phone_day, phone_night, email FROM security_officer WHERE id = 1");
  if (officer->step()) {
    plan.officer = {officer->text(0), officer->text(1), officer->text(2), officer->text(3),
                    officer->text(4)};
  }
  plan.external_contacts = external_table().load(db);
  plan.systems = system_table().load(db);
  plan.threats = threat_table().load(db);
  plan.internal_contacts = internal_table().load(db);
  plan.devices = device_table().load(db);
  plan.fallbacks = fallback_table().load(db);
  plan.backups = backup_table().load(db);
  return plan;
}

void save_plan(Database& db, const Plan& plan) {
  const Facility& f = plan.facility;
  db.prepare(
        "INSERT INTO facility (id, name, address, phone, document_department, effective_date, "
        "edition, last_reviewed) VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, address = excluded.address, phone = excluded.phone, "
        "document_department = excluded.document_department, "
        "effective_date = excluded.effective_date, edition = excluded.edition, "
        "last_reviewed = excluded.last_reviewed")
      ->bind(1, f.name)
      .bind(2, f.address)
      .bind(3, f.phone)
      .bind(4, f.document_department)
      .bind(5, f.effective_date ? std::optional(f.effective_date->iso()) : std::nullopt)
      .bind(6, f.edition)
      .bind(7, f.last_reviewed ? std::optional(f.last_reviewed->iso()) : std::nullopt)
      .run();
  const SecurityOfficer& o = plan.officer;
  db.prepare(
        "INSERT INTO security_officer (id, name, title, phone_day, phone_night, email) "
        "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
        "title = excluded.title, phone_day = excluded.phone_day, "
        "phone_night = excluded.phone_night, email = excluded.email")
      ->bind(1, o.name)
      .bind(2, o.title)
      .bind(3, o.phone_day)
      .bind(4, o.phone_night)
      .bind(5, o.email)
      .run();
  external_table().save(db, plan.external_contacts);
  system_table().save(db, plan.systems);
  threat_table().save(db, plan.threats);
  internal_table().save(db, plan.internal_contacts);
  device_table().save(db, plan.devices);
  fallback_table().save(db, plan.fallbacks);
  backup_table().save(db, plan.backups);
}

void delete_plan(Database& db) {
  db.execute_script(
      "DELETE FROM backup_plans; DELETE FROM fallbacks; DELETE FROM devices;"
      "DELETE FROM internal_contacts; DELETE FROM threats; DELETE FROM systems;"
      "DELETE FROM external_contacts; DELETE FROM security_officer; DELETE FROM facility;");
}

}  // namespace medbcp::store
