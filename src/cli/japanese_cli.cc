#include "cli/japanese_cli.h"

#include <iostream>
#include <memory>
#include <string>

namespace medbcp::cli {
namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Columns a terminal gives the text: two for East Asian wide characters
// (U+1100 and up, near enough for kana, kanji and full-width forms).
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += length >= 3 ? 2 : 1;
    i += length;
  }
  return width;
}

constexpr std::size_t kLeftColumn = 30;

// "  name      description", the description starting at kLeftColumn, on a
// line of its own when the name is longer.
std::string help_line(const std::string& left, const std::string& description) {
  std::string out = "  " + left;
  const std::size_t used = 2 + display_width(left);
  if (used + 1 > kLeftColumn) {
    out += "\n" + std::string(kLeftColumn, ' ');
  } else {
    out += std::string(kLeftColumn - used, ' ');
  }
  out += replaced(description, "\n", "\n" + std::string(kLeftColumn, ' '));
  return out + "\n";
}

class JapaneseFormatter : public CLI::Formatter {
 public:
  JapaneseFormatter() {
    label("Usage", "使い方");
    label("OPTIONS", "オプション");
    label("SUBCOMMAND", "コマンド");
    label("SUBCOMMANDS", "コマンド");
    label("REQUIRED", "（必須）");
    label("Positionals", "引数");
    label("Env", "環境変数");
    label("Needs", "必要");
    label("Excludes", "同時に指定できない");
    column_width(static_cast<std::size_t>(kLeftColumn));
  }
  // CLI11 pads the left column by bytes; Japanese takes three bytes and two
  // columns, so the descriptions are lined up here by display width.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return help_line(make_option_name(opt, is_positional) + make_option_opts(opt),
                     make_option_desc(opt));
  }
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string out;
    if (opt->get_items_expected_min() > 0 && !opt->get_positional()) out += " <値>";
    if (opt->get_required()) out += " （必須）";
    return out;
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return help_line(sub->get_display_name(true), sub->get_description());
  }
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    if (group == "Options") group = "オプション";
    return CLI::Formatter::make_group(group, is_positional, opts);
  }
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    return replaced(CLI::Formatter::make_subcommands(app, mode), "\nSubcommands:\n",
                    "\nコマンド:\n");
  }
  std::string make_footer(const CLI::App* app) const override {
    std::string footer = CLI::Formatter::make_footer(app);
    if (!app->get_subcommands({}).empty()) {
      footer += "各コマンドの使い方は「" + app->get_display_name() +
                " コマンド --help」で表示されます。\n";
    }
    return footer;
  }
};

// The command whose line was being read when the error came: the deepest
// subcommand the user reached, for "medbcp incident log --help".
std::string command_path(const CLI::App& root) {
  std::string path = root.get_name();
  const CLI::App* app = &root;
  for (;;) {
    const auto chosen = app->get_subcommands();
    if (chosen.empty()) break;
    app = chosen.front();
    path += " " + app->get_name();
  }
  return path;
}

// By the error's type: CLI11 names some errors after the subcommand that
// raised them, so the name cannot tell them apart.
std::string japanese_message(const CLI::ParseError& error) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    if (what.find("subcommand") != std::string::npos) return "コマンドを指定してください。";
    return "「" + what.substr(0, what.find(' ')) + "」を指定してください。";
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    const auto colon = what.find(':');
    return "余分な引数があります:" +
           (colon == std::string::npos ? " " + what : what.substr(colon + 1)) +
           "（値に空白があるときは引用符で囲んでください）";
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    // "--role: boss not in {admin,editor}" → 「--role: boss」は次のどれかに: {…}
    return "指定できない値です（" + replaced(what, " not in ", " は次のどれでもありません: ") +
           "）。";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
    return "値を読めません（" + what + "）。数字などの形を確かめてください。";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    return "値の数が合いません（" + what + "）。";
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
    return "同時には指定できないオプションです（" + what + "）。";
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr) {
    return "一緒に指定が必要なオプションがあります（" + what + "）。";
  }
  return "コマンドラインを読めません（" + what + "）。";
}

}  // namespace

void speak_japanese(CLI::App& root) {
  root.formatter(std::make_shared<JapaneseFormatter>());
  // The group first: the help flag is made with it, beside every option.
  root.option_defaults()->group("オプション");
  root.set_help_flag("-h,--help", "この使い方を表示して終了する");
}

void group_help_flags(CLI::App& app) {
  if (CLI::Option* help = app.get_help_ptr(); help != nullptr) help->group("オプション");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    group_help_flags(*sub);
  }
}

int report_parse_error(CLI::App& root, const CLI::ParseError& error) {
  const std::string name = error.get_name();
  if (name == "CallForHelp" || name == "CallForAllHelp" || name == "CallForVersion") {
    return root.exit(error);  // the help itself, on standard output; exit 0
  }
  if (name == "RuntimeError") return error.get_exit_code();
  std::cerr << "medbcp: " << japanese_message(error) << "\n"
            << "使い方は「" << command_path(root) << " --help」で表示されます。\n";
  return 2;
}

}  // namespace medbcp::cli
