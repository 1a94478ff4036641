#include "app/film/frame_writer.h"

#include "renderer/image_io.h"

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace app {

FrameWriter::FrameWriter() : thread_([this] { run(); }) {}

FrameWriter::~FrameWriter() {
  {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return !job_ && !busy_; });
    quit_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void FrameWriter::submit(FrameJob job) {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [this] { return !job_ && !busy_; });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  job_ = std::move(job);
  cv_.notify_all();
}

void FrameWriter::drain() {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [this] { return !job_ && !busy_; });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void FrameWriter::run() {
  for (;;) {
    FrameJob job;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return job_ || quit_; });
      if (!job_) return;
      job = std::move(*job_);
      job_.reset();
      busy_ = true;
    }
    const auto start = std::chrono::steady_clock::now();
    std::exception_ptr error;
    try {
      if (!job.id_path.empty()) renderer::write_id_png(job.id_path, job.width, job.height, job.ids);
      renderer::write_png_rgb(job.path, job.width, job.height, job.rgba);  // last: the frame counts as done
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
      write_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      if (error)
        error_ = error;
      else
        ++written_;
    }
    cv_.notify_all();
  }
}

}  // namespace app
