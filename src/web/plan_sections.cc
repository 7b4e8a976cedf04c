// Each section of the plan described once: its fields in the order of the
// template, which of them are columns of the list, and how deleting a row
// keeps the rest of the plan consistent.
#include "web/plan_sections.h"

#include <map>

#include "core/wareki.h"
#include "web/device_transfer_pages.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

using core::Plan;
namespace f = fields;

// --- options for references ---

std::vector<Option> system_options(const Plan& plan, const char* none_label) {
  std::vector<Option> out{{"", none_label}};
  for (const auto& s : plan.systems) out.push_back({std::to_string(s.id.value), s.name});
  return out;
}

std::string system_name(const Plan& plan, core::SystemId id) {
  const auto* s = plan.find_system(id);
  return s ? s->name : "（削除されたシステム）";
}

std::string external_name(const Plan& plan, core::ExternalContactId id) {
  const auto* c = plan.find_external(id);
  return c ? c->organization : "（削除された連絡先）";
}

std::string internal_name(const Plan& plan, core::InternalContactId id) {
  const auto* c = plan.find_internal(id);
  return c ? c->name : "（削除された連絡先）";
}

// The section's URL code and heading come from the plan's registry.
template <class S>
void name_after(S& sec, core::Section section) {
  const core::SectionInfo& info = core::section_info(section);
  sec.code = std::string(info.code);
  sec.title = std::string(info.title);
}

// --- the sections ---

std::shared_ptr<const SingleSection<core::Facility>> facility_section() {
  static const auto s = [] {
    auto sec = std::make_shared<SingleSection<core::Facility>>();
    name_after(*sec, core::Section::Facility);
    sec->intro =
        "計画の表紙と総則に載る医療機関の情報です。施行日は附則「本ＢＣＰは、令和○年○月○日から施行"
        "する」"
        "の日付です。和暦でも西暦でも入力できます。";
    sec->member = &Plan::facility;
    using F = core::Facility;
    sec->fields = {
        f::text<F>("name", "医療機関名", &F::name)
            .required()
            .hint("計画の中で「当院」と呼ぶ医療機関の正式名称"),
        f::text<F>("address", "住所", &F::address),
        f::text<F>("phone", "代表電話", &F::phone, FieldKind::Tel).hint("例：054-000-0000"),
        f::text<F>("document_department", "文書の管理部門", &F::document_department)
            .hint("本ＢＣＰの原本と関連資料を管理する部門（ひな形の「〇〇部門」）。例：事務部門"),
        f::date<F>("effective_date", "施行日", &F::effective_date),
        f::date<F>("last_reviewed", "最終見直し日", &F::last_reviewed),
    };
    sec->before_form = [](const Plan& plan, Html& h) {
      h.open("dl", {{"class", "facts"}});
      h.el("dt", "版数");
      h.el("dd", "第" + std::to_string(plan.facility.edition) +
                     "版（「版と周知」で新しい版を発行すると更新されます）");
      h.el("dt", "施行日（和暦）");
      h.el("dd", plan.facility.effective_date ? core::format_wareki(*plan.facility.effective_date)
                                              : "未設定");
      h.close("dl");
    };
    return sec;
  }();
  return s;
}

std::shared_ptr<const SingleSection<core::SecurityOfficer>> officer_section() {
  static const auto s = [] {
    auto sec = std::make_shared<SingleSection<core::SecurityOfficer>>();
    name_after(*sec, core::Section::Officer);
    sec->intro =
        "体制整備１。インシデントの発見者が最初に報告する相手で、連絡体制図（別紙１）の最上位です。"
        "夜間・休日にもつながる連絡先を入れてください。";
    sec->member = &Plan::officer;
    using O = core::SecurityOfficer;
    sec->fields = {
        f::text<O>("name", "氏名", &O::name).required(),
        f::text<O>("title", "役職", &O::title).hint("例：院長"),
        f::text<O>("phone_day", "電話（日中）", &O::phone_day, FieldKind::Tel),
        f::text<O>("phone_night", "電話（夜間・休日）", &O::phone_night, FieldKind::Tel),
        f::text<O>("email", "メールアドレス", &O::email, FieldKind::Email),
    };
    return sec;
  }();
  return s;
}

