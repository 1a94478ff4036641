// ffmpeg as a child process fed raw RGB frames through a pipe (no shell in between).
#pragma once

#include <sys/types.h>
#include <cstdint>
#include <string>
#include <vector>

namespace app {

// The ffmpeg to run: $SIEGE_FFMPEG, else "ffmpeg" on PATH.
std::string ffmpeg_program();
// Runs `ffmpeg -version`; returns its first line, or empty (and why in `error`) if it cannot run.
std::string ffmpeg_version(std::string* error);

class FfmpegPipe {
 public:
  // Starts `program args...` with its stdin connected to a pipe. Throws std::runtime_error.
  FfmpegPipe(const std::string& program, const std::vector<std::string>& args);
  ~FfmpegPipe();  // kills and reaps the child if finish() was not called
  FfmpegPipe(const FfmpegPipe&) = delete;
  FfmpegPipe& operator=(const FfmpegPipe&) = delete;

  // Writes all of `bytes`; false if ffmpeg has gone (broken pipe).
  bool write(const std::uint8_t* bytes, size_t size);
  // Closes the pipe and waits; returns ffmpeg's exit status (128+signal if killed).
  int finish();

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace app
