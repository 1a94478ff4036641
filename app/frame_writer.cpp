#include "app/frame_writer.h"

#include <png.h>

#include <chrono>
#include <csetjmp>
#include <cstdio>
#include <stdexcept>
#include <unistd.h>

namespace app {

namespace {

void write_rows(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                const std::vector<std::uint8_t>& rgb) {
  std::filesystem::path temp = path;
  temp += ".partial";
  FILE* file = std::fopen(temp.c_str(), "wb");
  if (!file) throw std::runtime_error("cannot write " + path.string() + ": cannot create " + temp.string());
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  volatile bool ok = png && info;
  if (ok && setjmp(png_jmpbuf(png))) ok = false;
  if (ok) {
    png_init_io(png, file);
    png_set_compression_level(png, 2);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (std::uint32_t y = 0; y < height; ++y)
      png_write_row(png, const_cast<png_bytep>(&rgb[static_cast<size_t>(y) * width * 3]));
    png_write_end(png, nullptr);
  }
  png_destroy_write_struct(&png, &info);
  if (std::fclose(file) != 0) ok = false;
  if (!ok) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw std::runtime_error("cannot write " + path.string() + " (disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
}

}  // namespace

void write_png_atomic(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                      const std::vector<std::uint8_t>& rgba) {
  std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i)
    for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = rgba[i * 4 + c];
  write_rows(path, width, height, rgb);
}

void write_id_png_atomic(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                         const std::vector<std::uint32_t>& ids) {
  std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (size_t i = 0; i < ids.size(); ++i) {
    rgb[i * 3 + 0] = static_cast<std::uint8_t>(ids[i] & 0xFF);
    rgb[i * 3 + 1] = static_cast<std::uint8_t>((ids[i] >> 8) & 0xFF);
    rgb[i * 3 + 2] = static_cast<std::uint8_t>((ids[i] >> 16) & 0xFF);
  }
  write_rows(path, width, height, rgb);
}

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
      if (!job.id_path.empty()) write_id_png_atomic(job.id_path, job.width, job.height, job.ids);
      write_png_atomic(job.path, job.width, job.height, job.rgba);  // last: the frame counts as done
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