std::shared_ptr<const ListSection<core::InScopeSystem>> systems_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::InScopeSystem>>();
    using S = core::InScopeSystem;
    name_after(*sec, core::Section::Systems);
    sec->noun = "システム";
    sec->intro =
        "総則３ 対象範囲。本ＢＣＰの対象とする医療情報システムです。使っていないものは削除し、"
        "当院独自のシステムを追加してください。";
    sec->list = &Plan::systems;
    sec->name_of = [](const S& r) { return r.name; };
    sec->fields = {
        f::text<S>("name", "システム名", &S::name).required().in_table(),
        f::text<S>("description", "用途・製品名", &S::description, FieldKind::TextArea).in_table(),
        f::reference<S, core::ExternalContactId>(
            "vendor_contact", "システム事業者", &S::vendor,
            [](const Plan& plan, const S&) {
              std::vector<Option> out{{"", "（未設定）"}};
              for (const auto& c : plan.external_contacts) {
                out.push_back({std::to_string(c.id.value),
                               c.organization + "（" + core::label(c.category) + "）"});
              }
              return out;
            },
            external_name)
            .hint("別紙１の外部連絡先から選びます。先に外部連絡先を登録してください。")
            .in_table(),
    };
    sec->on_delete = [](Plan& plan, core::SystemId id) {
      std::string name = system_name(plan, id);
      for (auto& fb : plan.fallbacks) {
        if (fb.system == id) {
          fb.system.reset();
          if (fb.system_label.empty()) fb.system_label = name;
        }
      }
      for (auto& b : plan.backups) {
        if (b.system == id) {
          b.system.reset();
          if (b.system_label.empty()) b.system_label = name;
        }
      }
    };
    return sec;
  }();
  return s;
}

std::shared_ptr<const ListSection<core::ThreatScenario>> threats_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::ThreatScenario>>();
    using T = core::ThreatScenario;
    using K = core::ThreatKind;
    name_after(*sec, core::Section::Threats);
    sec->noun = "事象";
    sec->intro =
        "総則４。本ＢＣＰが想定するサイバー攻撃による医療情報システムの利用停止、"
        "または医療情報の漏えい（そのおそれを含む）です。";
    sec->list = &Plan::threats;
    sec->name_of = [](const T& r) { return r.title; };
    sec->fields = {
        f::text<T>("title", "事象", &T::title).required().in_table(),
        f::choice<T, K>(
            "kind", "種類", &T::kind,
            {K::TargetedEmail, K::UnauthorizedAccess, K::Malware, K::Precursor, K::Other})
            .in_table(),
        f::text<T>("description", "説明", &T::description, FieldKind::TextArea),
    };
    return sec;
  }();
  return s;
}

void contact_tree(const RequestContext&, const Plan& plan, Html& h) {
  std::map<std::int64_t, std::vector<const core::InternalContact*>> children;
  for (const auto& c : plan.internal_contacts) {
    std::int64_t parent = 0;
    if (c.reports_to && plan.find_internal(*c.reports_to) != nullptr && *c.reports_to != c.id) {
      parent = c.reports_to->value;
    }
    children[parent].push_back(&c);
  }
  h.open("section", {{"class", "chart"}, {"aria-labelledby", "chart-title"}});
  h.el("h2", {{"id", "chart-title"}}, "連絡体制図（報告の流れ）");
  std::function<void(std::int64_t, int)> branch = [&](std::int64_t parent, int depth) {
    auto it = children.find(parent);
    if (it == children.end() || depth > 20) return;
    h.open("ul");
    for (const auto* c : it->second) {
      h.open("li");
      h.open("span", {{"class", "chart-node"}});
      h.el("strong", c->name);
      std::string detail = c->role;
      if (!c->department.empty()) detail += (detail.empty() ? "" : "・") + c->department;
      if (!detail.empty()) h.el("span", {{"class", "chart-role"}}, detail);
      if (!c->phone_day.empty()) h.el("span", {{"class", "chart-phone"}}, "日中 " + c->phone_day);
      if (!c->phone_night.empty()) {
        h.el("span", {{"class", "chart-phone"}}, "夜間 " + c->phone_night);
      }
      h.close("span");
      branch(c->id.value, depth + 1);
      h.close("li");
    }
    h.close("ul");
  };
  h.open("div", {{"class", "tree"}});
  h.open("ul");
  h.open("li");
  h.open("span", {{"class", "chart-node chart-node--root"}});
  h.el("strong", plan.officer.name.empty() ? "安全管理責任者（未設定）" : plan.officer.name);
  h.el("span", {{"class", "chart-role"}}, "医療情報システム安全管理責任者");
  if (!plan.officer.phone_day.empty()) {
    h.el("span", {{"class", "chart-phone"}}, "日中 " + plan.officer.phone_day);
  }
  h.close("span");
  branch(0, 0);
  h.close("li");
  h.close("ul");
  h.close("div");
  h.close("section");
}

