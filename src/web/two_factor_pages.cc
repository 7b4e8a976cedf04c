#include "web/two_factor_pages.h"

#include <algorithm>

#include "app/sessions.h"
#include "app/two_factor.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/qr_code.h"
#include "web/section_pages.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

FieldSpec code_field(const char* hint) {
  FieldSpec spec("code", "確認コード", FieldKind::Text, true, hint, "one-time-code");
  return spec;
}

// The second step's form: the code from the app, or a recovery code.
void render_second_step(RequestContext& ctx, FormState& state, int status = 200) {
  Page page;
  page.title = "ログイン：確認コード";
  page.status = state.has_errors() && status == 200 ? 422 : status;
  Html& h = page.body;
  h.open("div", {{"class", "narrow"}});
  h.el("p", {{"class", "lead"}},
       "スマートフォンの認証アプリに表示されている6桁の確認コードを入力してください。");
  const std::vector<FieldSpec> fields = {
      code_field("スマートフォンが手元にない場合は、回復コード（XXXXX-XXXXX）を入力できます。")};
  error_summary(h, state, fields);
  begin_form(h, ctx, "/login/2fa");
  h.empty("input", {{"type", "hidden"}, {"name", "next"}, {"value", ctx.param("next")}});
  field(h, fields[0], state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "確認してログイン");
  h.close("div");
  end_form(h);
  h.el("p", {{"class", "hint"}},
       "確認コードは30秒ごとに変わります。入力期限はパスワードの入力から5分です。"
       "回復コードもなくした場合は、管理者に二要素認証の解除を依頼してください。");
  h.close("div");
  render_page(ctx, page);
}

void recovery_code_list(Html& h, const std::vector<std::string>& codes) {
  h.el("p",
       "回復コードは、スマートフォンをなくしたときに確認コードの代わりに使えます（各1回）。"
       "印刷するか書き写して、スマートフォンとは別の場所に保管してください。"
       "この画面を閉じると、二度と表示できません。");
  h.open("ol", {{"class", "recovery-codes"}});
  for (const auto& c : codes) h.el("li", {{"class", "nowrap"}}, c);
  h.close("ol");
}

void render_recovery_codes(RequestContext& ctx, const std::vector<std::string>& codes,
                           const std::string& title) {
  Page page;
  page.title = title;
  page.crumbs = {{"ダッシュボード", "/"}, {"アカウント", "/account"}};
  Html& h = page.body;
  h.open("section", {{"class", "narrow"}});
  recovery_code_list(h, codes);
  h.open("div", {{"class", "form-actions"}});
  h.el("a", {{"class", "button"}, {"href", "/account/2fa"}}, "保管しました");
  h.close("div");
  h.close("section");
  render_page(ctx, page);
}

// The set-up page: the QR code of a new secret, the secret to type by hand,
// and the code that proves the app holds it. `secret` is kept across a
// wrong code, so the phone need not scan again.
void render_set_up(RequestContext& ctx, FormState& state, const std::string& secret) {
  Page page;
  page.title = "二要素認証の設定";
  page.crumbs = {{"ダッシュボード", "/"}, {"アカウント", "/account"}};
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  const app::TwoFactorStatus status = app::two_factor_status(ctx.ws, ctx.actor().user);
  h.open("section", {{"class", "narrow"}});
  if (status.required) {
    h.el("p", {{"class", "lead"}},
         std::string("あなたの役割（") + app::label(ctx.actor().role) +
             "）では、二要素認証が必須です。設定が終わるまで、ほかのページは開けません。");
  }
  h.el("p",
       "ログインのとき、パスワードに加えてスマートフォンの認証アプリ（Google Authenticator、"
       "Microsoft Authenticator など）の確認コードを求めます。パスワードが漏れても、"
       "スマートフォンがなければログインできません。");
  const app::TwoFactorEnrolment enrolment =
      secret.empty() ? app::new_enrolment(ctx.ws, ctx.actor().name)
                     : app::enrolment_with_secret(ctx.actor().name, secret);
  h.el("h2", "1. 認証アプリで QR コードを読み取る");
  qr_code_svg(h, enrolment.uri, "認証アプリに読み取らせる QR コード");
  h.el("p", {{"class", "hint"}}, "読み取れない場合は、アプリに次の鍵を手で入力してください：");
  h.el("p", {{"class", "secret-key nowrap"}}, app::grouped_secret(enrolment.secret));
  h.el("h2", "2. アプリに表示された6桁の確認コードを入力する");
  const std::vector<FieldSpec> fields = {code_field("")};
  error_summary(h, state, fields);
  begin_form(h, ctx, "/account/2fa");
  h.empty("input", {{"type", "hidden"}, {"name", "secret"}, {"value", enrolment.secret}});
  field(h, fields[0], state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "確認して設定する");
  h.close("div");
  end_form(h);
  h.close("section");
  render_page(ctx, page);
}

