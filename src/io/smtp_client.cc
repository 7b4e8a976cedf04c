#include "io/smtp_client.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace medbcp::io {
namespace {

struct Reader {
  const std::string* bytes;
  std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  const std::size_t room = size * count;
  const std::size_t left = r->bytes->size() - r->offset;
  const std::size_t n = left < room ? left : room;
  std::memcpy(buffer, r->bytes->data() + r->offset, n);
  r->offset += n;
  return n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

SmtpResult send_mail(const SmtpServer& server, const std::string& from,
                     const std::vector<std::string>& to, const std::string& message_bytes) {
  SmtpResult out;
  if (server.url.rfind("smtp://", 0) != 0 && server.url.rfind("smtps://", 0) != 0) {
    out.error =
        "SMTP サーバーの URL は smtp:// か smtps:// で始めてください（" + server.url + "）。";
    return out;
  }
  if (to.empty()) {
    out.error = "宛先がありません。";
    return out;
  }
  global_init();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    out.error = "メールの送信を準備できませんでした（libcurl）。";
    return out;
  }
  std::unique_ptr<curl_slist, ListDeleter> recipients;
  curl_slist* list = nullptr;
  for (const auto& address : to) list = curl_slist_append(list, ("<" + address + ">").c_str());
  recipients.reset(list);
  Reader reader{&message_bytes};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &reader);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, server.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, server.timeout_seconds * 2);
  if (server.url.rfind("smtp://", 0) == 0 && server.starttls) {
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  }
  if (!server.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, server.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, server.password.c_str());
  }
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_OK) {
    out.sent = true;
    return out;
  }
  std::string why = error[0] != '\0' ? error : curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      out.error = "SMTP サーバーに接続できません（" + why + "）。";
      break;
    case CURLE_LOGIN_DENIED:
      out.error = "SMTP サーバーにログインできません。ユーザー名とパスワードを確認してください（" +
                  why + "）。";
      break;
    case CURLE_USE_SSL_FAILED:
      out.error = "SMTP サーバーが STARTTLS（暗号化）に応じません（" + why + "）。";
      break;
    default:
      out.error = "メールを送れませんでした（" + why + "）。";
  }
  return out;
}

}  // namespace medbcp::io