std::shared_ptr<const ListSection<core::InternalContact>> internal_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::InternalContact>>();
    using C = core::InternalContact;
    name_after(*sec, core::Section::InternalContacts);
    sec->noun = "連絡先";
    sec->intro =
        "別紙１。院内で誰が誰に報告するかを定めます。報告先を選ばない人は安全管理責任者に"
        "直接報告します。↑↓で表示順を変えられます。";
    sec->list = &Plan::internal_contacts;
    sec->name_of = [](const C& r) { return r.name; };
    sec->fields = {
        f::text<C>("name", "氏名", &C::name).required().in_table(),
        f::text<C>("role", "役割", &C::role).hint("例：事務長、IT担当").in_table(),
        f::text<C>("department", "部門", &C::department).hint("例：受付、看護、放射線").in_table(),
        f::text<C>("phone_day", "電話（日中）", &C::phone_day, FieldKind::Tel).in_table(),
        f::text<C>("phone_night", "電話（夜間・休日）", &C::phone_night, FieldKind::Tel),
        f::text<C>("email", "メールアドレス", &C::email, FieldKind::Email),
        f::reference<C, core::InternalContactId>(
            "reports_to", "報告先", &C::reports_to,
            [](const Plan& plan, const C& self) {
              std::vector<Option> out{{"", "医療情報システム安全管理責任者（直接）"}};
              for (const auto& c : plan.internal_contacts) {
                if (c.id == self.id && self.id.valid()) continue;
                out.push_back({std::to_string(c.id.value),
                               c.name + (c.role.empty() ? "" : "（" + c.role + "）")});
              }
              return out;
            },
            internal_name)
            .in_table(),
    };
    sec->on_delete = [](Plan& plan, core::InternalContactId id) {
      // Whoever reported to the person now reports to that person's own superior.
      std::optional<core::InternalContactId> up;
      if (const auto* gone = plan.find_internal(id)) up = gone->reports_to;
      for (auto& c : plan.internal_contacts) {
        if (c.reports_to == id) c.reports_to = up;
      }
    };
    sec->after_table = contact_tree;
    return sec;
  }();
  return s;
}

std::shared_ptr<const ListSection<core::ExternalContact>> external_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::ExternalContact>>();
    using C = core::ExternalContact;
    using K = core::ExternalCategory;
    name_after(*sec, core::Section::ExternalContacts);
    sec->noun = "連絡先";
    sec->intro =
        "別紙１。システム事業者、保守業者、警察、厚生労働省、都道府県、医師会、保険会社など、"
        "インシデントのときに連絡する先です。ネットワークが止まっても使える電話番号を必ず入れてくだ"
        "さい。";
    sec->list = &Plan::external_contacts;
    sec->name_of = [](const C& r) { return r.organization; };
    sec->fields = {
        f::text<C>("organization", "組織名", &C::organization).required().in_table(),
        f::choice<C, K>("category", "区分", &C::category,
                        {K::SystemVendor, K::Maintenance, K::Police, K::Mhlw, K::Prefecture,
                         K::MedicalAssociation, K::Insurer, K::PrivacyCommission, K::Other})
            .in_table(),
        f::text<C>("person", "担当者", &C::person),
        f::text<C>("phone", "電話", &C::phone, FieldKind::Tel).in_table(),
        f::text<C>("phone_after_hours", "電話（時間外）", &C::phone_after_hours, FieldKind::Tel),
        f::text<C>("hours", "受付時間", &C::hours).hint("例：平日 9:00〜17:00"),
        f::text<C>("email", "メールアドレス", &C::email, FieldKind::Email),
        f::text<C>("what_to_tell", "伝える内容", &C::what_to_tell, FieldKind::TextArea),
        f::check<C>("notify_on_incident", "初報で必ず連絡する", &C::notify_on_incident).in_table(),
        f::date<C>("last_verified", "連絡先の最終確認日", &C::last_verified).in_table(),
    };
    sec->on_delete = [](Plan& plan, core::ExternalContactId id) {
      for (auto& s : plan.systems) {
        if (s.vendor == id) s.vendor.reset();
      }
    };
    return sec;
  }();
  return s;
}

