#include "web/section_pages.h"

#include "web/plan_links.h"

namespace medbcp::web {

std::string problem_key(const core::Problem& problem, std::string_view list,
                        std::optional<std::size_t> index) {
  std::string_view field = problem.field;
  std::string prefix(list);
  if (index) {
    // "devices[3].name" (0-based), as readiness and validation write paths.
    std::string row = prefix + "[" + std::to_string(*index) + "].";
    if (field.starts_with(row)) return std::string(field.substr(row.size()));
    if (field.find('[') != std::string_view::npos || field.find('.') != std::string_view::npos) {
      return "";
    }
    // A bare key with a 1-based row.
    return problem.row == static_cast<int>(*index) + 1 ? std::string(field) : "";
  }
  if (field.starts_with(prefix + ".")) return std::string(field.substr(prefix.size() + 1));
  if (field.find('.') == std::string_view::npos && field.find('[') == std::string_view::npos) {
    return std::string(field);
  }
  return "";
}

void add_plan_crumbs(Page& page) {
  page.crumbs.push_back({"ダッシュボード", "/"});
  page.crumbs.push_back({"計画", "/plan"});
}

void section_gaps(Html& h, const core::Plan& plan, std::string_view section_code) {
  std::vector<core::Gap> mine;
  for (auto& gap : core::readiness_gaps(plan)) {
    if (core::code(gap.section) == section_code) mine.push_back(std::move(gap));
  }
  if (mine.empty()) {
    h.el("p", {{"class", "status status--ok"}}, "この項目に未記入・不足はありません。");
    return;
  }
  h.open("details", {{"class", "gaps"}, Attr::flag("open", true)});
  h.el("summary", "未記入・不足 " + std::to_string(mine.size()) + "件");
  h.open("ul", {{"class", "gap-list"}});
  for (const auto& gap : mine) {
    h.open("li");
    h.open("a", {{"href", gap_link(plan, gap)}});
    h.el("span", {{"class", "gap-where"}}, gap.where);
    h.close("a");
    h.el("span", {{"class", "gap-message"}}, gap.message);
    h.close("li");
  }
  h.close("ul");
  h.close("details");
}

void action_button(Html& h, RequestContext& ctx, const std::string& action,
                   const std::string& label, const std::string& css,
                   const std::vector<std::pair<std::string, std::string>>& hidden,
                   const std::string& aria_label) {
  h.open("form", {{"method", "post"}, {"action", action}, {"class", "inline-form"}});
  csrf_field(h, ctx);
  for (const auto& [name, value] : hidden) {
    h.empty("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
  }
  h.el("button", {{"type", "submit"}, {"class", css}, Attr::optional("aria-label", aria_label)},
       label);
  h.close("form");
}

void cell_text(Html& h, const std::string& text) {
  if (text.empty()) {
    h.open("span", {{"class", "muted"}});
    h.el("span", {{"aria-hidden", "true"}}, "—");
    h.el("span", {{"class", "visually-hidden"}}, "未入力");
    h.close("span");
  } else {
    h.text(text);
  }
}

void pagination(Html& h, const std::string& base, int page, int pages) {
  auto href = [&](int p) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "page=" + std::to_string(p);
  };
  h.open("nav", {{"class", "pagination"}, {"aria-label", "ページ"}});
  h.open("ul");
  if (page > 1)
    h.open("li").el("a", {{"href", href(page - 1)}, {"rel", "prev"}}, "前へ").close("li");
  for (int p = 1; p <= pages; ++p) {
    h.open("li");
    if (p == page) {
      h.el("span", {{"aria-current", "page"}}, std::to_string(p));
    } else {
      h.el("a", {{"href", href(p)}}, std::to_string(p));
    }
    h.close("li");
  }
  if (page < pages) {
    h.open("li").el("a", {{"href", href(page + 1)}, {"rel", "next"}}, "次へ").close("li");
  }
  h.close("ul");
  h.close("nav");
}

}  // namespace medbcp::web
