#include "io/device_ledger_diff.h"

#include <unordered_map>

#include "io/text_encoding.h"

namespace medbcp::io {
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
  for (const ImportedDevice& row : imported.devices) {
    DeviceChange change;
    change.row = row.row;
    const auto it = index.find(asset_number_key(row.device.asset_number));
    if (it == index.end()) {
      change.kind = DeviceChangeKind::Added;
      change.device = row.device;
      diff.devices.push_back(std::move(change));
      continue;
    }
    const core::Device& before = current[it->second];
    matched[it->second] = true;
    change.current_index = it->second;
    change.device = before;
    for (DeviceField field : imported.columns) {
      if (field == DeviceField::AssetNumber) continue;  // matched, so equal as a key
      std::string old_text = device_field_text(before, field);
      std::string new_text = device_field_text(row.device, field);
      if (same_text(old_text, new_text)) continue;
      copy_field(change.device, row.device, field);
      change.changes.push_back({field, std::move(old_text), std::move(new_text)});
    }
    change.kind = change.changes.empty() ? DeviceChangeKind::Unchanged : DeviceChangeKind::Updated;
    diff.devices.push_back(std::move(change));
  }
  for (size_t i = 0; i < current.size(); ++i) {
    if (!matched[i]) diff.absent.push_back(current[i]);
  }
  return diff;
}

std::vector<core::Device> apply_device_ledger_diff(const std::vector<core::Device>& current,
                                                   const LedgerDiff& diff) {
  std::vector<core::Device> out = current;
  out.reserve(current.size() + static_cast<size_t>(diff.count(DeviceChangeKind::Added)));
  for (const DeviceChange& change : diff.devices) {
    if (change.kind == DeviceChangeKind::Updated) {
      out[*change.current_index] = change.device;
    } else if (change.kind == DeviceChangeKind::Added) {
      out.push_back(change.device);
    }
  }
  return out;
}

}  // namespace medbcp::io
