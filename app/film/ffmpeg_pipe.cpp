#include "app/film/ffmpeg_pipe.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace app {

namespace {
pid_t spawn(const std::string& program, const std::vector<std::string>& args, int stdin_fd, int stdout_fd) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
  if (stdout_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    errno = rc;
    return -1;
  }
  return pid;
}

int wait_status(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}
}  // namespace

std::string ffmpeg_program() {
  const char* env = std::getenv("SIEGE_FFMPEG");
  return env && *env ? env : "ffmpeg";
}

std::string ffmpeg_version(std::string* error) {
  const std::string program = ffmpeg_program();
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    if (error) *error = std::string("pipe: ") + std::strerror(errno);
    return {};
  }
  const pid_t pid = spawn(program, {"-hide_banner", "-version"}, -1, out[1]);
  const int spawn_errno = errno;
  close(out[1]);
  if (pid < 0) {
    close(out[0]);
    if (error) *error = "cannot run \"" + program + "\": " + std::strerror(spawn_errno);
    return {};
  }
  std::string text;
  char buffer[4096];
  ssize_t n;
  while ((n = read(out[0], buffer, sizeof buffer)) != 0) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    text.append(buffer, static_cast<size_t>(n));
  }
  close(out[0]);
  const int status = wait_status(pid);
  if (status != 0 || text.rfind("ffmpeg version", 0) != 0) {
    if (error) *error = "\"" + program + " -version\" failed (exit status " + std::to_string(status) + ")";
    return {};
  }
  return text.substr(0, text.find('\n'));
}

FfmpegPipe::FfmpegPipe(const std::string& program, const std::vector<std::string>& args) {
  // A dead ffmpeg must give EPIPE on write, not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  pid_ = spawn(program, args, fds[0], -1);
  const int spawn_errno = errno;
  close(fds[0]);
  if (pid_ < 0) {
    close(fds[1]);
    throw std::runtime_error("cannot run \"" + program + "\": " + std::strerror(spawn_errno));
  }
  fd_ = fds[1];
}

FfmpegPipe::~FfmpegPipe() {
  if (fd_ >= 0) close(fd_);
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    wait_status(pid_);
  }
}

bool FfmpegPipe::write(const std::uint8_t* bytes, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, bytes, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

int FfmpegPipe::finish() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  const int status = pid_ > 0 ? wait_status(pid_) : -1;
  pid_ = -1;
  return status;
}

}  // namespace app