void render_enabled(RequestContext& ctx, FormState& state) {
  Page page;
  page.title = "二要素認証";
  page.crumbs = {{"ダッシュボード", "/"}, {"アカウント", "/account"}};
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  const app::TwoFactorStatus status = app::two_factor_status(ctx.ws, ctx.actor().user);
  h.open("section", {{"class", "narrow"}});
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "状態");
  h.open("dd").el("span", {{"class", "tag tag--ok"}}, "設定済み").close("dd");
  h.el("dt", "未使用の回復コード");
  h.el("dd", std::to_string(status.unused_recovery_codes) + " 個");
  h.close("dl");
  h.el("h2", "回復コードの再発行");
  h.el("p", {{"class", "hint"}}, "新しい10個を発行します。今の回復コードは使えなくなります。");
  action_button(h, ctx, "/account/2fa/recovery-codes", "回復コードを再発行する",
                "button button--secondary");
  h.el("h2", "二要素認証の解除");
  if (status.required) {
    h.el("p", std::string("あなたの役割（") + app::label(ctx.actor().role) +
                  "）では必須のため、解除できません。スマートフォンを替えるときは、管理者に"
                  "解除を依頼してから設定し直してください。");
  } else {
    const std::vector<FieldSpec> fields = {{"password", "パスワード", FieldKind::Password, true,
                                            "本人であることの確認のため", "current-password"}};
    error_summary(h, state, fields);
    begin_form(h, ctx, "/account/2fa/disable");
    field(h, fields[0], state);
    h.open("div", {{"class", "form-actions"}});
    submit_button(h, "二要素認証を解除する", "button button--danger");
    h.close("div");
    end_form(h);
  }
  h.close("section");
  render_page(ctx, page);
}

}  // namespace

void two_factor_account_section(Html& h, RequestContext& ctx) {
  const app::TwoFactorStatus status = app::two_factor_status(ctx.ws, ctx.actor().user);
  h.open("section", {{"class", "narrow"}, {"aria-labelledby", "two-factor-title"}});
  h.el("h2", {{"id", "two-factor-title"}}, "二要素認証");
  if (status.enabled) {
    h.open("p")
        .el("span", {{"class", "tag tag--ok"}}, "設定済み")
        .text(" 未使用の回復コード " + std::to_string(status.unused_recovery_codes) + " 個")
        .close("p");
  } else {
    h.el("p", status.required ? "あなたの役割では必須です。設定してください。"
                              : "未設定です。設定すると、パスワードが漏れてもログインされません。");
  }
  h.el("a", {{"class", "button button--secondary"}, {"href", "/account/2fa"}},
       status.enabled ? "確認・解除" : "設定する");
  h.close("section");
}

void two_factor_policy_section(Html& h, RequestContext& ctx) {
  const std::vector<app::Role> required = app::two_factor_roles(ctx.ws);
  h.open("section", {{"class", "panel narrow"}, {"aria-labelledby", "two-factor-policy-title"}});
  h.el("h2", {{"id", "two-factor-policy-title"}}, "二要素認証を必須にする役割");
  h.el("p", {{"class", "hint"}},
       "選んだ役割の利用者は、次のログインで二要素認証の設定を求められます。"
       "厚生労働省のチェックリストは、令和9年度までに二要素認証の導入を求めています。");
  begin_form(h, ctx, "/users/two-factor");
  for (const app::Role role : app::roles_for(ctx.ws.is_association())) {
    const std::string key = std::string("role_") + app::code(role);
    h.open("div", {{"class", "field field--check"}});
    const bool on = std::find(required.begin(), required.end(), role) != required.end();
    h.empty("input", {{"type", "checkbox"},
                      {"id", key},
                      {"name", key},
                      {"value", "1"},
                      Attr::flag("checked", on)});
    h.el("label", {{"for", key}}, app::label(role));
    h.close("div");
  }
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "保存する");
  h.close("div");
  end_form(h);
  h.close("section");
}

