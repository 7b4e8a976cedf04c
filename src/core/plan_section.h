// The plan's sections, listed once. Everything that walks the plan section by
// section — the JSON file, the store, the plan's history and its labels,
// readiness, the web editors, the document's values — takes the list, the
// codes and the labels from plan_sections(), and reaches a section's records
// through its entry rather than through a list of names of its own.
//
// Adding a section (docs/architecture.md has the full recipe):
//  1. its member in core::Plan (core/plan.h) and its value in Section below;
//  2. its entry in plan_sections() (core/plan_section.cc);
//  3. build: -Werror=switch stops at every switch on Section that must learn
//     it — its JSON (io/plan_json.cc), its table (store/plan_store.cc), its
//     editor (web/plan_sections.cc), its gaps' anchors (web/plan_links.cc);
//  4. a migration for its table (src/store/migrations/);
//  5. src/core/plan_section_test.cc and the registry round-trip test
//     (tests/integration/plan_section_registry_test.cc) then cover it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/plan.h"

namespace medbcp::core {

// In the order of the printed plan.
enum class Section {
  Facility,
  Officer,
  Systems,
  Threats,
  InternalContacts,
  ExternalContacts,
  Devices,
  Fallbacks,
  Backups,
};

struct SectionInfo {
  Section section;
  std::string_view code;    // "internal_contacts": URLs, JSON keys, history rows
  std::string_view label;   // 「連絡体制図（院内）」: lists, history, audit log
  std::string_view title;   // the editor's heading: 「情報機器台帳（別紙２）」
  std::string_view clause;  // where the template fills it: 「別紙２」
  bool is_list;             // records (rows) rather than one form
  // How many records the plan holds (1 for a single-form section).
  std::size_t (*record_count)(const Plan&);
  // The id of the index-th record; 0 past the end and for single forms.
  std::int64_t (*record_id)(const Plan&, std::size_t index);
  // Whether two plans hold the same records in this section.
  bool (*same)(const Plan&, const Plan&);
};

// Every section, in the order of the printed plan.
std::span<const SectionInfo> plan_sections();
const SectionInfo& section_info(Section);
// The section of a code ("devices"); nullopt for anything else.
std::optional<Section> section_from_code(std::string_view code);

const char* label(Section);  // 日本語の節名
const char* code(Section);   // "facility", "officer", … (URLs, JSON)

}  // namespace medbcp::core
