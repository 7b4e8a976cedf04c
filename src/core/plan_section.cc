#include "core/plan_section.h"

#include <array>

namespace medbcp::core {
namespace {

template <auto Member>
std::size_t list_count(const Plan& plan) {
  return (plan.*Member).size();
}

template <auto Member>
std::int64_t list_id(const Plan& plan, std::size_t index) {
  const auto& list = plan.*Member;
  return index < list.size() ? list[index].id.value : 0;
}

std::size_t one_record(const Plan&) { return 1; }
std::int64_t no_id(const Plan&, std::size_t) { return 0; }

template <auto Member>
bool same_member(const Plan& a, const Plan& b) {
  return a.*Member == b.*Member;
}

template <auto Member>
constexpr SectionInfo list_section(Section s, std::string_view code, std::string_view label,
                                   std::string_view title, std::string_view clause) {
  return {s,
          code,
          label,
          title,
          clause,
          true,
          &list_count<Member>,
          &list_id<Member>,
          &same_member<Member>};
}

template <auto Member>
constexpr SectionInfo single_section(Section s, std::string_view code, std::string_view label,
                                     std::string_view title, std::string_view clause) {
  return {s, code, label, title, clause, false, &one_record, &no_id, &same_member<Member>};
}

// The clause names the part of templates/bcp-ja.md the section fills.
constexpr std::array kSections = {
    single_section<&Plan::facility>(Section::Facility, "facility", "医療機関", "医療機関と施行日",
                                    "総則・附則"),
    single_section<&Plan::officer>(Section::Officer, "officer", "医療情報システム安全管理責任者",
                                   "医療情報システム安全管理責任者", "第２章 体制整備"),
    list_section<&Plan::systems>(Section::Systems, "systems", "対象システム", "対象システム",
                                 "総則 ３ 対象範囲"),
    list_section<&Plan::threats>(Section::Threats, "threats", "想定する事象", "想定する事象",
                                 "総則 ４ 想定する事象"),
    list_section<&Plan::internal_contacts>(Section::InternalContacts, "internal_contacts",
                                           "連絡体制図（院内）", "連絡体制図（院内）",
                                           "別紙１ 連絡体制図"),
    list_section<&Plan::external_contacts>(Section::ExternalContacts, "external_contacts",
                                           "外部関係機関の連絡先", "外部関係機関の連絡先",
                                           "別紙１ 連絡体制図"),
    list_section<&Plan::devices>(Section::Devices, "devices", "情報機器台帳",
                                 "情報機器台帳（別紙２）", "別紙２ 情報機器台帳"),
    list_section<&Plan::fallbacks>(Section::Fallbacks, "fallbacks", "代替運用", "代替運用",
                                   "第２章 代替運用"),
    list_section<&Plan::backups>(Section::Backups, "backups", "バックアップ体制",
                                 "バックアップ体制", "第２章 バックアップ体制"),
};

}  // namespace

std::span<const SectionInfo> plan_sections() { return kSections; }

const SectionInfo& section_info(Section s) {
  // kSections is in enum order; the registry test proves it.
  return kSections[static_cast<std::size_t>(s)];
}

std::optional<Section> section_from_code(std::string_view code) {
  for (const SectionInfo& s : kSections) {
    if (s.code == code) return s.section;
  }
  return std::nullopt;
}

const char* label(Section s) { return section_info(s).label.data(); }
const char* code(Section s) { return section_info(s).code.data(); }

}  // namespace medbcp::core