std::shared_ptr<const ListSection<core::Device>> devices_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::Device>>();
    using D = core::Device;
    using K = core::DeviceKind;
    using St = core::DeviceStatus;
    name_after(*sec, core::Section::Devices);
    sec->noun = "機器";
    sec->intro =
        "体制整備２。サーバ、端末、ネットワーク機器、VPN・リモート保守機器などの現況です。"
        "使わなくなった機器は削除せず「使用終了」にします。";
    sec->list = &Plan::devices;
    sec->ledger = true;
    sec->retire = true;
    sec->page_size = 20;
    // Past its support end and still in use: the risk the 別紙２ is kept for.
    sec->attention = [](const D& d, const core::Date& today) -> std::string {
      if (d.status == core::DeviceStatus::Retired || !d.support_end || !(*d.support_end < today)) {
        return "";
      }
      return "サポート終了";
    };
    sec->name_of = [](const D& r) { return r.name; };
    sec->after_table = [](const RequestContext& ctx, const Plan&, Html& h) {
      device_transfer_links(ctx, h);
    };
    sec->fields = {
        f::text<D>("asset_number", "管理番号", &D::asset_number)
            .hint("機器に貼る番号。空欄なら M-0001 のように自動で付けます")
            .in_table(),
        f::text<D>("name", "機器名", &D::name).required().in_table(),
        f::choice<D, K>("kind", "種別", &D::kind,
                        {K::Server, K::Terminal, K::Network, K::VpnRemote, K::Medical, K::Printer,
                         K::Mobile, K::Media, K::Other})
            .in_table(),
        f::text<D>("system", "関連システム", &D::system).in_table(),
        f::text<D>("location", "設置場所", &D::location).in_table(),
        f::text<D>("manager", "管理者", &D::manager),
        f::text<D>("os", "OS・ファームウェア", &D::os),
        f::text<D>("os_version", "バージョン", &D::os_version),
        f::text<D>("ip_address", "IPアドレス", &D::ip_address).in_table(),
        f::text<D>("mac_address", "MACアドレス", &D::mac_address),
        f::text<D>("network_zone", "ネットワーク区分", &D::network_zone)
            .hint("例：院内LAN、インターネット系"),
        f::check<D>("internet_facing", "インターネットに接続している", &D::internet_facing),
        f::check<D>("remote_maintenance", "リモート保守で外部から接続される",
                    &D::remote_maintenance),
        f::text<D>("vendor", "保守業者", &D::vendor),
        f::date<D>("introduced", "導入日", &D::introduced),
        f::date<D>("support_end", "サポート終了日", &D::support_end).in_table(),
        f::choice<D, St>("status", "状態", &D::status,
                         {St::Active, St::Spare, St::Broken, St::Retired})
            .in_table(),
        f::date<D>("last_stocktake", "最終棚卸日", &D::last_stocktake),
        f::text<D>("note", "備考", &D::note, FieldKind::TextArea),
    };
    sec->filter = [](const RequestContext& ctx, const D& d) {
      std::string status = ctx.param("status");
      if (status.empty()) {
        if (d.status == St::Retired) return false;  // 使用中 by default
      } else if (status != "all" && status != core::code(d.status)) {
        return false;
      }
      std::string kind = ctx.param("kind");
      if (!kind.empty() && kind != core::code(d.kind)) return false;
      std::string q = core::match_key(ctx.param("q"));
      if (q.empty()) return true;
      for (const std::string* text : {&d.name, &d.asset_number, &d.location, &d.system,
                                      &d.ip_address, &d.manager, &d.vendor, &d.note, &d.os}) {
        if (core::match_key(*text).find(q) != std::string::npos) return true;
      }
      return false;
    };
    sec->filter_controls = [](const RequestContext& ctx, Html& h) {
      auto select = [&](const char* name, const char* label, const std::vector<Option>& options) {
        std::string current = ctx.param(name);
        h.open("div", {{"class", "field"}});
        h.el("label", {{"for", std::string("f-") + name}}, label);
        h.open("select", {{"id", std::string("f-") + name}, {"name", name}});
        for (const auto& o : options) {
          h.el("option", {{"value", o.value}, Attr::flag("selected", o.value == current)}, o.label);
        }
        h.close("select");
        h.close("div");
      };
      std::vector<Option> statuses{{"", "使用中のすべて"}, {"all", "使用終了も含む"}};
      for (St st : {St::Active, St::Spare, St::Broken, St::Retired}) {
        statuses.push_back({core::code(st), core::label(st)});
      }
      select("status", "状態", statuses);
      std::vector<Option> kinds{{"", "すべて"}};
      for (K k : {K::Server, K::Terminal, K::Network, K::VpnRemote, K::Medical, K::Printer,
                  K::Mobile, K::Media, K::Other}) {
        kinds.push_back({core::code(k), core::label(k)});
      }
      select("kind", "種別", kinds);
    };
    return sec;
  }();
  return s;
}

