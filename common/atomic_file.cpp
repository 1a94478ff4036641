#include "common/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace common {

namespace {

std::string errno_text() { return std::strerror(errno); }

bool fail(const std::filesystem::path& target, const std::filesystem::path& temp, const std::string& why,
          std::string* error) {
  std::error_code ignored;
  std::filesystem::remove(temp, ignored);
  if (error) *error = "cannot write " + target.string() + (why.empty() ? "" : ": " + why);
  return false;
}

// Flushes a file that another writer (libpng, ffmpeg) has closed: fsync works on any
// descriptor of the file, a read-only one included.
bool sync_file(const std::filesystem::path& path, std::string* why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *why = errno_text();
    return false;
  }
  const bool ok = ::fsync(fd) == 0;
  if (!ok) *why = errno_text();
  ::close(fd);
  return ok;
}

bool write_all(const std::filesystem::path& path, std::string_view bytes, std::string* why) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *why = errno_text();
    return false;
  }
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *why = n < 0 ? errno_text() : "nothing written";
      ok = false;
    } else {
      done += static_cast<size_t>(n);
    }
  }
  if (ok && ::fsync(fd) != 0) {
    *why = errno_text();
    ok = false;
  }
  if (::close(fd) != 0 && ok) {
    *why = errno_text();
    ok = false;
  }
  return ok;
}

bool rename_over(const std::filesystem::path& target, const std::filesystem::path& temp, std::string* error) {
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) return fail(target, temp, ec.message(), error);
  return true;
}

}  // namespace

std::filesystem::path temporary_path(const std::filesystem::path& target, Temporary temporary) {
  std::filesystem::path temp = target;
  temp += temporary == Temporary::PerProcess ? ".partial." + std::to_string(::getpid()) : std::string(".partial");
  return temp;
}

bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, std::string* error,
                           Temporary temporary) {
  const std::filesystem::path temp = temporary_path(target, temporary);
  std::string why;
  if (!write_all(temp, bytes, &why)) return fail(target, temp, why, error);
  return rename_over(target, temp, error);
}

bool write_file_atomically_with(const std::filesystem::path& target, const WriteToPath& write, std::string* error,
                                Temporary temporary) {
  const std::filesystem::path temp = temporary_path(target, temporary);
  std::string why;
  bool written = false;
  try {
    written = write(temp, &why);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
  if (!written || !sync_file(temp, &why)) return fail(target, temp, why, error);
  return rename_over(target, temp, error);
}

}  // namespace common
