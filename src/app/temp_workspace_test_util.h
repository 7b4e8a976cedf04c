// A throw-away workspace for the tests of accounts, sessions, history and
// publishing: a fresh database file in the temp directory, removed after
// the test. Header-only and used by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/workspace.h"
#include "store/database_test_util.h"

namespace medbcp::app {

class TempWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-web-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "test.db"));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  Workspace& ws() { return *ws_; }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
};

}  // namespace medbcp::app
