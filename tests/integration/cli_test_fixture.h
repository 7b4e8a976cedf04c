// A throw-away database and the built medbcp binary run against it, the way
// a person at a terminal would (standard input /dev/null: nothing may prompt).
// Header-only, for the CLI integration tests.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace medbcp::testing {

struct CliResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ASSERT_EQ(run("init --demo").exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CliResult run(const std::string& args) {
    const std::string cmd = "MEDBCP_USER=院長 " + std::string(MEDBCP_BINARY) + " --db '" +
                            (dir_ / "plan.db").string() + "' " + args + " </dev/null 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

}  // namespace medbcp::testing
