#include "app/film/mov_vendor.h"

#include <cstdint>
#include <cstring>
#include <fstream>

namespace app {

namespace {

struct Atom {
  std::uint64_t start = 0, size = 0;  // the whole atom, header included
  std::uint32_t header = 8;
  char type[5] = {};
};

std::uint64_t big_endian(const unsigned char* bytes, int count) {
  std::uint64_t value = 0;
  for (int i = 0; i < count; ++i) value = value << 8 | bytes[i];
  return value;
}

// The atom at `at`, inside a parent ending at `end`; false if it does not fit.
bool read_atom(std::fstream& file, std::uint64_t at, std::uint64_t end, Atom& atom) {
  unsigned char head[16];
  if (at + 8 > end) return false;
  file.seekg(static_cast<std::streamoff>(at));
  if (!file.read(reinterpret_cast<char*>(head), 8)) return false;
  atom.start = at;
  atom.size = big_endian(head, 4);
  std::memcpy(atom.type, head + 4, 4);
  atom.header = 8;
  if (atom.size == 1) {  // a 64-bit size follows
    if (!file.read(reinterpret_cast<char*>(head + 8), 8)) return false;
    atom.size = big_endian(head + 8, 8);
    atom.header = 16;
  } else if (atom.size == 0) {  // to the end of its parent
    atom.size = end - at;
  }
  return atom.size >= atom.header && at + atom.size <= end;
}

bool is_prores(const char* type) {
  for (const char* tag : {"apco", "apcs", "apcn", "apch", "ap4h", "ap4x"})
    if (std::memcmp(type, tag, 4) == 0) return true;
  return false;
}

// Walks the containers down to stsd and patches its ProRes entries; returns the count or -1.
int patch(std::fstream& file, std::uint64_t begin, std::uint64_t end, const char* vendor) {
  int changed = 0;
  Atom atom;
  for (std::uint64_t at = begin; at < end; at += atom.size) {
    if (!read_atom(file, at, end, atom)) return -1;
    const std::string type(atom.type, 4);
    if (type == "moov" || type == "trak" || type == "mdia" || type == "minf" || type == "stbl") {
      const int inner = patch(file, at + atom.header, at + atom.size, vendor);
      if (inner < 0) return -1;
      changed += inner;
    } else if (type == "stsd") {
      // version and flags (4), entry count (4), then sample entries whose vendor sits after
      // size, format (8), reserved (6), data reference index, version and revision (2 each).
      Atom entry;
      for (std::uint64_t e = at + atom.header + 8; e < at + atom.size; e += entry.size) {
        if (!read_atom(file, e, at + atom.size, entry)) return -1;
        if (!is_prores(entry.type) || entry.size < 24) continue;
        file.seekp(static_cast<std::streamoff>(e + 20));
        if (!file.write(vendor, 4)) return -1;
        ++changed;
      }
    }
  }
  return changed;
}

}  // namespace

int set_prores_vendor(const std::filesystem::path& path, const char (&vendor)[5], std::string* error) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (!file || ec) {
    if (error) *error = "cannot open " + path.string() + " to set its ProRes vendor";
    return -1;
  }
  const int changed = patch(file, 0, size, vendor);
  file.flush();
  if (changed < 0 || !file) {
    if (error) *error = path.string() + " is not a QuickTime file siege can read (its atoms do not add up)";
    return -1;
  }
  return changed;
}

}  // namespace app
