#include "web/api_token_pages.h"

#include "app/api_tokens.h"
#include "core/text.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/upkeep_widgets.h"

namespace medbcp::web {
namespace {

std::vector<Option> scope_options() {
  return {{"read", "読み取りのみ（状態の確認、書き出し）"},
          {"write", "読み書き（バックアップの記録、台帳の更新など）"}};
}
std::vector<Option> days_options() { return {{"30", "30日"}, {"90", "90日"}, {"365", "1年"}}; }

void create_form(Html& h, RequestContext& ctx, const std::string& name, const std::string& scope,
                 const std::string& days) {
  h.open("form", {{"method", "post"},
                  {"action", "/account/tokens"},
                  {"class", "form--inline upkeep-form"},
                  {"aria-labelledby", "token-new-title"}});
  h.el("h3", {{"class", "upkeep-form__title"}, {"id", "token-new-title"}},
       "アクセストークンを作る");
  csrf_field(h, ctx);
  compact_input(h, "token-name", "name", "名前（用途）", "text", name, true,
                {{"placeholder", "例：夜間バックアップ"}, {"maxlength", "100"}});
  compact_select(h, "token-scope", "scope", "できること", scope_options(), scope);
  compact_select(h, "token-days", "days", "有効期間", days_options(), days);
  h.el("button", {{"type", "submit"}, {"class", "button button--small"}}, "作る");
  h.close("form");
}

int read_days(const std::string& text) {
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stoi(text);
}

void post_create(RequestContext& ctx) {
  const std::string name = ctx.param("name");
  const auto scope = app::token_scope_from_code(ctx.param("scope"));
  const int days = read_days(ctx.param("days"));
  app::NewToken r;
  if (!scope) {
    r.problems.push_back({"scope", 0, "できることを選んでください。"});
  } else {
    r = app::create_api_token(ctx.ws, ctx.actor(), ctx.actor().user, name, *scope, days, ctx.now());
  }
  Page page;
  page.crumbs = {{"ダッシュボード", "/"}, {"アカウント", "/account"}};
  Html& h = page.body;
  if (!r.problems.empty()) {
    page.title = "アクセストークンを作れませんでした";
    page.status = 422;
    problem_summary(h, "作れませんでした", r.problems);
    create_form(h, ctx, name, ctx.param("scope"), ctx.param("days"));
    render_page(ctx, page);
    return;
  }
  const std::string code = ctx.facility_code();
  page.title = "アクセストークンを作りました";
  h.el("p", {{"class", "lead"}},
       "このトークンが表示されるのは今だけです。コピーして、使うスクリプトや"
       "システムの設定に保管してください。失くしたら取り消して作り直します。");
  h.open("p", {{"class", "token-secret"}});
  h.el("code", {{"id", "token-secret"}}, (code.empty() ? "" : code + ".") + r.secret);
  h.close("p");
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "名前").el("dd", r.token->name);
  h.el("dt", "できること").el("dd", app::label(r.token->scope));
  h.el("dt", "有効期限").el("dd", r.token->expires_at.tokyo_text());
  h.close("dl");
  h.el("p", {{"class", "hint"}},
       "使い方: Authorization: Bearer トークン のヘッダーを付けて /api/v1/ を呼びます"
       "（説明書は /api/v1/openapi.json）。");
  h.el("a", {{"href", "/account#tokens"}, {"class", "button"}}, "アカウントに戻る");
  render_page(ctx, page);
}

void post_revoke(RequestContext& ctx) {
  const auto problems = app::revoke_api_token(ctx.ws, ctx.actor(), ctx.id_match(1), ctx.now());
  if (!problems.empty()) {
    render_error(ctx, 404, "見つかりません", problems.front().message);
    return;
  }
  ctx.redirect("/account?notice=token_revoked#tokens");
}

}  // namespace

void api_token_account_section(Html& h, RequestContext& ctx) {
  if (!ctx.can(app::Permission::ReadPlan)) return;  // an association's account
  const auto now = ctx.now();
  h.open("section", {{"class", "narrow"}, {"id", "tokens"}, {"aria-labelledby", "tokens-title"}});
  h.el("h2", {{"id", "tokens-title"}}, "API のアクセストークン");
  h.el("p", {{"class", "hint"}},
       "スクリプトや他のシステム（夜間のバックアップ処理など）が、あなたの代わりに medbcp を"
       "使うための鍵です。あなたの役割でできることに限られます。");
  const auto tokens = app::list_api_tokens(ctx.ws, ctx.actor());
  if (tokens.empty()) h.el("p", {{"class", "empty"}}, "トークンはありません。");
  // One item a token (a table would break dates and names on a phone).
  if (!tokens.empty()) {
    h.open("ul", {{"class", "check-list"}});
    for (const auto& t : tokens) {
      h.open("li", {{"class", "check-item"}});
      h.el("p", {{"class", "check-item__head"}}, t.name);
      h.open("p", {{"class", "check-item__state"}});
      h.el("span", {{"class", t.scope == app::TokenScope::Write ? "tag tag--warn" : "tag tag--ok"}},
           app::label(t.scope));
      if (t.revoked_at) {
        h.el("span", {{"class", "tag tag--bad"}}, "取り消し済み");
      } else if (!t.usable(now)) {
        h.el("span", {{"class", "tag tag--bad"}}, "期限切れ");
      }
      h.el("span", {{"class", "hint nowrap"}}, t.user_name + " として");
      h.el("span", {{"class", "hint nowrap"}}, t.expires_at.tokyo_text() + " まで");
      h.el("span", {{"class", "hint nowrap"}},
           "最終利用 " + (t.last_used_at ? t.last_used_at->tokyo_text() : std::string("なし")));
      h.close("p");
      if (!t.revoked_at) {
        h.open("form", {{"method", "post"},
                        {"action", "/account/tokens/" + std::to_string(t.id) + "/revoke"}});
        csrf_field(h, ctx);
        h.el("button",
             {{"type", "submit"},
              {"class", "button button--small button--danger"},
              {"aria-label", "トークン「" + t.name + "」を取り消す"}},
             "取り消す");
        h.close("form");
      }
      h.close("li");
    }
    h.close("ul");
  }
  create_form(h, ctx, "", "read", "90");
  h.close("section");
}

void register_api_token_routes(Router& router) {
  router.post("/account/tokens", app::Permission::ReadPlan, post_create);
  router.post(R"(/account/tokens/(\d+)/revoke)", app::Permission::ReadPlan, post_revoke);
}

}  // namespace medbcp::web
