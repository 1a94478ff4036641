// Writing a file so that a reader (a compositor, a farm's join step, the next run resuming an
// export) sees either the old file or the whole new one, never half of one: the bytes go to a
// temporary file beside the target, which is flushed to disk (fsync) and then renamed over it.
// On failure the temporary is removed and the target is left as it was.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace common {

// How the temporary beside the target is named.
enum class Temporary {
  // <target>.partial: a process killed mid-write leaves it behind, and the next write of the
  // same target replaces it (a resumed export cleans up after the one that was killed).
  Fixed,
  // <target>.partial.<pid>: for files that several processes may write at once (the slices of
  // a render farm sharing a folder each write its manifest).
  PerProcess,
};

std::filesystem::path temporary_path(const std::filesystem::path& target, Temporary temporary);

// Writes `bytes` to `target` atomically. Returns false on failure, with "cannot write TARGET:
// why" in *error (if given).
bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, std::string* error,
                           Temporary temporary = Temporary::Fixed);

// For writers that need a file name of their own (libpng, ffmpeg): `write` creates and fills the
// temporary path it is given and returns true, or returns false and may say why in *why. The
// rest is as write_file_atomically. If `write` throws, the temporary is removed and the
// exception goes on.
using WriteToPath = std::function<bool(const std::filesystem::path& temporary, std::string* why)>;
bool write_file_atomically_with(const std::filesystem::path& target, const WriteToPath& write, std::string* error,
                                Temporary temporary = Temporary::Fixed);

}  // namespace common
