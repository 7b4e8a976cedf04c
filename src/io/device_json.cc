#include "io/device_json.h"

#include <cstdio>

#include "core/text.h"

namespace medbcp::io {
namespace {

using core::Date;

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Runs that need nothing done (most of every string) go in whole.
    std::size_t plain = i;
    while (plain < s.size()) {
      const unsigned char b = static_cast<unsigned char>(s[plain]);
      if (b < 0x20 || b == '"' || b == '\\') break;
      if (b >= 0x80) {
        const std::size_t n = core::utf8_sequence_length(s, plain);
        if (n == 0) break;
        plain += n;
      } else {
        ++plain;
      }
    }
    if (plain > i) {
      out.append(s.substr(i, plain - i));
      i = plain;
      if (i == s.size()) break;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (c < 0x80) {
          out += static_cast<char>(c);
        } else if (const std::size_t n = core::utf8_sequence_length(s, i); n == 0) {
          out += "\xEF\xBF\xBD";  // as error_handler_t::replace
        } else {
          out.append(s.substr(i, n));
          i += n - 1;
        }
    }
  }
  out += '"';
}

// The devices' fields, in the order devices_json writes them.
constexpr const char* kDeviceKeys[] = {"id",
                                       "asset_number",
                                       "name",
                                       "kind",
                                       "system",
                                       "location",
                                       "manager",
                                       "os",
                                       "os_version",
                                       "ip_address",
                                       "mac_address",
                                       "network_zone",
                                       "internet_facing",
                                       "remote_maintenance",
                                       "vendor",
                                       "introduced",
                                       "support_end",
                                       "status",
                                       "last_stocktake",
                                       "note"};

// Writes the devices as objects (`keyless` false) or as arrays of values in
// kDeviceKeys order (`keyless` true).
void append_devices(std::string& out, const std::vector<const core::Device*>& list, bool keyless) {
  std::size_t field = 0;
  auto key = [&] {
    const char* k = kDeviceKeys[field++];
    if (keyless) return;
    out += '"';
    out += k;
    out += "\":";
  };
  auto text = [&](const std::string& v) {
    key();
    append_json_string(out, v);
    out += ',';
  };
  auto flag = [&](bool v) {
    key();
    out += v ? "true," : "false,";
  };
  auto date = [&](const std::optional<Date>& d) {
    key();
    if (d) {
      append_json_string(out, d->iso());
    } else {
      out += "null";
    }
    out += ',';
  };
  out += '[';
  for (const core::Device* p : list) {
    const core::Device& d = *p;
    field = 0;
    out += keyless ? '[' : '{';
    key();
    out += std::to_string(d.id.value);
    out += ',';
    text(d.asset_number);
    text(d.name);
    text(core::code(d.kind));
    text(d.system);
    text(d.location);
    text(d.manager);
    text(d.os);
    text(d.os_version);
    text(d.ip_address);
    text(d.mac_address);
    text(d.network_zone);
    flag(d.internet_facing);
    flag(d.remote_maintenance);
    text(d.vendor);
    date(d.introduced);
    date(d.support_end);
    text(core::code(d.status));
    date(d.last_stocktake);
    key();
    append_json_string(out, d.note);
    out += keyless ? "]," : "},";
  }
  if (out.back() == ',') out.pop_back();
  out += ']';
}

std::vector<const core::Device*> pointers(const std::vector<core::Device>& list) {
  std::vector<const core::Device*> out;
  out.reserve(list.size());
  for (const auto& d : list) out.push_back(&d);
  return out;
}

}  // namespace

std::string devices_compact_json(const std::vector<core::Device>& list) {
  std::string out;
  out.reserve(list.size() * 420 + 2);
  append_devices(out, pointers(list), false);
  return out;
}

std::string devices_history_json(const std::vector<const core::Device*>& devices) {
  std::string out = "{\"columns\":[";
  for (const char* k : kDeviceKeys) {
    out += '"';
    out += k;
    out += "\",";
  }
  out.back() = ']';
  out += ",\"rows\":";
  out.reserve(out.size() + devices.size() * 220 + 2);
  append_devices(out, devices, true);
  out += '}';
  return out;
}

std::string devices_history_json(const std::vector<core::Device>& devices) {
  return devices_history_json(pointers(devices));
}

}  // namespace medbcp::io