std::shared_ptr<const ListSection<core::FallbackOperation>> fallbacks_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::FallbackOperation>>();
    using F = core::FallbackOperation;
    name_after(*sec, core::Section::Fallbacks);
    sec->noun = "代替運用";
    sec->intro =
        "体制整備３。各システムが使えなくなったときの業務の代替手段です（例：診療録は紙運用）。";
    sec->list = &Plan::fallbacks;
    sec->name_of = [](const F& r) { return r.business; };
    sec->fields = {
        f::text<F>("business", "業務内容", &F::business).required().in_table(),
        f::reference<F, core::SystemId>(
            "system", "システム", &F::system,
            [](const Plan& plan, const F&) { return system_options(plan, "（一覧にない）"); },
            system_name)
            .in_table(),
        f::text<F>("system_label", "システム（一覧にない場合）", &F::system_label)
            .hint("対象システムに登録していないシステムの名前"),
        f::text<F>("fallback", "代替手段", &F::fallback, FieldKind::TextArea).in_table(),
        f::text<F>("materials", "必要な物品・様式", &F::materials, FieldKind::TextArea),
        f::text<F>("return_to_normal", "通常運用への戻し方", &F::return_to_normal,
                   FieldKind::TextArea),
    };
    sec->defaults = [](const RequestContext& ctx, const Plan& plan, F& r) {
      auto id = parse_typed_count(ctx.param("system"), 2'000'000'000);
      if (id && plan.find_system(core::SystemId(*id)) != nullptr) r.system = core::SystemId(*id);
    };
    return sec;
  }();
  return s;
}

