#include "viewer_session.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>

namespace test {

std::filesystem::path temp_dir(const std::string& name) {
  std::random_device random;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("siege-viewer-" + name + "-" + std::to_string(random()));
  std::filesystem::create_directories(dir);
  return dir;
}

int run(const std::string& command, std::string* output) {
  std::FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buffer;
  std::string text;
  while (std::fgets(buffer.data(), buffer.size(), pipe)) text += buffer.data();
  const int status = pclose(pipe);
  if (output) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Session run_session(const std::filesystem::path& dir, const nlohmann::json& script, const std::string& scenario,
                    const std::string& extra) {
  const std::filesystem::path script_path = dir / "script.json", log_path = dir / "log.jsonl";
  std::ofstream(script_path) << script.dump(2);
  // Bookmarks and the like go to a private config directory, never the user's.
  const std::string command = "cd " + dir.string() + " && XDG_CONFIG_HOME=" + dir.string() +
                              "/config XDG_RUNTIME_DIR=" + dir.string() + " xvfb-run -a -s '-screen 0 1600x1000x24' " +
                              SIEGE_BINARY + " view " + SIEGE_SOURCE_DIR + "/" + scenario + " --validation --script " +
                              script_path.string() + " --log " + log_path.string() + " " + extra;
  Session session;
  session.exit_code = run(command, &session.output);
  std::ifstream log(log_path);
  for (std::string line; std::getline(log, line);)
    if (!line.empty()) session.log.push_back(nlohmann::json::parse(line));
  return session;
}

}  // namespace test
