#include "web/auth_pages.h"

#include "app/sessions.h"
#include "app/users.h"
#include "core/text.h"
#include "web/api_token_pages.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/two_factor_pages.h"
#include "web/url.h"

namespace medbcp::web {
namespace {

const std::vector<FieldSpec>& setup_fields() {
  static const std::vector<FieldSpec> specs = {
      {"name", "ユーザー名", FieldKind::Text, true, "ログインに使う名前。例：院長 山田、yamada",
       "username"},
      {"password", "パスワード", FieldKind::Password, true,
       std::to_string(app::kMinPasswordLength) +
           "文字以上。他のサービスと同じものは避けてください。",
       "new-password"},
      {"password_confirm", "パスワード（確認）", FieldKind::Password, true, "", "new-password"},
  };
  return specs;
}

// On an association's server, the sign-in names the facility too; the
// association's own accounts leave it empty.
const std::vector<FieldSpec>& login_fields(bool many_facilities) {
  static const std::vector<FieldSpec> one = {
      {"name", "ユーザー名", FieldKind::Text, true, "", "username"},
      {"password", "パスワード", FieldKind::Password, true, "", "current-password"},
  };
  static const std::vector<FieldSpec> many = {
      {"facility", "施設コード", FieldKind::Text, false,
       "医療機関の施設コード（例：aoba-naika）。医師会・協会の方は空欄", "organization"},
      {"name", "ユーザー名", FieldKind::Text, true, "", "username"},
      {"password", "パスワード", FieldKind::Password, true, "", "current-password"},
  };
  return many_facilities ? many : one;
}

// A typed facility code as registered: full-width letters and capitals
// become the half-width lower case codes are made of.
std::string typed_facility_code(const std::string& typed) {
  std::string code = core::nfkc(core::trim(typed));
  for (char& c : code) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return code;
}

const std::vector<FieldSpec>& password_fields() {
  static const std::vector<FieldSpec> specs = {
      {"current_password", "現在のパスワード", FieldKind::Password, true, "", "current-password"},
      {"new_password", "新しいパスワード", FieldKind::Password, true,
       std::to_string(app::kMinPasswordLength) + "文字以上", "new-password"},
      {"new_password_confirm", "新しいパスワード（確認）", FieldKind::Password, true, "",
       "new-password"},
  };
  return specs;
}

void start_signed_in(RequestContext& ctx, const app::NewSession& session) {
  ctx.start_session_cookie(ctx.facility_code(), session.token);
}

void render_setup(RequestContext& ctx, FormState& state) {
  Page page;
  page.title = "はじめに：管理者の登録";
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  h.open("div", {{"class", "narrow"}});
  if (ctx.ws.is_association()) {
    h.el("p", {{"class", "lead"}},
         "medbcp へようこそ。このサーバーは医師会・協会が会員の医療機関をまとめて預かります。"
         "最初に、施設の追加と全施設の一覧を扱う「協会管理者」を登録します。");
  } else {
    h.el("p", {{"class", "lead"}},
         "medbcp へようこそ。最初に、利用者と計画のすべてを管理する「管理者」を登録します。"
         "院長または事務長など、計画に責任を持つ方のアカウントにしてください。");
  }
  error_summary(h, state, setup_fields());
  begin_form(h, ctx, "/setup");
  for (const auto& spec : setup_fields()) field(h, spec, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "管理者を登録して始める");
  h.close("div");
  end_form(h);
  h.close("div");
  render_page(ctx, page);
}

void render_login(RequestContext& ctx, FormState& state, int status = 200) {
  Page page;
  page.title = "ログイン";
  page.status = state.has_errors() && status == 200 ? 422 : status;
  Html& h = page.body;
  h.open("div", {{"class", "narrow"}});
  h.el("p", {{"class", "lead"}},
       "医療機関のサイバーインシデント BCP（事業継続計画）を管理します。");
  const auto& fields = login_fields(ctx.router().many_facilities());
  error_summary(h, state, fields);
  begin_form(h, ctx, "/login");
  h.empty("input", {{"type", "hidden"}, {"name", "next"}, {"value", ctx.param("next")}});
  for (const auto& spec : fields) field(h, spec, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "ログイン");
  h.close("div");
  end_form(h);
  h.el("p", {{"class", "hint"}},
       "パスワードを忘れた場合は、管理者にパスワードの再設定を依頼してください。");
  h.close("div");
  render_page(ctx, page);
}

void render_account(RequestContext& ctx, FormState& state) {
  Page page;
  page.title = "アカウント";
  page.crumbs.push_back({"ダッシュボード", "/"});
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  h.open("dl", {{"class", "facts"}});
  h.el("dt", "ユーザー名");
  h.el("dd", ctx.actor().name);
  h.el("dt", "役割");
  h.el("dd", app::label(ctx.actor().role));
  h.close("dl");
  two_factor_account_section(h, ctx);
  api_token_account_section(h, ctx);
  h.open("section", {{"class", "narrow"}, {"aria-labelledby", "password-title"}});
  h.el("h2", {{"id", "password-title"}}, "パスワードの変更");
  error_summary(h, state, password_fields());
  begin_form(h, ctx, "/account/password");
  for (const auto& spec : password_fields()) field(h, spec, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "パスワードを変更");
  h.close("div");
  end_form(h);
  h.close("section");
  render_page(ctx, page);
}

}  // namespace

void register_auth_routes(Router& router) {
  router.public_get("/setup", [](RequestContext& ctx) {
    if (app::has_users(ctx.ws)) {
      ctx.redirect("/login");
      return;
    }
    FormState state;
    render_setup(ctx, state);
  });

  router.public_post("/setup", [](RequestContext& ctx) {
    FormState state = read_form(ctx, setup_fields());
    const std::string password = ctx.param("password");
    if (password != ctx.param("password_confirm")) {
      state.error("password_confirm", "確認用のパスワードが一致しません。");
    }
    if (!state.has_errors()) {
      core::Problems problems = app::create_first_admin(ctx.ws, state.value("name"), password);
      if (problems.empty()) {
        app::SignInResult result =
            app::sign_in(ctx.ws, state.value("name"), password, ctx.request.remote_addr, ctx.now());
        if (result.session) start_signed_in(ctx, *result.session);
        ctx.redirect(ctx.ws.is_association() ? "/association?notice=welcome_association"
                                             : "/?notice=welcome");
        return;
      }
      state.add_problems(problems, [](const core::Problem& p) { return p.field; });
    }
    render_setup(ctx, state);
  });

  router.public_get("/login", [](RequestContext& ctx) {
    if (ctx.signed_in()) {
      ctx.redirect(local_path_or(ctx.param("next"), "/"));
      return;
    }
    FormState state;
    render_login(ctx, state);
  });

  router.public_post("/login", [](RequestContext& ctx) {
    const bool many = ctx.router().many_facilities();
    FormState state = read_form(ctx, login_fields(many));
    // The workspace whose accounts are asked: the facility typed in (on an
    // association's server), else the server's own.
    app::Workspace* target = &ctx.ws;
    std::string code;
    if (many) {
      code = typed_facility_code(state.value("facility"));
      target =
          code.empty() ? &ctx.router().directory().home() : ctx.router().directory().facility(code);
    }
    if (target == nullptr) {
      state.error("", "施設コード、ユーザー名またはパスワードが正しくありません。");
      render_login(ctx, state);
      return;
    }
    app::SignInResult result = app::sign_in(*target, state.value("name"), ctx.param("password"),
                                            ctx.request.remote_addr, ctx.now());
    switch (result.outcome) {
      case app::SignInOutcome::SignedIn:
        ctx.start_session_cookie(code, result.session->token);
        ctx.redirect(local_path_or(ctx.param("next"), "/"));
        return;
      case app::SignInOutcome::SecondFactorNeeded:
        // The pending session opens only the second step.
        ctx.start_session_cookie(code, result.session->token);
        ctx.redirect(with_query("/login/2fa", {{"next", local_path_or(ctx.param("next"), "/")}}));
        return;
      case app::SignInOutcome::Throttled:
        state.error("",
                    "ログインの失敗が続いたため、一時的にログインを止めています。"
                    "15分ほど待ってから、もう一度お試しください。");
        render_login(ctx, state, 429);
        return;
      case app::SignInOutcome::WrongCredentials:
      case app::SignInOutcome::SecondFactorExpired:
        state.error("", many ? "施設コード、ユーザー名またはパスワードが正しくありません。"
                             : "ユーザー名またはパスワードが正しくありません。");
        render_login(ctx, state);
        return;
    }
  });

  router.post("/logout", app::Permission::OwnAccount, [](RequestContext& ctx) {
    app::sign_out(ctx.ws, ctx.session_token());
    ctx.set_cookie(ctx.router().session_cookie(), "", 0);
    ctx.redirect("/login?notice=signed_out");
  });

  // Keeps the session while someone types into a long form (assets/app.js
  // calls it); the request itself is the activity that counts.
  router.post("/session/keepalive", app::Permission::OwnAccount,
              [](RequestContext& ctx) { ctx.response.status = 204; });

  router.get("/account", app::Permission::OwnAccount, [](RequestContext& ctx) {
    FormState state;
    render_account(ctx, state);
  });

  router.post("/account/password", app::Permission::OwnAccount, [](RequestContext& ctx) {
    FormState state;
    const std::string next = ctx.param("new_password");
    if (next != ctx.param("new_password_confirm")) {
      state.error("new_password_confirm", "確認用のパスワードが一致しません。");
    } else {
      core::Problems problems =
          app::change_own_password(ctx.ws, ctx.actor(), ctx.param("current_password"), next);
      if (problems.empty()) {
        // Every session of the user ended with the change; this one continues anew.
        start_signed_in(ctx, app::start_session(ctx.ws, ctx.actor().user, ctx.now()));
        ctx.redirect("/account?notice=password");
        return;
      }
      state.add_problems(problems, [](const core::Problem& p) { return p.field; });
    }
    render_account(ctx, state);
  });
}

}  // namespace medbcp::web
