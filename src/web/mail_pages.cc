#include "web/mail_pages.h"

#include "app/mail.h"
#include "core/text.h"
#include "web/form.h"
#include "web/layout.h"
#include "web/upkeep_widgets.h"

namespace medbcp::web {
namespace {

void mail_page(RequestContext& ctx, const core::Problems& problems, const std::string& notice) {
  const app::MailSettings s = app::mail_settings(ctx.ws, ctx.actor());
  Page page;
  page.title = "メール設定";
  page.nav = "mail";
  page.crumbs = {{"ダッシュボード", "/"}};
  if (!problems.empty()) page.status = 422;
  Html& h = page.body;
  h.el("p", {{"class", "lead"}},
       "インシデントや訓練が始まったとき、医療情報システム安全管理責任者と、連絡体制図（別紙１）で"
       "責任者に直接報告する人にメールで知らせます。要対応の点検項目は週に一度まとめて、"
       "チェックリストの目標日は1週間前に知らせます。メールアドレスは計画の責任者と連絡体制図に"
       "入力します。");
  if (!notice.empty()) h.el("p", {{"class", "notice"}, {"role", "status"}}, notice);
  problem_summary(h, "保存・送信できませんでした", problems);
  if (s.from_environment) {
    h.el("p", {{"class", "hint"}},
         "このサーバーのメール設定は /etc/default/medbcp で指定されています（" + s.smtp_url +
             "）。変更はそのファイルで行ってください。");
  }
  h.open("section", {{"class", "narrow"}, {"aria-labelledby", "mail-settings-title"}});
  h.el("h2", {{"id", "mail-settings-title"}}, "送信の設定");
  h.open("form", {{"method", "post"}, {"action", "/settings/mail"}});
  csrf_field(h, ctx);
  compact_select(h, "mail-enabled", "enabled", "メールを送る", {{"1", "送る"}, {"0", "送らない"}},
                 s.enabled ? "1" : "0");
  compact_input(h, "mail-smtp", "smtp_url", "SMTP サーバー", "text", s.smtp_url, false,
                {{"placeholder", "smtp://mail.example.jp:587"}, {"autocomplete", "off"}});
  compact_select(h, "mail-starttls", "starttls", "暗号化（smtp:// のとき）",
                 {{"1", "STARTTLS を必須にする"}, {"0", "暗号化しない（院内の中継サーバー）"}},
                 s.starttls ? "1" : "0");
  compact_input(h, "mail-user", "username", "ユーザー名", "text", s.username, false,
                {{"autocomplete", "off"}});
  compact_input(h, "mail-password", "password", "パスワード（変えるときだけ入力）", "password", "",
                false, {{"autocomplete", "new-password"}});
  compact_input(h, "mail-from", "from_address", "送信元のアドレス", "email", s.from_address);
  compact_select(h, "mail-charset", "charset", "本文の文字コード",
                 {{"utf-8", "UTF-8"}, {"iso-2022-jp", "ISO-2022-JP（古いメールソフト向け）"}},
                 s.charset == app::MailCharset::Iso2022Jp ? "iso-2022-jp" : "utf-8");
  std::string digest;
  for (const auto& a : s.digest_to) digest += (digest.empty() ? "" : "\n") + a;
  h.open("div", {{"class", "field"}});
  h.el("label", {{"for", "mail-digest"}}, "週ごとのまとめを責任者のほかに送るアドレス（1行に1件）");
  h.el("textarea", {{"id", "mail-digest"}, {"name", "digest_to"}, {"rows", "3"}}, digest);
  h.close("div");
  h.el("button", {{"type", "submit"}, {"class", "button"}}, "保存する");
  h.close("form");
  h.close("section");

  h.open("section", {{"class", "narrow"}, {"aria-labelledby", "mail-test-title"}});
  h.el("h2", {{"id", "mail-test-title"}}, "テスト送信");
  h.open("form",
         {{"method", "post"}, {"action", "/settings/mail/test"}, {"class", "form--inline"}});
  csrf_field(h, ctx);
  compact_input(h, "mail-test-to", "to", "宛先", "email", "", true);
  h.el("button", {{"type", "submit"}, {"class", "button button--small"}}, "テストのメールを送る");
  h.close("form");
  h.close("section");
  mail_problems_section(h, ctx);
  render_page(ctx, page);
}

void post_settings(RequestContext& ctx) {
  app::MailSettings s;
  s.enabled = ctx.param("enabled") == "1";
  s.smtp_url = ctx.param("smtp_url");
  s.starttls = ctx.param("starttls") != "0";
  s.username = ctx.param("username");
  s.password = ctx.param("password");
  s.from_address = ctx.param("from_address");
  s.charset =
      ctx.param("charset") == "iso-2022-jp" ? app::MailCharset::Iso2022Jp : app::MailCharset::Utf8;
  s.digest_to = app::split_mail_addresses(ctx.param("digest_to"));
  const auto problems = app::save_mail_settings(ctx.ws, ctx.actor(), s);
  if (!problems.empty()) {
    mail_page(ctx, problems, "");
    return;
  }
  ctx.redirect("/settings/mail?notice=saved");
}

void post_test(RequestContext& ctx) {
  const std::string error = app::send_test_mail(ctx.ws, ctx.actor(), ctx.param("to"), ctx.now());
  if (!error.empty()) {
    mail_page(ctx, {{"to", 0, error}}, "");
    return;
  }
  mail_page(
      ctx, {},
      core::trim(ctx.param("to")) + " にテストのメールを送りました。届いたか確かめてください。");
}

}  // namespace

void mail_problems_section(Html& h, RequestContext& ctx) {
  const auto view = app::mail_queue_view(ctx.ws, ctx.actor());
  if (view.problems.empty()) return;
  h.open("section",
         {{"class", "panel"}, {"id", "mail-problems"}, {"aria-labelledby", "mail-problems-title"}});
  h.el("h2", {{"id", "mail-problems-title"}}, "送れていないメール");
  h.open("ul", {{"class", "reminders"}});
  for (const auto& p : view.problems) {
    h.open("li", {{"class", "reminder reminder--overdue"}});
    h.el("span", {{"class", "tag tag--bad"}}, "メール");
    h.el("span", {{"class", "reminder-message"}}, p);
    h.close("li");
  }
  h.close("ul");
  if (ctx.can(app::Permission::ManageUsers)) {
    h.el("a", {{"href", "/settings/mail"}}, "メール設定を確かめる");
  }
  h.close("section");
}

void register_mail_routes(Router& router) {
  using app::Permission;
  router.add_nav({"mail", "メール設定", "/settings/mail", Permission::ManageUsers, 72, "管理"});
  router.get("/settings/mail", Permission::ManageUsers,
             [](RequestContext& ctx) { mail_page(ctx, {}, ""); });
  router.post("/settings/mail", Permission::ManageUsers, post_settings);
  router.post("/settings/mail/test", Permission::ManageUsers, post_test);
}

}  // namespace medbcp::web
