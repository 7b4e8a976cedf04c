#include "web/layout.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "app/sessions.h"
#include "web/asset_pages.h"

namespace medbcp::web {
namespace {

// `idle_seconds` > 0 on the pages of a signed-in user: app.js warns before
// the session ends and keeps it while the person is typing.
void head(Html& h, std::string_view title, std::int64_t idle_seconds = 0) {
  h.raw_html_unescaped("<!DOCTYPE html>\n");  // constant markup
  h.open("html", {{"lang", "ja"}});
  h.open("head");
  h.empty("meta", {{"charset", "utf-8"}});
  h.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  h.empty("meta", {{"name", "referrer"}, {"content", "same-origin"}});
  if (idle_seconds > 0) {
    h.empty("meta", {{"name", "medbcp-session-idle"}, {"content", std::to_string(idle_seconds)}});
  }
  h.el("title", std::string(title) + " — medbcp");
  h.empty("link", {{"rel", "icon"}, {"href", asset_url("icon.svg")}, {"type", "image/svg+xml"}});
  h.empty("link", {{"rel", "stylesheet"}, {"href", asset_url("app.css")}});
  h.el("script", {{"src", asset_url("app.js")}, Attr::flag("defer", true)}, "");
  h.close("head");
}

void brand(Html& h) {
  h.open("a", {{"class", "brand"}, {"href", "/"}});
  h.el("span", {{"class", "brand__mark"}, {"aria-hidden", "true"}}, "BCP");
  h.el("span", {{"class", "brand__name"}}, "medbcp");
  h.close("a");
}

void nav_link(Html& h, const NavItem& item, std::string_view current) {
  h.open("li");
  h.el("a",
       {{"href", item.href}, Attr::optional("aria-current", item.key == current ? "page" : "")},
       item.label);
  h.close("li");
}

// A few links a person under stress needs (ダッシュボード, インシデント),
// then the rest folded under three headings, so a phone shows the whole
// menu on one or two lines with nothing hidden off the side. The folds are
// <details>: they open without JavaScript; one at a time (same name).
void site_nav(RequestContext& ctx, Html& h, std::string_view current) {
  std::vector<const NavItem*> shown;
  for (const auto& item : ctx.router().nav()) {
    if (ctx.can(item.permission)) shown.push_back(&item);
  }
  h.open("nav", {{"class", "site-nav"}, {"aria-label", "メインメニュー"}});
  h.open("ul", {{"class", "site-nav__list"}});
  std::vector<std::string> groups_done;
  for (const NavItem* item : shown) {
    if (item->group.empty()) {
      nav_link(h, *item, current);
      continue;
    }
    if (std::find(groups_done.begin(), groups_done.end(), item->group) != groups_done.end()) {
      continue;
    }
    groups_done.push_back(item->group);
    bool holds_current = false;
    for (const NavItem* member : shown) {
      holds_current = holds_current || (member->group == item->group && member->key == current);
    }
    h.open("li", {{"class", "site-nav__group"}});
    h.open("details", {{"class", "nav-group"}, {"name", "site-nav"}});
    h.el("summary", {{"class", holds_current ? "nav-group__label is-current" : "nav-group__label"}},
         item->group);
    h.open("ul", {{"class", "nav-group__list"}});
    for (const NavItem* member : shown) {
      if (member->group == item->group) nav_link(h, *member, current);
    }
    h.close("ul");
    h.close("details");
    h.close("li");
  }
  h.close("ul");
  h.close("nav");
}

// Two rows: the brand and the account on top, the menu below.
void site_header(RequestContext& ctx, Html& h, std::string_view current) {
  h.open("header", {{"class", "site-header"}});
  h.open("div", {{"class", "site-header__inner"}});
  brand(h);
  if (ctx.signed_in()) {
    h.open("div", {{"class", "account"}});
    h.open("a", {{"href", "/account"}, {"class", "account__name"}});
    h.text(ctx.actor().name);
    h.el("span", {{"class", "badge"}}, app::label(ctx.actor().role));
    h.close("a");
    h.open("form", {{"method", "post"}, {"action", "/logout"}, {"class", "inline-form"}});
    h.empty("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", ctx.csrf_token()}});
    h.el("button", {{"type", "submit"}, {"class", "button button--quiet"}}, "ログアウト");
    h.close("form");
    h.close("div");
  }
  h.close("div");
  if (ctx.signed_in()) {
    site_nav(ctx, h, current);
  }
  h.close("header");
}

}  // namespace

