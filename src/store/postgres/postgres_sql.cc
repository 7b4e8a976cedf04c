#include "store/postgres/postgres_sql.h"

#include <array>
#include <vector>

namespace medbcp::store::postgres {

NumberedSql number_placeholders(std::string_view sql) {
  NumberedSql out;
  out.sql.reserve(sql.size() + 16);
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      // A quoted literal or name runs to the matching quote; a doubled quote
      // inside is an escaped one and keeps it open.
      const std::size_t start = i++;
      while (i < sql.size()) {
        if (sql[i] == c) {
          if (i + 1 < sql.size() && sql[i + 1] == c) {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
      out.sql.append(sql.substr(start, i - start));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.sql.append(sql.substr(i, stop - i));
      i = stop;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const std::size_t end = sql.find("*/", i + 2);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 2;
      out.sql.append(sql.substr(i, stop - i));
      i = stop;
    } else if (c == '?') {
      out.sql += '$';
      out.sql += std::to_string(++out.parameters);
      ++i;
    } else {
      out.sql += c;
      ++i;
    }
  }
  return out;
}

bool is_postgres_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

namespace {

struct Span {
  std::size_t at;
  std::size_t length;
};

// Where the passwords of a location are: the URL's user:password@ and every
// password=… parameter, in order.
std::vector<Span> password_spans(std::string_view location) {
  std::vector<Span> out;
  if (is_postgres_location(location)) {
    const std::size_t authority = location.find("://") + 3;
    const std::size_t at = location.find('@', authority);
    const std::size_t slash = location.find('/', authority);
    if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash)) {
      const std::size_t colon = location.find(':', authority);
      if (colon != std::string_view::npos && colon < at) out.push_back({colon + 1, at - colon - 1});
    }
  }
  for (std::size_t pos = location.find("password="); pos != std::string_view::npos;
       pos = location.find("password=", pos + 1)) {
    const std::size_t value = pos + 9;
    std::size_t end = location.find_first_of("& ", value);
    if (end == std::string_view::npos) end = location.size();
    out.push_back({value, end - value});
  }
  return out;
}

}  // namespace

std::string redact_location(std::string_view location) {
  std::string out(location);
  const auto spans = password_spans(location);
  for (auto it = spans.rbegin(); it != spans.rend(); ++it) out.replace(it->at, it->length, "****");
  return out;
}

std::string scrub_message(std::string_view message, std::string_view location) {
  std::string out(message);
  for (const Span& span : password_spans(location)) {
    const std::string password(location.substr(span.at, span.length));
    if (password.empty()) continue;
    for (std::size_t pos = out.find(password); pos != std::string::npos;
         pos = out.find(password, pos + 4)) {
      out.replace(pos, password.size(), "****");
    }
  }
  return out;
}

std::string explain_connection_failure(std::string_view message) {
  struct Cause {
    std::string_view clue;
    std::string_view explanation;
  };
  static constexpr std::array kCauses{
      Cause{"password authentication failed",
            "ユーザー名かパスワードが違います。URL の利用者とパスワードを確かめてください。"},
      Cause{"no password supplied",
            "パスワードが必要です。URL か ~/.pgpass にパスワードを書いてください。"},
      Cause{"does not exist",
            "指定したデータベースか利用者がありません。URL のデータベース名と利用者名を確かめて"
            "ください。"},
      Cause{"SSL",
            "TLS（sslmode）で接続できませんでした。証明書と sslmode の指定を確かめてください。"},
      Cause{
          "certificate",
          "サーバーの証明書を確かめられませんでした。sslrootcert と sslmode を確かめてください。"},
      Cause{"could not translate host name",
            "ホスト名が見つかりません。URL のホスト名を確かめてください。"},
      Cause{"Connection refused",
            "サーバーが接続を受け付けません。PostgreSQL が動いているか、ホストとポートを確かめて"
            "ください。"},
      Cause{"No such file or directory",
            "サーバーのソケットが見つかりません。PostgreSQL が動いているか、host の指定を確かめて"
            "ください。"},
      Cause{"timeout expired",
            "サーバーから応答がありません。ネットワークとホストを確かめてください。"},
      Cause{"is in recovery", "書き込めるサーバーが見つかりません（待機系だけに接続しました）。"},
      Cause{"read-write", "書き込めるサーバーが見つかりません（待機系だけに接続しました）。"},
      Cause{"invalid",
            "URL の書き方が正しくありません（例: postgresql://利用者@ホスト/データベース）。"},
      Cause{"missing",
            "URL の書き方が正しくありません（例: postgresql://利用者@ホスト/データベース）。"},
  };
  for (const auto& cause : kCauses) {
    if (message.find(cause.clue) != std::string_view::npos) return std::string(cause.explanation);
  }
  return "PostgreSQL に接続できませんでした。URL とサーバーの状態を確かめてください。";
}

}  // namespace medbcp::store::postgres
