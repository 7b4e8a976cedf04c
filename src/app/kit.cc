#include "app/kit.h"

#include <cstdio>
#include <stdexcept>

#include "app/audit.h"
#include "app/drill_scenarios.h"
#include "app/password.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "core/numbering.h"
#include "core/sha256.h"
#include "core/timeline.h"
#include "core/wareki.h"
#include "doc/html_renderer.h"
#include "doc/kit_forms.h"
#include "doc/kit_html.h"
#include "doc/kit_pdf.h"
#include "doc/pdf_renderer.h"
#include "doc/plan_document.h"
#include "doc/template_parser.h"
#include "io/plan_json.h"
#include "store/database.h"
#include "store/kit_store.h"

namespace medbcp::app {
namespace {

doc::Document plan_document(Workspace& ws, const core::Plan& plan) {
  const doc::TemplateParse parse = doc::parse_template(doc::default_template_text());
  if (!parse.ok()) throw std::logic_error("the built-in plan template does not parse");
  return doc::build_plan_document(plan, parse.tmpl, plan_revisions(ws));
}

// "20240401-1200" in Asia/Tokyo, for file names.
std::string stamp_for_file(core::Instant at) {
  std::string text = at.tokyo_text();  // "2024-04-01 12:00"
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
    if (c == ' ') out += '-';
  }
  return out;
}

std::string file_name(const char* kind, const core::Plan& plan, core::Instant at, const char* ext) {
  return std::string("medbcp-") + kind + "-e" + std::to_string(plan.facility.edition) + "-" +
         stamp_for_file(at) + "." + ext;
}

core::KitRecord new_kit(core::KitKind kind, const core::Plan& plan, const Actor& actor,
                        core::Instant now) {
  core::KitRecord kit;
  kit.id = core::new_entry_id();
  kit.kind = kind;
  kit.made_at = now;
  kit.made_by = actor.name;
  kit.edition = plan.facility.edition;
  kit.plan_sha256 = plan_fingerprint(plan);
  if (kind == core::KitKind::Offline) kit.seal_key = random_hex(32);
  return kit;
}

void save_kit(Workspace& ws, const core::KitRecord& kit) {
  auto& db = ws.db();
  store::Transaction tx(db);
  store::insert_kit(db, kit);
  tx.commit();
}

std::string when(core::Instant at) { return core::format_wareki(at.tokyo_date()); }

std::string edition(int n) { return "第" + core::full_width_number(n) + "版"; }

}  // namespace

KitFile make_offline_kit(Workspace& ws, const Actor& actor, core::Instant now) {
  require(actor, Permission::Export);
  const core::Plan plan = load_plan(ws);
  const core::KitRecord kit = new_kit(core::KitKind::Offline, plan, actor, now);
  KitFile file;
  file.id = kit.id;
  file.file_name = file_name("offline-kit", plan, now, "html");
  // Built before it is recorded: a kit that failed to build was never made.
  file.bytes = doc::offline_kit_html(
      plan, doc::KitStamp{kit.id, now, actor.name, kit.seal_key, load_scenarios().scenarios},
      doc::render_html(plan_document(ws, plan)));
  save_kit(ws, kit);
  audit_export(ws, actor, "オフラインキット", "キット " + kit.id.substr(0, 8));
  return file;
}

KitFile make_paper_kit(Workspace& ws, const Actor& actor, core::Instant now) {
  require(actor, Permission::Export);
  const core::Plan plan = load_plan(ws);
  const core::KitRecord kit = new_kit(core::KitKind::Paper, plan, actor, now);
  KitFile file;
  file.id = kit.id;
  file.file_name = file_name("paper-kit", plan, now, "pdf");
  file.bytes = doc::concatenate_pdfs(
      {doc::render_pdf(plan_document(ws, plan)), doc::render_paper_forms_pdf(plan, {kit.id, now})});
  save_kit(ws, kit);
  audit_export(ws, actor, "紙のキット", "キット " + kit.id.substr(0, 8));
  return file;
}

bool mark_paper_kit_printed(Workspace& ws, const Actor& actor, const std::string& kit_id,
                            core::Instant now) {
  require(actor, Permission::Export);
  auto& db = ws.db();
  store::Transaction tx(db);
  std::string id = kit_id;
  if (id.empty()) {
    auto latest = store::latest_kit(db, core::KitKind::Paper);
    if (!latest) return false;
    id = latest->id;
  }
  const bool marked = store::mark_kit_printed(db, id, now, actor.name);
  if (marked) tx.commit();
  return marked;
}

KitFreshness kit_freshness(Workspace& ws) {
  KitFreshness f;
  auto& db = ws.db();
  f.offline = store::latest_kit(db, core::KitKind::Offline);
  f.paper = store::latest_kit(db, core::KitKind::Paper);
  f.printed = store::latest_printed_kit(db);
  f.has_plan = has_plan(ws);
  if (!f.has_plan) return f;
  const std::string current = plan_fingerprint(ws);

  if (!f.offline) {
    f.offline_outdated = true;
    f.offline_summary = "オフラインキット: まだ作成していません";
    f.warnings.push_back(
        "オフラインキットがまだ作成されていません。作成して USB メモリ等に保存し、"
        "ネットワークから切り離して保管してください。");
  } else {
    f.offline_outdated = f.offline->plan_sha256 != current;
    f.offline_summary = "オフラインキット: " + when(f.offline->made_at) + "に作成（" +
                        edition(f.offline->edition) + "）";
    if (f.offline_outdated) {
      f.warnings.push_back("計画がオフラインキットの作成（" + when(f.offline->made_at) +
                           "）の後に変更されています。オフラインキットを作り直してください。");
    }
  }

  if (!f.printed) {
    f.printed_outdated = true;
    f.printed_summary = "紙のキット: 印刷の記録がありません";
    f.warnings.push_back(
        f.paper ? "紙のキットは作成されましたが、印刷して配布した記録がありません。"
                  "印刷したら「印刷した」を記録してください。"
                : "紙のキット（計画書・初動対応カード・手書き様式）がまだ印刷されていません。");
  } else {
    f.printed_outdated = f.printed->plan_sha256 != current;
    f.printed_summary = "紙のキット: " + when(*f.printed->printed_at) + "に印刷（" +
                        edition(f.printed->edition) + "）";
    if (f.printed_outdated) {
      f.warnings.push_back(
          "計画が紙のキットの印刷（" + when(*f.printed->printed_at) +
          "）の後に変更されています。紙のキットを印刷し直して差し替えてください。");
    }
  }
  return f;
}

}  // namespace medbcp::app