std::string notice_text(std::string_view code) {
  if (code == "saved") return "保存しました。";
  if (code == "imported") return "情報機器台帳を取り込みました。";
  if (code == "imported_sheet") return "事業者確認用のシートを取り込みました。";
  if (code == "added") return "追加しました。";
  if (code == "deleted") return "削除しました。";
  if (code == "retired") return "使用終了（廃棄）にしました。";
  if (code == "moved") return "並び順を変更しました。";
  if (code == "published") return "新しい版を発行しました。職員に確認を依頼してください。";
  if (code == "acknowledged") return "確認を記録しました。ありがとうございます。";
  if (code == "password") return "パスワードを変更しました。";
  if (code == "weak_password") {
    return "今のパスワードは現在の基準（12文字以上、辞書にある言葉やよく使われるパスワードでない"
           "こと）を満たしていません。先にパスワードを変更してください。";
  }
  if (code == "user_added") return "利用者を登録しました。";
  if (code == "token_revoked") return "アクセストークンを取り消しました。";
  if (code == "two_factor_off") return "二要素認証を解除しました。";
  if (code == "two_factor_required") {
    return "あなたの役割では二要素認証が必須です。設定すると、ほかのページを開けるようになります。";
  }
  if (code == "two_factor_expired") {
    return "確認コードの入力期限（5分）が過ぎました。もう一度ログインしてください。";
  }
  if (code == "signed_out") return "ログアウトしました。";
  if (code == "created") return "計画を作成しました。";
  if (code == "welcome") return "管理者を登録しました。続けて計画を作成してください。";
  if (code == "welcome_association") {
    return "協会管理者を登録しました。続けて会員の施設を追加してください。";
  }
  if (code == "facility_added") {
    return "施設を追加しました。施設コードと管理者の初期パスワードを施設の管理者に直接伝えてくださ"
           "い。";
  }
  return "";
}

std::string asset_url(std::string_view name) {
  return "/assets/" + std::string(name) + "?v=" + asset_hash(name);
}

void apply_security_headers(httplib::Response& res, bool tls) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                 "frame-ancestors 'none'");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null"
  // on form posts, and the Origin check needs the real one.
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
  res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.set_header("Cache-Control", "no-store");
  if (tls) res.set_header("Strict-Transport-Security", "max-age=31536000");
}

void render_page(RequestContext& ctx, Page& page) {
  Html h;
  head(h, page.title, ctx.session() ? app::kSessionIdleSeconds : 0);
  h.open("body");
  h.el("a", {{"class", "skip-link"}, {"href", "#main"}}, "本文へ移動");
  site_header(ctx, h, page.nav);
  h.open("main", {{"id", "main"}, {"class", page.wide ? "main main--wide" : "main"}});
  if (!page.crumbs.empty()) {
    h.open("nav", {{"class", "breadcrumbs"}, {"aria-label", "現在地"}});
    h.open("ol");
    for (const auto& c : page.crumbs) {
      h.open("li").el("a", {{"href", c.href}}, c.label).close("li");
    }
    h.el("li", {{"aria-current", "page"}}, page.title);
    h.close("ol");
    h.close("nav");
  }
  if (std::string notice = notice_text(ctx.param("notice")); !notice.empty()) {
    h.el("p", {{"class", "notice"}, {"role", "status"}}, notice);
  }
  h.el("h1", page.title);
  h.append(page.body);
  h.close("main");
  h.open("footer", {{"class", "site-footer"}});
  h.el("p", "medbcp — 医療機関のサイバーインシデント BCP");
  h.close("footer");
  h.close("body");
  h.close("html");
  ctx.response.status = page.status;
  ctx.response.set_content(h.take(), "text/html; charset=utf-8");
}

void render_error(RequestContext& ctx, int status, std::string_view title,
                  std::string_view message) {
  Page page;
  page.title = std::string(title);
  page.status = status;
  page.body.open("div", {{"class", "panel panel--error"}});
  page.body.el("p", message);
  page.body.open("p");
  page.body.el("a", {{"href", "/"}}, "ダッシュボードへ戻る");
  page.body.close("p");
  page.body.close("div");
  render_page(ctx, page);
}

std::string standalone_error_page(int status) {
  std::string title, message;
  switch (status) {
    case 404:
      title = "ページが見つかりません";
      message = "アドレスが正しいか確認してください。";
      break;
    case 413:
      title = "送信された内容が大きすぎます";
      message = "ファイルを小さくするか、分けて送信してください。";
      break;
    case 400:
      title = "リクエストを処理できません";
      message = "ページを開き直してから、もう一度お試しください。";
      break;
    default:
      title = "エラーが発生しました";
      message = "時間をおいてもう一度お試しください。";
  }
  Html h;
  head(h, title);
  h.open("body");
  h.open("header", {{"class", "site-header"}});
  h.open("div", {{"class", "site-header__inner"}});
  brand(h);
  h.close("div");
  h.close("header");
  h.open("main", {{"id", "main"}, {"class", "main"}});
  h.el("h1", title);
  h.open("div", {{"class", "panel panel--error"}});
  h.el("p", message);
  h.open("p").el("a", {{"href", "/"}}, "ダッシュボードへ戻る").close("p");
  h.close("div");
  h.close("main");
  h.close("body");
  h.close("html");
  return h.take();
}

}  // namespace medbcp::web
