#include "doc/template_parser.h"

#include <algorithm>
#include <optional>

#include "doc/embedded_templates.h"
#include "doc/plan_catalog.h"

namespace medbcp::doc {
namespace {

using Kind = TemplateBlock::Kind;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // An ideographic space at either end is layout, not content.
  while (s.starts_with("\u3000")) s.remove_prefix(3);
  while (s.ends_with("\u3000")) s.remove_suffix(3);
  return s;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
  return out;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  TemplateParse run() {
    split_lines();
    strip_comments();
    std::size_t i = front_matter();
    for (; i < lines_.size(); ++i) line(i);
    flush();
    return std::move(result_);
  }

 private:
  void error(int line, std::string message) {
    result_.problems.push_back({"template", line, std::to_string(line) + "行目: " + message});
  }

  void split_lines() {
    std::string_view t = text_;
    if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);  // UTF-8 BOM from Windows editors
    while (!t.empty()) {
      std::size_t nl = t.find('\n');
      std::string_view l = t.substr(0, nl);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      lines_.emplace_back(l);
      if (nl == std::string_view::npos) break;
      t.remove_prefix(nl + 1);
    }
  }

  // <!-- … --> may span lines; the text around it stays on its own lines so
  // line numbers in messages still match the file.
  void strip_comments() {
    bool inside = false;
    int opened_at = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string& l = lines_[i];
      std::string kept;
      std::size_t pos = 0;
      while (pos <= l.size()) {
        if (inside) {
          std::size_t end = l.find("-->", pos);
          if (end == std::string::npos) break;
          inside = false;
          pos = end + 3;
        } else {
          std::size_t start = l.find("<!--", pos);
          if (start == std::string::npos) {
            kept += l.substr(pos);
            break;
          }
          kept += l.substr(pos, start - pos);
          inside = true;
          opened_at = static_cast<int>(i) + 1;
          pos = start + 4;
        }
      }
      // A line that held only a comment is not a paragraph break.
      comment_only_.push_back(trim(kept).empty() && !trim(l).empty());
      l = kept;
    }
    if (inside) error(opened_at, "コメント「<!--」が「-->」で閉じられていません。");
  }

  std::size_t front_matter() {
    std::size_t i = 0;
    while (i < lines_.size() && trim(lines_[i]).empty()) ++i;
    if (i >= lines_.size() || trim(lines_[i]) != "---") return 0;
    const std::size_t open = i;
    std::size_t close = open + 1;
    while (close < lines_.size() && trim(lines_[close]) != "---") ++close;
    if (close >= lines_.size()) {
      error(static_cast<int>(open) + 1, "先頭の設定が「---」で閉じられていません。");
      return open + 1;
    }
    for (i = open + 1; i < close; ++i) {
      std::string_view l = trim(lines_[i]);
      if (l.empty()) continue;
      std::size_t colon = l.find(':');
      if (colon == std::string_view::npos) {
        error(static_cast<int>(i) + 1, "先頭の設定は「名前: 値」の形で書いてください。");
        continue;
      }
      std::string key(trim(l.substr(0, colon)));
      std::string value(trim(l.substr(colon + 1)));
      if (key != "title" && key != "subtitle" && key != "source") {
        error(static_cast<int>(i) + 1,
              "先頭の設定「" + key + "」は使えません。使えるのは title、subtitle、source です。");
        continue;
      }
      result_.tmpl.meta[key] = value;
    }
    return close + 1;
  }

  // Parses a line of text with {{…}} fields; `line` for messages.
  TemplateText inline_text(std::string_view s, int line) {
    TemplateText out;
    auto literal = [&](std::string_view t) {
      if (t.empty()) return;
      if (!out.empty() && out.back().kind == TemplatePiece::Kind::Literal)
        out.back().text += t;
      else
        out.push_back({TemplatePiece::Kind::Literal, std::string(t), 0});
    };
    std::size_t pos = 0;
    while (pos < s.size()) {
      std::size_t open = s.find("{{", pos);
      if (open == std::string_view::npos) {
        literal(s.substr(pos));
        break;
      }
      if (open > 0 && s[open - 1] == '\\') {  // \{{ prints {{
        literal(s.substr(pos, open - 1 - pos));
        literal("{{");
        pos = open + 2;
        continue;
      }
      literal(s.substr(pos, open - pos));
      std::size_t close = s.find("}}", open + 2);
      if (close == std::string_view::npos) {
        error(line, "「{{」が「}}」で閉じられていません。");
        break;
      }
      std::string_view inner = trim(s.substr(open + 2, close - open - 2));
      std::string whole(s.substr(open, close + 2 - open));
      pos = close + 2;
      if (inner.starts_with("blank")) {
        std::string_view rest = trim(inner.substr(5));
        int width = 6;
        if (!rest.empty()) {
          width = 0;
          bool digits =
              std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
          if (digits && rest.size() <= 2) width = std::stoi(std::string(rest));
          if (width < 1 || width > 40) {
            error(line, "「" + whole + "」の幅は 1〜40 の数で書いてください。");
            continue;
          }
        }
        out.push_back({TemplatePiece::Kind::Blank, {}, width});
        continue;
      }
      std::string word(inner.substr(0, inner.find(' ')));
      if (word == "list" || word == "table" || word == "chart" || word == "page") {
        error(line, "「" + whole + "」は段落の中には書けません。行に単独で書いてください。");
        continue;
      }
      if (!find_plan_field(inner)) {
        std::vector<std::string> names;
        for (const FieldInfo& f : plan_fields()) names.push_back(f.name);
        error(line, "「" + whole + "」という項目はありません。使える項目: " + join_names(names));
        continue;
      }
      out.push_back({TemplatePiece::Kind::Field, std::string(inner), 0});
    }
    return out;
  }

  // Splits `a b key="c d"` into words and key=value arguments.
  bool directive_words(std::string_view s, int line, std::vector<std::string>& words,
                       std::map<std::string, std::string>& args) {
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) break;
      std::size_t start = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != '=') ++i;
      std::string word(s.substr(start, i - start));
      if (i < s.size() && s[i] == '=') {
        ++i;
        std::string value;
        if (i < s.size() && s[i] == '"') {
          std::size_t end = s.find('"', i + 1);
          if (end == std::string_view::npos) {
            error(line, "「" + word + "=」の値の「\"」が閉じられていません。");
            return false;
          }
          value = std::string(s.substr(i + 1, end - i - 1));
          i = end + 1;
        } else {
          std::size_t vstart = i;
          while (i < s.size() && !is_space(s[i])) ++i;
          value = std::string(s.substr(vstart, i - vstart));
        }
        args[word] = value;
      } else {
        words.push_back(word);
      }
    }
    return true;
  }

  void check_args(const TemplateBlock& b, const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : b.args) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list = allowed.empty() ? "（なし）" : join_names(allowed);
        error(b.line, "「{{" + b.directive + " " + b.subject + "}}」に「" + key +
                          "=」は使えません。使えるもの: " + list);
      }
    }
  }

  // A whole line {{…}} that is a block directive; false when it is not one.
  bool directive_line(std::string_view l, int line) {
    if (!l.starts_with("{{") || !l.ends_with("}}")) return false;
    std::string_view inner = trim(l.substr(2, l.size() - 4));
    if (inner.find("{{") != std::string_view::npos) return false;
    std::string head(inner.substr(0, inner.find(' ')));
    if (head != "list" && head != "table" && head != "chart" && head != "page" &&
        head != "pagebreak")
      return false;
    flush();
    TemplateBlock b;
    b.line = line;
    std::vector<std::string> words;
    if (!directive_words(inner, line, words, b.args)) return true;
    b.directive = words[0];
    if (b.directive == "page" || b.directive == "pagebreak") {
      b.kind = Kind::PageBreak;
      if (words.size() > 2 ||
          (words.size() == 2 && words[1] != "landscape" && words[1] != "portrait")) {
        error(line,
              "改ページは {{page}}、{{page landscape}}（横向き）、{{page portrait}}（縦向き）の"
              "いずれかで書いてください。");
        return true;
      }
      b.landscape = words.size() == 2 && words[1] == "landscape";
      result_.tmpl.blocks.push_back(std::move(b));
      return true;
    }
    b.kind = Kind::Directive;
    if (words.size() != 2) {
      error(line, "「{{" + std::string(inner) + "}}」には対象の名前を一つ書いてください（例: {{" +
                      b.directive + " " +
                      (b.directive == "list"    ? "systems"
                       : b.directive == "table" ? "fallbacks"
                                                : "contacts") +
                      "}}）。");
      return true;
    }
    b.subject = words[1];
    if (b.directive == "list") {
      if (std::find(plan_lists().begin(), plan_lists().end(), b.subject) == plan_lists().end()) {
        error(line,
              "一覧「" + b.subject + "」はありません。使える一覧: " + join_names(plan_lists()));
        return true;
      }
      check_args(b, {});
    } else if (b.directive == "chart") {
      if (std::find(plan_charts().begin(), plan_charts().end(), b.subject) == plan_charts().end()) {
        error(line, "図「" + b.subject + "」はありません。使える図: " + join_names(plan_charts()));
        return true;
      }
      check_args(b, {"caption"});
    } else {
      const TableInfo* table = find_plan_table(b.subject);
      if (!table) {
        std::vector<std::string> names;
        for (const TableInfo& t : plan_tables()) names.push_back(t.name);
        error(line, "表「" + b.subject + "」はありません。使える表: " + join_names(names));
        return true;
      }
      check_args(b, {"caption", "columns"});
      if (auto it = b.args.find("columns"); it != b.args.end()) {
        std::string cols = it->second;
        std::replace(cols.begin(), cols.end(), ',', ' ');
        std::vector<std::string> keys;
        std::map<std::string, std::string> ignored;
        directive_words(cols, line, keys, ignored);
        if (keys.empty()) error(line, "columns= に列の名前を書いてください。");
        for (const std::string& k : keys) {
          if (!table->find_column(k)) {
            std::vector<std::string> names;
            for (const ColumnInfo& c : table->columns) names.push_back(c.key);
            error(line, "表「" + b.subject + "」に列「" + k +
                            "」はありません。使える列: " + join_names(names));
          }
        }
      }
    }
    result_.tmpl.blocks.push_back(std::move(b));
    return true;
  }

  // Recognises list item markers; returns the kind and the item text.
  static std::optional<std::pair<Kind, std::string_view>> list_item(std::string_view l) {
    if (l.starts_with("- ") || l.starts_with("* ")) return {{Kind::BulletList, trim(l.substr(2))}};
    if (l.starts_with("・")) return {{Kind::BulletList, trim(l.substr(3))}};
    std::size_t i = 0;
    if (l.starts_with("(")) {
      i = 1;
      while (i < l.size() && l[i] >= '0' && l[i] <= '9') ++i;
      if (i > 1 && i + 1 < l.size() && l[i] == ')' && l[i + 1] == ' ')
        return {{Kind::ParenList, trim(l.substr(i + 2))}};
      return std::nullopt;
    }
    while (i < l.size() && l[i] >= '0' && l[i] <= '9') ++i;
    if (i > 0 && i + 1 < l.size() && l[i] == '.' && l[i + 1] == ' ')
      return {{Kind::CircledList, trim(l.substr(i + 2))}};
    return std::nullopt;
  }

  void append_text(TemplateText& to, TemplateText more) {
    // Japanese lines join without a space; two pieces of Latin text need one.
    if (!to.empty() && !more.empty() && to.back().kind == TemplatePiece::Kind::Literal &&
        more.front().kind == TemplatePiece::Kind::Literal) {
      const std::string& a = to.back().text;
      const std::string& b = more.front().text;
      auto latin = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
      if (!a.empty() && !b.empty() && latin(a.back()) && latin(b.front())) to.back().text += ' ';
      to.back().text += b;
      more.erase(more.begin());
    }
    for (TemplatePiece& p : more) to.push_back(std::move(p));
  }

  void line(std::size_t index) {
    int number = static_cast<int>(index) + 1;
    std::string_view l = trim(lines_[index]);
    if (l.empty()) {
      if (!comment_only_[index]) flush();
      return;
    }
    if (l.starts_with("#")) {
      std::size_t level = 0;
      while (level < l.size() && l[level] == '#') ++level;
      if (level < l.size() && l[level] == ' ') {
        flush();
        if (level > 3) {
          error(number, "見出しは「###」（３段階）までです。");
          return;
        }
        std::string_view title = trim(l.substr(level));
        if (title.empty()) {
          error(number, "見出しの文字がありません。");
          return;
        }
        TemplateBlock b;
        b.kind = Kind::Heading;
        b.line = number;
        b.level = static_cast<int>(level);
        b.text = inline_text(title, number);
        result_.tmpl.blocks.push_back(std::move(b));
        return;
      }
    }
    if (directive_line(l, number)) return;
    if (l.starts_with(">")) {
      if (!current_ || current_->kind != Kind::Note) start(Kind::Note, number);
      append_text(current_->text, inline_text(trim(l.substr(1)), number));
      return;
    }
    if (auto item = list_item(l)) {
      if (!current_ || current_->kind != item->first) start(item->first, number);
      current_->items.push_back(inline_text(item->second, number));
      return;
    }
    if (current_ && !current_->items.empty()) {
      // A line right under a list item continues that item.
      append_text(current_->items.back(), inline_text(l, number));
      return;
    }
    if (!current_ || current_->kind != Kind::Paragraph) start(Kind::Paragraph, number);
    append_text(current_->text, inline_text(l, number));
  }

  void start(Kind kind, int line) {
    flush();
    current_ = TemplateBlock{};
    current_->kind = kind;
    current_->line = line;
  }

  void flush() {
    if (current_) result_.tmpl.blocks.push_back(std::move(*current_));
    current_.reset();
  }

  std::string_view text_;
  std::vector<std::string> lines_;
  std::vector<bool> comment_only_;
  std::optional<TemplateBlock> current_;
  TemplateParse result_;
};

}  // namespace

TemplateParse parse_template(std::string_view text) { return Parser(text).run(); }

std::string_view default_template_text() {
  for (const core::EmbeddedFile& f : embedded_templates())
    if (f.path == "bcp-ja.md") return f.bytes;
  return {};
}

}  // namespace medbcp::doc
