#include "scene/model/soldier_look.h"

namespace scene {

const char* kit_name(Kit kit) {
  switch (kit) {
    case Kit::Mongol:
      return "mongol";
    case Kit::Jin:
      return "jin";
    case Kit::Song:
      return "song";
  }
  return "song";
}

const char* clip_name(Clip clip) {
  static constexpr const char* kNames[kClips] = {"idle",  "walk",  "run",  "gallop", "shoot", "strike",
                                                 "climb", "carry", "fall", "dead",   "sit"};
  const auto i = static_cast<int>(clip);
  return i >= 0 && i < kClips ? kNames[i] : "idle";
}

}  // namespace scene
