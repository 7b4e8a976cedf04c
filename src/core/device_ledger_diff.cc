#include "core/device_ledger_diff.h"

#include <unordered_map>

#include "core/cp932_twins.h"

namespace medbcp::core {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Equal as a person reads them: identical text, or text that differs only
// by the JIS/Microsoft twins (〜 typed on a Mac, ～ read back from CP932).
bool same_text(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (is_ascii(a) && is_ascii(b)) return false;
  return fold_cp932_variants(a) == fold_cp932_variants(b);
}

const std::string* text_of(const core::Device& d, DeviceField field) {
  switch (field) {
    case DeviceField::AssetNumber:
      return &d.asset_number;
    case DeviceField::Name:
      return &d.name;
    case DeviceField::System:
      return &d.system;
    case DeviceField::Location:
      return &d.location;
    case DeviceField::Manager:
      return &d.manager;
    case DeviceField::Os:
      return &d.os;
    case DeviceField::OsVersion:
      return &d.os_version;
    case DeviceField::IpAddress:
      return &d.ip_address;
    case DeviceField::MacAddress:
      return &d.mac_address;
    case DeviceField::NetworkZone:
      return &d.network_zone;
    case DeviceField::Vendor:
      return &d.vendor;
    case DeviceField::Note:
      return &d.note;
    default:
      return nullptr;
  }
}

// Compares one field without formatting it: this runs for every field of
// every row of the file.
bool same_value(const core::Device& a, const core::Device& b, DeviceField field) {
  if (const std::string* text = text_of(a, field)) return same_text(*text, *text_of(b, field));
  switch (field) {
    case DeviceField::Kind:
      return a.kind == b.kind;
    case DeviceField::Status:
      return a.status == b.status;
    case DeviceField::InternetFacing:
      return a.internet_facing == b.internet_facing;
    case DeviceField::RemoteMaintenance:
      return a.remote_maintenance == b.remote_maintenance;
    case DeviceField::Introduced:
      return a.introduced == b.introduced;
    case DeviceField::SupportEnd:
      return a.support_end == b.support_end;
    case DeviceField::LastStocktake:
      return a.last_stocktake == b.last_stocktake;
    default:
      return false;
  }
}

void copy_field(core::Device& to, const core::Device& from, DeviceField field) {
  switch (field) {
    case DeviceField::AssetNumber:
      to.asset_number = from.asset_number;
      break;
    case DeviceField::Name:
      to.name = from.name;
      break;
    case DeviceField::Kind:
      to.kind = from.kind;
      break;
    case DeviceField::System:
      to.system = from.system;
      break;
    case DeviceField::Location:
      to.location = from.location;
      break;
    case DeviceField::Manager:
      to.manager = from.manager;
      break;
    case DeviceField::Os:
      to.os = from.os;
      break;
    case DeviceField::OsVersion:
      to.os_version = from.os_version;
      break;
    case DeviceField::IpAddress:
      to.ip_address = from.ip_address;
      break;
    case DeviceField::MacAddress:
      to.mac_address = from.mac_address;
      break;
    case DeviceField::NetworkZone:
      to.network_zone = from.network_zone;
      break;
    case DeviceField::InternetFacing:
      to.internet_facing = from.internet_facing;
      break;
    case DeviceField::RemoteMaintenance:
      to.remote_maintenance = from.remote_maintenance;
      break;
    case DeviceField::Vendor:
      to.vendor = from.vendor;
      break;
    case DeviceField::Introduced:
      to.introduced = from.introduced;
      break;
    case DeviceField::SupportEnd:
      to.support_end = from.support_end;
      break;
    case DeviceField::Status:
      to.status = from.status;
      break;
    case DeviceField::LastStocktake:
      to.last_stocktake = from.last_stocktake;
      break;
    case DeviceField::Note:
      to.note = from.note;
      break;
  }
}

}  // namespace

int LedgerDiff::count(DeviceChangeKind kind) const {
  int n = 0;
  for (const DeviceChange& change : devices) n += change.kind == kind ? 1 : 0;
  return n;
}

bool LedgerDiff::changes_anything() const {
  return count(DeviceChangeKind::Added) + count(DeviceChangeKind::Updated) > 0;
}

LedgerDiff diff_device_ledger(const std::vector<core::Device>& current,
                              const DeviceLedgerImport& imported) {
  // The first device wins when the ledger itself repeats a 管理番号.
  std::unordered_map<std::string, size_t> index;
  index.reserve(current.size());
  for (size_t i = 0; i < current.size(); ++i) {
    const std::string key = asset_number_key(current[i].asset_number);
    if (!key.empty()) index.emplace(key, i);
  }

  LedgerDiff diff;
  diff.devices.reserve(imported.devices.size());
  std::vector<bool> matched(current.size(), false);
  for (size_t f = 0; f < imported.devices.size(); ++f) {
    const core::Device& device = imported.devices[f];
    DeviceChange change;
    change.row = imported.rows[f];
    change.file_index = f;
    const auto it = index.find(asset_number_key(device.asset_number));
    if (it == index.end()) {
      change.kind = DeviceChangeKind::Added;
      diff.devices.push_back(std::move(change));
      continue;
    }
    const core::Device& before = current[it->second];
    matched[it->second] = true;
    change.current_index = it->second;
    for (DeviceField field : imported.columns) {
      if (field == DeviceField::AssetNumber) continue;  // matched, so equal as a key
      if (same_value(before, device, field)) continue;
      change.changes.push_back(
          {field, device_field_text(before, field), device_field_text(device, field)});
    }
    change.kind = change.changes.empty() ? DeviceChangeKind::Unchanged : DeviceChangeKind::Updated;
    if (change.kind == DeviceChangeKind::Updated) {
      change.label = before.asset_number + "「" + device.name + "」";
    }
    diff.devices.push_back(std::move(change));
  }
  for (size_t i = 0; i < current.size(); ++i) {
    if (!matched[i]) diff.absent.push_back(current[i]);
  }
  return diff;
}

std::vector<core::Device> apply_device_ledger_diff(std::vector<core::Device> current,
                                                   std::vector<core::Device>&& file_devices,
                                                   const LedgerDiff& diff) {
  // Into an empty ledger every row is added, in file order: hand over the
  // file's devices whole.
  if (current.empty() &&
      diff.count(DeviceChangeKind::Added) == static_cast<int>(file_devices.size())) {
    return std::move(file_devices);
  }
  current.reserve(current.size() + static_cast<size_t>(diff.count(DeviceChangeKind::Added)));
  for (const DeviceChange& change : diff.devices) {
    core::Device& from = file_devices[change.file_index];
    if (change.kind == DeviceChangeKind::Updated) {
      for (const FieldChange& field : change.changes) {
        copy_field(current[*change.current_index], from, field.field);
      }
    } else if (change.kind == DeviceChangeKind::Added) {
      current.push_back(std::move(from));
    }
  }
  return current;
}

}  // namespace medbcp::core
