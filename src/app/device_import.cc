#include "app/device_import.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "app/audit.h"
#include "app/plan_service.h"
#include "core/device_ledger_columns.h"
#include "io/device_json.h"
#include "io/device_ledger_reader.h"
#include "io/device_ledger_writer.h"
#include "io/plan_json.h"
#include "io/plan_json_reader.h"
#include "io/xlsx_reader.h"

namespace medbcp::app {
namespace {

// Plan validation names device fields by their JSON names.
std::optional<core::DeviceField> field_of_plan_path(std::string_view name) {
  static const std::unordered_map<std::string_view, core::DeviceField> kFields = {
      {"asset_number", core::DeviceField::AssetNumber},
      {"name", core::DeviceField::Name},
      {"kind", core::DeviceField::Kind},
      {"system", core::DeviceField::System},
      {"location", core::DeviceField::Location},
      {"manager", core::DeviceField::Manager},
      {"os", core::DeviceField::Os},
      {"os_version", core::DeviceField::OsVersion},
      {"ip_address", core::DeviceField::IpAddress},
      {"mac_address", core::DeviceField::MacAddress},
      {"network_zone", core::DeviceField::NetworkZone},
      {"internet_facing", core::DeviceField::InternetFacing},
      {"remote_maintenance", core::DeviceField::RemoteMaintenance},
      {"vendor", core::DeviceField::Vendor},
      {"introduced", core::DeviceField::Introduced},
      {"support_end", core::DeviceField::SupportEnd},
      {"status", core::DeviceField::Status},
      {"last_stocktake", core::DeviceField::LastStocktake},
      {"note", core::DeviceField::Note},
  };
  const auto it = kFields.find(name);
  if (it == kFields.end()) return std::nullopt;
  return it->second;
}

// Rewrites a problem of the merged ledger ("devices[12].support_end") in the
// file's terms when the device came from the file; otherwise says that it is
// about a device already in the ledger.
// `labels` names the devices that did not come from the file.
core::Problem in_file_terms(core::Problem problem, const std::vector<int>& file_row_of_device,
                            const std::vector<std::string>& labels) {
  const std::string_view prefix = "devices[";
  if (!problem.field.starts_with(prefix)) return problem;
  const size_t close = problem.field.find("].");
  if (close == std::string::npos) return problem;
  const size_t index = std::stoul(problem.field.substr(prefix.size(), close - prefix.size()));
  if (index >= file_row_of_device.size()) return problem;
  const auto field = field_of_plan_path(std::string_view(problem.field).substr(close + 2));
  const std::string header = field ? core::device_header(*field) : problem.field;
  if (file_row_of_device[index] > 0) {
    return {header, file_row_of_device[index], problem.message};
  }
  return {header, 0, "台帳にある機器「" + labels[index] + "」: " + problem.message};
}

}  // namespace

DeviceImportResult import_devices(Workspace& ws, const Actor& actor, std::string_view file_bytes,
                                  bool dry_run) {
  require(actor, dry_run ? Permission::ReadPlan : Permission::EditPlan);
  DeviceImportResult result;
  try {
    result.file = io::read_device_ledger_file(file_bytes);
  } catch (const io::XlsxError& e) {
    result.problems.push_back({"", 0, std::string("XLSX として読めません: ") + e.what()});
    return result;
  }
  if (!result.file.ok()) {
    result.problems = result.file.errors;
    return result;
  }
  // A file that matches the ledger needs no transaction (and leaves no
  // empty history entry); re-importing an unchanged export is common.
  result.diff = core::diff_device_ledger(load_plan(ws).devices, result.file);
  if (dry_run || !result.diff.changes_anything()) return result;
  // The comparison happens inside the transaction, against the ledger as it
  // is when the import commits, not as it was when the file was read.
  std::vector<int> file_row_of_device;
  std::vector<std::string> labels;
  core::Problems problems = update_plan(ws, actor, [&](core::Plan& plan) {
    result.diff = core::diff_device_ledger(plan.devices, result.file);
    const size_t before = plan.devices.size();
    plan.devices = core::apply_device_ledger_diff(std::move(plan.devices),
                                                  std::move(result.file.devices), result.diff);
    result.file.devices.clear();
    file_row_of_device.assign(plan.devices.size(), 0);
    size_t next_added = before;
    for (const core::DeviceChange& change : result.diff.devices) {
      const size_t index = change.current_index ? *change.current_index : next_added++;
      file_row_of_device[index] = change.row;
    }
    labels.assign(plan.devices.size(), std::string());
    for (size_t i = 0; i < before; ++i) {
      if (file_row_of_device[i] == 0) {
        labels[i] = plan.devices[i].asset_number + " " + plan.devices[i].name;
      }
    }
  });
  for (core::Problem& problem : problems) {
    result.problems.push_back(in_file_terms(std::move(problem), file_row_of_device, labels));
  }
  result.applied = result.problems.empty();
  return result;
}

DeviceImportResult import_devices_json(Workspace& ws, const Actor& actor, std::string_view json,
                                       bool dry_run) {
  require(actor, Permission::EditPlan);
  DeviceImportResult out;
  nlohmann::json devices;
  try {
    devices = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    out.problems.push_back(
        {"body", 0,
         "JSON を読めません（" + std::to_string(e.byte) +
             " バイト目）。GET /api/v1/devices と同じ形の配列を送ってください。"});
    return out;
  }
  if (!devices.is_array()) {
    out.problems.push_back(
        {"body", 0, "本文は機器の配列（GET /api/v1/devices と同じ形）にしてください。"});
    return out;
  }
  // Read as the plan file reads its devices: the stored plan with these in
  // place of its ledger, so every device is checked by the same rules.
  nlohmann::json plan = nlohmann::json::parse(io::plan_to_json(load_plan(ws)));
  plan["devices"] = std::move(devices);
  auto parsed = io::plan_from_json(plan.dump());
  if (!parsed.plan) {
    for (auto& p : parsed.problems) {
      if (p.field.starts_with("devices")) out.problems.push_back(std::move(p));
    }
    if (out.problems.empty()) out.problems = std::move(parsed.problems);
    return out;
  }
  const auto csv = io::device_ledger_csv(parsed.plan->devices, io::CsvEncoding::Utf8Bom);
  return import_devices(ws, actor, csv.bytes, dry_run);
}

DeviceExport export_devices(Workspace& ws, const Actor& actor, DeviceExportFormat format) {
  require(actor, Permission::Export);
  const core::Plan plan = load_plan(ws);
  DeviceExport out;
  switch (format) {
    case DeviceExportFormat::CsvUtf8:
    case DeviceExportFormat::CsvCp932: {
      io::LedgerExport csv = io::device_ledger_csv(
          plan.devices, format == DeviceExportFormat::CsvUtf8 ? io::CsvEncoding::Utf8Bom
                                                              : io::CsvEncoding::Cp932);
      out.bytes = std::move(csv.bytes);
      out.problems = std::move(csv.problems);
      break;
    }
    case DeviceExportFormat::Xlsx:
      out.bytes = io::device_ledger_xlsx(plan.devices);
      break;
    case DeviceExportFormat::Json:
      out.bytes = io::devices_compact_json(plan.devices) + "\n";
      break;
  }
  if (out.problems.empty()) {
    const char* kind = format == DeviceExportFormat::Xlsx       ? "XLSX"
                       : format == DeviceExportFormat::Json     ? "JSON"
                       : format == DeviceExportFormat::CsvCp932 ? "CSV Shift_JIS"
                                                                : "CSV UTF-8";
    audit_export(ws, actor, std::string("情報機器台帳（") + kind + "）",
                 std::to_string(plan.devices.size()) + " 台");
  }
  return out;
}

}  // namespace medbcp::app
