// Runs `siege view` under Xvfb with a scripted session and reads back what it logged.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace test {

struct Session {
  int exit_code = -1;
  std::vector<nlohmann::json> log;  // one object per scripted event, then one at exit
  std::string output;               // what the viewer printed
  const nlohmann::json& last() const { return log.back(); }
};

// A fresh temporary directory for one test's files.
std::filesystem::path temp_dir(const std::string& name);

// Writes `script` to dir/script.json and runs the viewer on `scenario` (relative to the
// repository) with validation layers on and `extra` arguments.
Session run_session(const std::filesystem::path& dir, const nlohmann::json& script, const std::string& scenario,
                    const std::string& extra = {});

// Runs any command; returns its exit code and puts stdout+stderr in `output`.
int run(const std::string& command, std::string* output = nullptr);

}  // namespace test