void register_two_factor_routes(Router& router) {
  using app::Permission;

  router.public_get("/login/2fa", [](RequestContext& ctx) {
    if (ctx.session_token().empty()) {
      ctx.redirect("/login");
      return;
    }
    FormState state;
    render_second_step(ctx, state);
  });

  router.public_post("/login/2fa", [](RequestContext& ctx) {
    const app::SignInResult result = app::complete_second_factor(
        ctx.ws, ctx.session_token(), ctx.param("code"), ctx.request.remote_addr, ctx.now());
    FormState state;
    switch (result.outcome) {
      case app::SignInOutcome::SignedIn:
        ctx.start_session_cookie(ctx.facility_code(), result.session->token);
        ctx.redirect(local_path_or(ctx.param("next"), "/"));
        return;
      case app::SignInOutcome::Throttled:
        ctx.set_cookie(ctx.router().session_cookie(), "", 0);
        state.error("",
                    "確認コードの誤りが続いたため、一時的にログインを止めています。"
                    "15分ほど待ってから、もう一度お試しください。");
        render_second_step(ctx, state, 429);
        return;
      case app::SignInOutcome::SecondFactorExpired:
        ctx.set_cookie(ctx.router().session_cookie(), "", 0);
        ctx.redirect("/login?notice=two_factor_expired");
        return;
      case app::SignInOutcome::WrongCredentials:
      case app::SignInOutcome::SecondFactorNeeded:
        state.set("code", "");
        state.error("code", "確認コードが正しくありません。最新の6桁を入力してください。");
        render_second_step(ctx, state);
        return;
    }
  });

  router.get("/account/2fa", Permission::OwnAccount, [](RequestContext& ctx) {
    FormState state;
    if (app::two_factor_status(ctx.ws, ctx.actor().user).enabled) {
      render_enabled(ctx, state);
    } else {
      render_set_up(ctx, state, "");
    }
  });

  router.post("/account/2fa", Permission::OwnAccount, [](RequestContext& ctx) {
    const std::string secret = ctx.param("secret");
    const app::TwoFactorEnabled on =
        app::enable_own_two_factor(ctx.ws, ctx.actor(), secret, ctx.param("code"), ctx.now());
    if (on.problems.empty()) {
      render_recovery_codes(ctx, on.recovery_codes, "二要素認証を設定しました");
      return;
    }
    FormState state;
    state.add_problems(on.problems, [](const core::Problem& p) { return p.field; });
    const bool bad_secret = on.problems.front().field == "secret";
    render_set_up(ctx, state, bad_secret ? "" : secret);
  });

  router.post("/account/2fa/disable", Permission::OwnAccount, [](RequestContext& ctx) {
    const core::Problems problems =
        app::disable_own_two_factor(ctx.ws, ctx.actor(), ctx.param("password"));
    if (problems.empty()) {
      ctx.redirect("/account?notice=two_factor_off");
      return;
    }
    FormState state;
    state.add_problems(problems, [](const core::Problem& p) { return p.field; });
    render_enabled(ctx, state);
  });

  router.post("/account/2fa/recovery-codes", Permission::OwnAccount, [](RequestContext& ctx) {
    if (!app::two_factor_status(ctx.ws, ctx.actor().user).enabled) {
      ctx.redirect("/account/2fa");
      return;
    }
    render_recovery_codes(ctx, app::renew_recovery_codes(ctx.ws, ctx.actor()), "新しい回復コード");
  });

  router.post("/users/two-factor", Permission::ManageUsers, [](RequestContext& ctx) {
    std::vector<app::Role> roles;
    for (const app::Role role : app::roles_for(ctx.ws.is_association())) {
      if (ctx.param(std::string("role_") + app::code(role)) == "1") roles.push_back(role);
    }
    app::set_two_factor_roles(ctx.ws, ctx.actor(), roles);
    ctx.redirect("/users?notice=saved");
  });
}

}  // namespace medbcp::web
