#include "web/user_pages.h"

#include "web/two_factor_pages.h"

#include "app/users.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/section_pages.h"

namespace medbcp::web {
namespace {

// The roles of this workspace's accounts: a clinic's, or the association's.
std::vector<Option> role_options(const RequestContext& ctx) {
  std::vector<Option> out;
  for (app::Role r : app::roles_for(ctx.ws.is_association())) {
    out.push_back({app::code(r), app::label(r)});
  }
  return out;
}

const char* role_help(app::Role r) {
  switch (r) {
    case app::Role::Admin:
      return "利用者の管理と、計画のすべて";
    case app::Role::Editor:
      return "計画の編集と版の発行";
    case app::Role::Staff:
      return "計画を読む、インシデントの報告と記録";
    case app::Role::Viewer:
      return "読むだけ";
    case app::Role::AssociationAdmin:
      return "施設の追加、協会のアカウントの管理、全施設の一覧";
    case app::Role::AssociationViewer:
      return "全施設の一覧を見るだけ（計画やインシデントの中身は見えません）";
  }
  return "";
}

std::vector<FieldSpec> add_fields(const RequestContext& ctx) {
  FieldSpec role("role", "役割", FieldKind::Select, true);
  role.options = role_options(ctx);
  return {{"name", "ユーザー名", FieldKind::Text, true, "ログインに使う名前", "off"},
          role,
          {"password", "初期パスワード", FieldKind::Password, true,
           std::to_string(app::kMinPasswordLength) +
               "文字以上。本人に直接伝え、ログイン後に変更してもらいます。",
           "new-password"}};
}

void users_page(RequestContext& ctx, FormState& state) {
  std::vector<app::User> users = app::list_users(ctx.ws, ctx.actor());
  Page page;
  page.title = "利用者";
  page.nav = "users";
  page.crumbs.push_back({"ダッシュボード", "/"});
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  h.open("ul", {{"class", "role-help"}});
  for (app::Role r : app::roles_for(ctx.ws.is_association())) {
    h.open("li").el("strong", app::label(r)).text("：" + std::string(role_help(r))).close("li");
  }
  h.close("ul");
  h.open(
      "div",
      {{"class", "table-wrap"}, {"role", "region"}, {"aria-label", "利用者"}, {"tabindex", "0"}});
  h.open("table", {{"class", "data"}});
  h.open("thead").open("tr");
  for (const char* col : {"ユーザー名", "役割", "状態", "最終ログイン"}) {
    h.el("th", {{"scope", "col"}}, col);
  }
  h.close("tr").close("thead");
  h.open("tbody");
  for (const auto& u : users) {
    h.open("tr");
    h.open("td").el("a", {{"href", "/users/" + std::to_string(u.id.value)}}, u.name).close("td");
    h.el("td", app::label(u.role));
    h.open("td")
        .el("span", {{"class", u.active ? "tag tag--ok" : "tag"}}, u.active ? "有効" : "停止中")
        .close("td");
    std::string last;
    if (u.last_login_at) {
      if (auto t = core::Instant::parse(*u.last_login_at)) last = t->tokyo_text();
    }
    h.open("td");
    cell_text(h, last);
    h.close("td");
    h.close("tr");
  }
  h.close("tbody");
  h.close("table");
  h.close("div");

  two_factor_policy_section(h, ctx);
  h.open("section", {{"class", "panel narrow"}, {"aria-labelledby", "add-title"}});
  h.el("h2", {{"id", "add-title"}}, "利用者を追加");
  auto specs = add_fields(ctx);
  error_summary(h, state, specs);
  begin_form(h, ctx, "/users");
  for (const auto& s : specs) field(h, s, state);
  h.open("div", {{"class", "form-actions"}});
  submit_button(h, "追加する");
  h.close("div");
  end_form(h);
  h.close("section");
  render_page(ctx, page);
}

void user_page(RequestContext& ctx, const app::User& user, FormState& state) {
  Page page;
  page.title = "利用者：" + user.name;
  page.nav = "users";
  page.crumbs = {{"ダッシュボード", "/"}, {"利用者", "/users"}};
  if (state.has_errors()) page.status = 422;
  Html& h = page.body;
  const std::string base = "/users/" + std::to_string(user.id.value);
  std::vector<FieldSpec> all;
  FieldSpec role("role", "役割", FieldKind::Select, true);
  role.options = role_options(ctx);
  FieldSpec password("password", "新しいパスワード", FieldKind::Password, true,
                     std::to_string(app::kMinPasswordLength) + "文字以上", "new-password");
  all = {role, password};
  error_summary(h, state, all);

  h.open("section", {{"class", "panel narrow"}, {"aria-labelledby", "role-title"}});
  h.el("h2", {{"id", "role-title"}}, "役割");
  FormState role_state = state;
  if (role_state.value("role").empty()) role_state.set("role", app::code(user.role));
  begin_form(h, ctx, base + "/role");
  field(h, role, role_state);
  submit_button(h, "役割を変更");
  end_form(h);
  h.close("section");

  h.open("section", {{"class", "panel narrow"}, {"aria-labelledby", "password-title"}});
  h.el("h2", {{"id", "password-title"}}, "パスワードの再設定");
  h.el("p", {{"class", "hint"}},
       "再設定すると、この利用者のログイン中のセッションはすべて終了します。");
  begin_form(h, ctx, base + "/password");
  field(h, password, state);
  submit_button(h, "パスワードを再設定");
  end_form(h);
  h.close("section");

  h.open("section", {{"class", "panel narrow"}, {"aria-labelledby", "active-title"}});
  h.el("h2", {{"id", "active-title"}}, user.active ? "利用の停止" : "利用の再開");
  h.el("p", {{"class", "hint"}},
       user.active ? "退職などで使わなくなったアカウントは停止してください。記録は残ります。"
                   : "このアカウントは停止中です。");
  action_button(h, ctx, base + "/active", user.active ? "利用を停止する" : "利用を再開する",
                user.active ? "button button--danger" : "button",
                {{"active", user.active ? "0" : "1"}});
  h.close("section");
  render_page(ctx, page);
}

// Runs a change on one user and shows the result on that user's page.
void change_user(RequestContext& ctx,
                 const std::function<core::Problems(const app::User&, FormState&)>& change) {
  auto user = app::find_user(ctx.ws, core::UserId(ctx.id_match(1)));
  if (!user) {
    render_error(ctx, 404, "見つかりません", "指定された利用者はいません。");
    return;
  }
  FormState state;
  core::Problems problems = change(*user, state);
  if (problems.empty() && !state.has_errors()) {
    ctx.redirect("/users/" + std::to_string(user->id.value) + "?notice=saved");
    return;
  }
  state.add_problems(problems, [](const core::Problem& p) { return p.field; });
  user_page(ctx, *user, state);
}

}  // namespace

void register_user_routes(Router& router) {
  using app::Permission;
  router.add_nav({"users", "利用者", "/users", Permission::ManageUsers, 70, "管理"});
  router.get("/users", Permission::ManageUsers, [](RequestContext& ctx) {
    FormState state;
    state.set("role",
              app::code(ctx.ws.is_association() ? app::Role::AssociationViewer : app::Role::Staff));
    users_page(ctx, state);
  });
  router.post("/users", Permission::ManageUsers, [](RequestContext& ctx) {
    FormState state = read_form(ctx, add_fields(ctx));
    auto role = app::role_from_code(state.value("role"));
    if (!role) {
      state.error("role", "一覧から選んでください。");
    } else {
      core::Problems problems =
          app::add_user(ctx.ws, ctx.actor(), state.value("name"), *role, ctx.param("password"));
      if (problems.empty()) {
        ctx.redirect("/users?notice=user_added");
        return;
      }
      state.add_problems(problems, [](const core::Problem& p) { return p.field; });
    }
    users_page(ctx, state);
  });
  router.get(R"(/users/(\d+))", Permission::ManageUsers, [](RequestContext& ctx) {
    auto user = app::find_user(ctx.ws, core::UserId(ctx.id_match(1)));
    if (!user) {
      render_error(ctx, 404, "見つかりません", "指定された利用者はいません。");
      return;
    }
    FormState state;
    user_page(ctx, *user, state);
  });
  router.post(R"(/users/(\d+)/role)", Permission::ManageUsers, [](RequestContext& ctx) {
    change_user(ctx, [&](const app::User& user, FormState& state) -> core::Problems {
      auto role = app::role_from_code(ctx.param("role"));
      if (!role) {
        state.error("role", "一覧から選んでください。");
        return {};
      }
      return app::set_user_role(ctx.ws, ctx.actor(), user.id, *role);
    });
  });
  router.post(R"(/users/(\d+)/password)", Permission::ManageUsers, [](RequestContext& ctx) {
    change_user(ctx, [&](const app::User& user, FormState&) {
      return app::reset_password(ctx.ws, ctx.actor(), user.id, ctx.param("password"));
    });
  });
  router.post(R"(/users/(\d+)/active)", Permission::ManageUsers, [](RequestContext& ctx) {
    change_user(ctx, [&](const app::User& user, FormState&) {
      return app::set_user_active(ctx.ws, ctx.actor(), user.id, ctx.param("active") == "1");
    });
  });
}

}  // namespace medbcp::web
