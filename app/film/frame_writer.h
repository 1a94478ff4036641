// Writes film frames as PNG (renderer/image_io: fixed fast settings, temporary name then
// rename) on a thread of its own while the next frame renders.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace app {

struct FrameJob {
  std::string path, id_path;  // id_path empty: no id matte
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
  std::vector<std::uint32_t> ids;
};

class FrameWriter {
 public:
  FrameWriter();
  ~FrameWriter();  // finishes the frame in hand
  // Waits for the previous frame to be written, then hands this one over. Rethrows a
  // failure of an earlier write.
  void submit(FrameJob job);
  // Waits until everything handed over is on disk; rethrows a failure.
  void drain();
  double write_ms() const { return write_ms_; }  // total time spent writing (on the thread)
  std::int64_t written() const { return written_; }

 private:
  void run();
  std::mutex mutex_;
  std::condition_variable cv_;
  std::optional<FrameJob> job_;
  bool busy_ = false, quit_ = false;
  std::exception_ptr error_;
  double write_ms_ = 0;
  std::int64_t written_ = 0;
  std::thread thread_;
};

}  // namespace app
