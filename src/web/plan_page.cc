#include "web/plan_page.h"

#include "app/plan_service.h"
#include "app/render.h"
#include "core/plan_section.h"
#include "core/wareki.h"
#include "web/layout.h"
#include "web/plan_links.h"
#include "web/plan_sections.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

void overview(RequestContext& ctx) {
  core::Plan plan = app::load_plan(ctx.ws);
  std::vector<core::Gap> gaps = core::readiness_gaps(plan);
  Page page;
  page.title = "計画";
  page.nav = "plan";
  page.crumbs.push_back({"ダッシュボード", "/"});
  Html& h = page.body;
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "医療機関");
  h.el("dd", plan.facility.name);
  h.el("dt", "版数");
  h.el("dd", "第" + std::to_string(plan.facility.edition) + "版");
  h.el("dt", "施行日");
  h.el("dd", plan.facility.effective_date ? core::format_wareki(*plan.facility.effective_date)
                                          : "未設定");
  h.close("dl");

  h.open("ul", {{"class", "section-list"}});
  for (const core::SectionInfo& s : core::plan_sections()) {
    int gap_count = 0;
    for (const auto& g : gaps) gap_count += g.section == s.section;
    h.open("li", {{"class", "section-item"}});
    h.el("a", {{"href", section_url(s.code)}, {"class", "section-item__title"}},
         std::string(s.title));
    if (s.is_list) {
      h.el("span", {{"class", "section-item__count"}}, std::to_string(s.record_count(plan)) + "件");
    }
    h.el("span", {{"class", gap_count == 0 ? "tag tag--ok" : "tag tag--bad"}},
         gap_count == 0 ? "記入済み" : "不足 " + std::to_string(gap_count) + "件");
    h.close("li");
  }
  h.close("ul");

  if (ctx.can(app::Permission::Export)) {
    h.open("section", {{"aria-labelledby", "downloads-title"}});
    h.el("h2", {{"id", "downloads-title"}}, "ダウンロード");
    h.el("p", {{"class", "hint"}},
         "印刷してそのまま使える計画書です。PDF は A4 で、表紙・目次・別紙１ 連絡体制図・別紙２ "
         "情報機器台帳まで入っています。Word 版は院内で文言を直すときに使えます。");
    h.open("ul", {{"class", "downloads"}});
    for (auto [format, label] :
         {std::pair{"pdf", "計画書（PDF・印刷用）"}, std::pair{"docx", "計画書（Word）"},
          std::pair{"html", "計画書（HTML・1ファイル）"},
          std::pair{"xlsx", "別紙２と各表（Excel）"}}) {
      h.open("li").el("a", {{"href", std::string("/plan/document.") + format}}, label).close("li");
    }
    h.open("li")
        .el("a", {{"href", "/plan/export.json"}, {"download", "medbcp-plan.json"}},
            "計画データ（JSON・移行とバックアップ用）")
        .close("li");
    h.close("ul");
    h.close("section");
  }
  render_page(ctx, page);
}

}  // namespace

void register_plan_routes(Router& router) {
  router.add_nav({"plan", "計画", "/plan", app::Permission::ReadPlan, 20, "計画"});
  router.add_nav({"devices", "機器台帳", "/plan/devices", app::Permission::ReadPlan, 22, "計画"});
  router.get("/plan", app::Permission::ReadPlan, overview);
  router.get("/plan/export.json", app::Permission::Export, [](RequestContext& ctx) {
    std::string json = app::export_plan_json(ctx.ws, ctx.actor());
    ctx.response.set_header("Content-Disposition", "attachment; filename=\"medbcp-plan.json\"");
    ctx.send(200, std::move(json), "application/json; charset=utf-8");
  });
  router.get(
      R"(/plan/document\.(pdf|html|docx|xlsx))", app::Permission::Export, [](RequestContext& ctx) {
        const app::Format format = *app::format_from_name(ctx.match(1));
        std::string bytes = app::render_stored_plan(ctx.ws, ctx.actor(), format, {});
        ctx.response.set_header(
            "Content-Disposition",
            std::string("attachment; filename=\"medbcp-plan") + app::file_extension(format) + "\"");
        ctx.send(200, std::move(bytes), app::mime_type(format));
      });
  register_plan_section_routes(router);
}

}  // namespace medbcp::web
