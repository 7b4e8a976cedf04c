// HTTPS through the front door: the handshake and the pages go through the
// same event loop as plain HTTP, cookies take the __Host- prefix, and a
// client speaking plain HTTP to the TLS port is let go without harm.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "web_test_browser.h"

namespace medbcp::web {
namespace {

// Writes a self-signed certificate for 127.0.0.1 and its key as PEM files.
void write_self_signed(const std::filesystem::path& cert_file,
                       const std::filesystem::path& key_file) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  ASSERT_TRUE(key);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  ASSERT_GT(X509_sign(cert.get(), key.get(), EVP_sha256()), 0);
  FILE* c = std::fopen(cert_file.c_str(), "w");
  FILE* k = std::fopen(key_file.c_str(), "w");
  ASSERT_TRUE(c != nullptr && k != nullptr);
  PEM_write_X509(c, cert.get());
  PEM_write_PrivateKey(k, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(c);
  std::fclose(k);
}

class TlsServer : public WebServerTest {
 protected:
  void SetUp() override {
    const auto dir =
        std::filesystem::temp_directory_path() / ("medbcp-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    cert_ = dir / "cert.pem";
    key_ = dir / "key.pem";
    write_self_signed(cert_, key_);
    WebServerTest::SetUp();
  }
  void TearDown() override {
    WebServerTest::TearDown();
    std::filesystem::remove_all(cert_.parent_path());
  }
  void configure(ServerConfig& config) const override {
    config.tls_cert = cert_.string();
    config.tls_key = key_.string();
  }
  bool with_accounts() const override { return false; }

  std::filesystem::path cert_;
  std::filesystem::path key_;
};

TEST_F(TlsServer, PagesAndCookiesComeOverHttps) {
  httplib::SSLClient client("127.0.0.1", port_);
  client.enable_server_certificate_verification(false);
  client.set_read_timeout(30, 0);
  for (int i = 0; i < 3; ++i) {  // one keep-alive connection, several pages
    auto res = client.Get("/setup");
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("管理者の登録"), std::string::npos);
    EXPECT_NE(res->get_header_value("Set-Cookie").find("__Host-"), std::string::npos);
    EXPECT_NE(res->get_header_value("Strict-Transport-Security"), "");
  }
}

TEST_F(TlsServer, PlainHttpToTheTlsPortIsLetGoAndHttpsStillWorks) {
  httplib::Client plain("127.0.0.1", port_);
  plain.set_read_timeout(15, 0);
  auto refused = plain.Get("/setup");
  EXPECT_FALSE(refused && refused->status == 200);

  httplib::SSLClient client("127.0.0.1", port_);
  client.enable_server_certificate_verification(false);
  auto res = client.Get("/setup");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(TlsFiles, AMissingCertificateIsAClearMessage) {
  const auto db =
      std::filesystem::temp_directory_path() / ("medbcp-tls-missing-" + std::to_string(::getpid()));
  std::filesystem::create_directories(db);
  auto ws = app::Workspace::open(store::test_database_location(db / "web.db"));
  ServerConfig config;
  config.port = 0;
  config.tls_cert = "/nonexistent/cert.pem";
  config.tls_key = "/nonexistent/key.pem";
  try {
    WebServer server(*ws, config, 2);
    FAIL() << "a server without its certificate started";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("証明書"), std::string::npos) << e.what();
  }
  ws.reset();
  std::filesystem::remove_all(db);
}

}  // namespace
}  // namespace medbcp::web
