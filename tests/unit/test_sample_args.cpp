// `siege render --samples/--shutter` as a user types them: a bad value exits 2 with a message
// that names the option, before anything is loaded or rendered (so no GPU is needed).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/wait.h>

namespace {

struct Run {
  int exit_code = -1;
  std::string output;
};

Run run_render(const std::string& arguments) {
  Run run;
  const std::string command = std::string("cd '") + SIEGE_SOURCE_DIR + "' && '" + SIEGE_BINARY +
                              "' render assets/scenarios/caizhou.json " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace

TEST_CASE("render: --samples outside 1..64 and --shutter outside 0..360 exit 2 and say why", "[samples][cli]") {
  REQUIRE(std::filesystem::exists(SIEGE_BINARY));
  const std::string out = (std::filesystem::temp_directory_path() / "siege_sample_args").string();
  for (const char* bad : {"--samples 0", "--samples 65", "--samples -3"}) {
    for (const std::string& target : {out + ".png", out + "/f_%04d.png"}) {
      const Run run = run_render(std::string(bad) + " --out " + target);
      INFO(bad << " --out " << target << ": " << run.output);
      CHECK(run.exit_code == 2);
      CHECK(run.output.find("--samples") != std::string::npos);
      CHECK(run.output.find("1 to 64") != std::string::npos);
    }
  }
  for (const char* bad : {"--shutter 400", "--shutter -1"}) {
    const Run run = run_render(std::string(bad) + " --out " + out + "/f_%04d.png");
    INFO(bad << ": " << run.output);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find("--shutter") != std::string::npos);
  }
  CHECK(!std::filesystem::exists(out + ".png"));
  CHECK(!std::filesystem::exists(out));  // nothing created when a check fails
}
