#include "cli/mail_command.h"

#include <iostream>
#include <memory>

#include "app/mail.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "cli/upkeep_options.h"

namespace medbcp::cli {

void add_mail_command(CLI::App& root, GlobalOptions& options) {
  auto* cmd = root.add_subcommand(
      "mail", "メールの設定・テスト送信・送信（インシデントの報告、点検のお知らせ）");
  cmd->require_subcommand(1);

  struct SettingsFlags {
    std::string smtp, from, user, charset = "utf-8", digest_to;
    bool password_stdin = false, no_starttls = false, off = false;
  };
  auto sf = std::make_shared<SettingsFlags>();
  auto* settings = cmd->add_subcommand("settings", "SMTP サーバーと送信元を設定する");
  settings->add_option("--smtp", sf->smtp,
                       "smtp://ホスト名:587（STARTTLS）か smtps://ホスト名:465");
  settings->add_option("--from", sf->from, "送信元のメールアドレス");
  settings->add_option("--user", sf->user, "SMTP のユーザー名");
  settings->add_flag("--password-stdin", sf->password_stdin, "SMTP のパスワードを標準入力から読む");
  settings->add_flag("--no-starttls", sf->no_starttls,
                     "smtp:// で STARTTLS を求めない（院内の中継サーバーなど）");
  settings->add_option("--charset", sf->charset, "本文の文字コード（utf-8 か iso-2022-jp）")
      ->check(CLI::IsMember({"utf-8", "iso-2022-jp"}));
  settings->add_option("--digest-to", sf->digest_to,
                       "週ごとのまとめを責任者のほかに送るアドレス（カンマ区切り）");
  settings->add_flag("--off", sf->off, "メールを送らない");
  settings->callback([&options, sf] {
    auto ws = open_workspace(options);
    app::MailSettings s;
    s.enabled = !sf->off;
    s.smtp_url = sf->smtp;
    s.starttls = !sf->no_starttls;
    s.username = sf->user;
    if (sf->password_stdin) std::getline(std::cin, s.password);
    s.from_address = sf->from;
    s.charset = sf->charset == "iso-2022-jp" ? app::MailCharset::Iso2022Jp : app::MailCharset::Utf8;
    s.digest_to = app::split_mail_addresses(sf->digest_to);
    const auto problems = app::save_mail_settings(*ws, terminal_actor(options), s);
    if (!problems.empty()) refuse("保存しませんでした。", problems);
    std::cout << (s.enabled
                      ? "メールの設定を保存しました（" + s.smtp_url + "、送信元 " + s.from_address +
                            "）。medbcp mail test --to で確かめてください。\n"
                      : std::string("メールを送らない設定にしました。\n"));
  });

  auto to = std::make_shared<std::string>();
  auto* test = cmd->add_subcommand("test", "テストのメールをすぐに送る");
  test->add_option("--to", *to, "宛先")->required();
  test->callback([&options, to] {
    auto ws = open_workspace(options);
    const std::string error =
        app::send_test_mail(*ws, terminal_actor(options), *to, core::Instant::now());
    if (!error.empty()) {
      std::cerr << "送れませんでした: " << error << "\n";
      throw ExitCode{1};
    }
    std::cout << *to << " にテストのメールを送りました。\n";
  });

  auto* run = cmd->add_subcommand(
      "run",
      "予定のメール（週ごとのまとめ、チェックリストの目標日）を積み、待っているメールを送る");
  run->callback([&options] {
    auto ws = open_workspace(options);
    const core::Instant now = core::Instant::now();
    const int queued = app::queue_scheduled_mail(*ws, now.tokyo_date(), now);
    const auto r = app::deliver_mail(*ws, now);
    std::cout << "積んだメール " << queued << " 通、送信 " << r.sent << " 通、再試行待ち "
              << r.retrying << " 通、送信をあきらめた " << r.given_up << " 通\n";
    if (r.retrying > 0 || r.given_up > 0) throw ExitCode{1};
  });
}

}  // namespace medbcp::cli
