// The vendor of a QuickTime file's ProRes sample description. ffmpeg's muxer always writes
// "FFMP" there; Apple's files say "appl", which is what editors and QuickTime expect of ProRes.
#pragma once

#include <filesystem>
#include <string>

namespace app {

// Rewrites the 4-byte vendor of every ProRes entry ('apco', 'apcs', 'apcn', 'apch', 'ap4h',
// 'ap4x') in the file's sample descriptions (moov/trak/mdia/minf/stbl/stsd) in place. Returns
// how many entries it changed, or -1 (and why in `error`) if the file cannot be read as QuickTime.
int set_prores_vendor(const std::filesystem::path& path, const char (&vendor)[5], std::string* error);

}  // namespace app
