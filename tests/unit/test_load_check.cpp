// `siege check` as a user runs it: a process, its exit code and what it prints.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/wait.h>

namespace {

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

Run run_check(const std::string& arguments) {
  Run run;
  const std::string command =
      std::string("cd '") + SIEGE_SOURCE_DIR + "' && '" + SIEGE_BINARY + "' check " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// The check tests run the real binary; without it they fail rather than pass unseen.
void require_binary() {
  INFO("siege is not built (" << SIEGE_BINARY << "); build the `siege` target to run the check tests");
  REQUIRE(std::filesystem::exists(SIEGE_BINARY));
}

}  // namespace

TEST_CASE("check: a good file exits 0 with a one-line summary", "[check]") {
  require_binary();
  const Run run = run_check("tests/data/good/minimal.json");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output ==
        "tests/data/good/minimal.json: ok — 1 phase, 0 units (0 soldiers), 1 shot, 1233-10-01 .. 1233-11-01\n");
}

TEST_CASE("check: a bad file exits 1 and prints each error on its own line", "[check]") {
  require_binary();
  const Run run = run_check("tests/data/bad/three_errors.json");
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("tests/data/bad/three_errors.json:5:15: /calendar: expected one of \"julian\", \"gregorian\", "
                        "found \"julain\" (did you mean \"julian\"?)\n") != std::string::npos);
  CHECK(run.output.find("tests/data/bad/three_errors.json: 3 errors\n") != std::string::npos);
}

TEST_CASE("check: several files, one missing", "[check]") {
  require_binary();
  const Run run = run_check("tests/data/good/minimal.json does/not/exist.json");
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("tests/data/good/minimal.json: ok") != std::string::npos);
  CHECK(run.output.find("does/not/exist.json: cannot open: no such file\n") != std::string::npos);
  CHECK(run.output.find("does/not/exist.json: 1 error\n") != std::string::npos);
}

TEST_CASE("check: warnings are printed but do not fail", "[check]") {
  require_binary();
  const Run run = run_check("tests/data/good/no_overview.json");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find(": warning: /shots: no shot has \"overview\": true") != std::string::npos);
  CHECK(run.output.find("tests/data/good/no_overview.json: ok") != std::string::npos);
}

TEST_CASE("check: without a file it says how to use it", "[check]") {
  require_binary();
  const Run run = run_check("");
  CHECK(run.exit_code != 0);
  CHECK(run.output.find("FILE") != std::string::npos);
}