std::shared_ptr<const ListSection<core::BackupPlan>> backups_section() {
  static const auto s = [] {
    auto sec = std::make_shared<ListSection<core::BackupPlan>>();
    using B = core::BackupPlan;
    name_after(*sec, core::Section::Backups);
    sec->noun = "バックアップ";
    sec->intro =
        "体制整備４。データとシステムのバックアップの頻度、作成方法、復旧方法です。"
        "ランサムウェアに備え、ネットワークから切り離して保管するものを必ず含めてください。";
    sec->list = &Plan::backups;
    sec->name_of = [](const B& r) { return r.system_label.empty() ? r.method : r.system_label; };
    sec->fields = {
        f::reference<B, core::SystemId>(
            "system", "システム", &B::system,
            [](const Plan& plan, const B&) { return system_options(plan, "（一覧にない）"); },
            system_name)
            .in_table(),
        f::text<B>("system_label", "システム（一覧にない場合）", &B::system_label),
        f::count<B>("frequency_days", "頻度（日ごと）", &B::frequency_days, 3660)
            .hint("何日ごとに作成するか。毎日なら 1、毎週なら 7")
            .in_table(),
        f::text<B>("method", "作成方法", &B::method, FieldKind::TextArea).in_table(),
        f::text<B>("restore_method", "復旧方法", &B::restore_method, FieldKind::TextArea)
            .in_table(),
        f::text<B>("media", "媒体", &B::media)
            .hint("例：外付けHDD、磁気テープ、バックアップサーバ"),
        f::check<B>("offline", "ネットワークから切り離して保管する", &B::offline).in_table(),
        f::count<B>("generations", "保持世代数", &B::generations, 1000),
    };
    sec->defaults = [](const RequestContext& ctx, const Plan& plan, B& r) {
      auto id = parse_typed_count(ctx.param("system"), 2'000'000'000);
      if (id && plan.find_system(core::SystemId(*id)) != nullptr) r.system = core::SystemId(*id);
    };
    return sec;
  }();
  return s;
}

template <class T>
std::string label_in(const std::vector<FieldDef<T>>& fields, std::string_view key) {
  for (const auto& f : fields) {
    if (f.spec.key == key) return f.spec.label;
  }
  return "";
}

std::string label_on_form(core::Section section, std::string_view key) {
  using core::Section;
  switch (section) {
    case Section::Facility:
      return label_in(facility_section()->fields, key);
    case Section::Officer:
      return label_in(officer_section()->fields, key);
    case Section::Systems:
      return label_in(systems_section()->fields, key);
    case Section::Threats:
      return label_in(threats_section()->fields, key);
    case Section::InternalContacts:
      return label_in(internal_section()->fields, key);
    case Section::ExternalContacts:
      return label_in(external_section()->fields, key);
    case Section::Devices:
      return label_in(devices_section()->fields, key);
    case Section::Fallbacks:
      return label_in(fallbacks_section()->fields, key);
    case Section::Backups:
      return label_in(backups_section()->fields, key);
  }
  return {};
}

void register_section_routes(Router& router, core::Section section) {
  using core::Section;
  switch (section) {
    case Section::Facility:
      return register_single_section(router, facility_section());
    case Section::Officer:
      return register_single_section(router, officer_section());
    case Section::Systems:
      return register_list_section(router, systems_section());
    case Section::Threats:
      return register_list_section(router, threats_section());
    case Section::InternalContacts:
      return register_list_section(router, internal_section());
    case Section::ExternalContacts:
      return register_list_section(router, external_section());
    case Section::Devices:
      return register_list_section(router, devices_section());
    case Section::Fallbacks:
      return register_list_section(router, fallbacks_section());
    case Section::Backups:
      return register_list_section(router, backups_section());
  }
}

}  // namespace

void register_plan_section_routes(Router& router) {
  for (const core::SectionInfo& s : core::plan_sections())
    register_section_routes(router, s.section);
}

std::string section_title(std::string_view code) {
  if (const auto s = core::section_from_code(code))
    return std::string(core::section_info(*s).title);
  return std::string(code);
}

std::string field_label(std::string_view section, std::string_view key) {
  std::string label;
  if (const auto s = core::section_from_code(section)) label = label_on_form(*s, key);
  if (label.empty() && key == "edition") label = "版数";
  if (label.empty() && key == "from_template") label = "ひな形の項目";
  return label.empty() ? std::string(key) : label;
}

std::string display_value(const Plan& plan, std::string_view section, std::string_view key,
                          const std::string& raw) {
  if (raw == "true") return "はい";
  if (raw == "false") return "いいえ";
  if (raw.empty()) return "";
  auto id = parse_typed_count(raw, 2'000'000'000);
  if (key == "vendor_contact" && id) return external_name(plan, core::ExternalContactId(*id));
  if (key == "reports_to" && id) return internal_name(plan, core::InternalContactId(*id));
  if (key == "system" && id && (section == "fallbacks" || section == "backups")) {
    return system_name(plan, core::SystemId(*id));
  }
  if (key == "kind" && section == "threats") {
    if (auto k = core::threat_kind_from_code(raw)) return core::label(*k);
  }
  if (key == "kind" && section == "devices") {
    if (auto k = core::device_kind_from_code(raw)) return core::label(*k);
  }
  if (key == "status") {
    if (auto st = core::device_status_from_code(raw)) return core::label(*st);
  }
  if (key == "category") {
    if (auto c = core::external_category_from_code(raw)) return core::label(*c);
  }
  return raw;
}

}  // namespace medbcp::web
