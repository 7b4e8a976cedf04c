#include "web/api_problem.h"

#include <nlohmann/json.hpp>

namespace medbcp::web {

void send_json(RequestContext& ctx, int status, const std::string& json) {
  ctx.response.set_header("Cache-Control", "no-store");
  ctx.send(status, json, "application/json; charset=utf-8");
}

std::string problem_body(int status, const std::string& title, const std::string& detail,
                         const core::Problems& errors) {
  nlohmann::json doc = {
      {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!errors.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : errors) {
      nlohmann::json e = {{"field", p.field}, {"message", p.message}};
      if (p.row > 0) e["row"] = p.row;
      list.push_back(std::move(e));
    }
    doc["errors"] = std::move(list);
  }
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void send_problem(RequestContext& ctx, int status, const std::string& title,
                  const std::string& detail, const core::Problems& errors) {
  ctx.response.set_header("Cache-Control", "no-store");
  ctx.send(status, problem_body(status, title, detail, errors), "application/problem+json");
}

}  // namespace medbcp::web
