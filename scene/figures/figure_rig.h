// A soldier figure as parts hung on a skeleton: the kit builders (scene/figures/kit_*.cpp)
// make the parts in the rest pose, the clips (figure_clips.*) turn the bones, tools/bake_models
// writes both as a skinned glTF with one animation per clip, and load_figure_library (figure_animation.h)
// bakes any such file, the project's or a user's, into vertex-animation frames.
//
// Conventions: model space y up, metres, the figure faces -z, feet (or hooves) at y = 0, so
// his right hand is +x. Every part moves rigidly with one bone. The rest pose is standing
// straight, arms hanging a little away from the body; a mounted figure's rider sits in the
// saddle with his thighs forward.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "scene/mesh/mesh.h"
#include "scene/model/soldier_look.h"

namespace scene {

enum class Bone : std::uint8_t {
  Root,  // at the feet; a figure's position and heading move it
  Pelvis,
  Chest,  // the spine bends here
  Head,   // the neck
  UpperArmL,
  ForeArmL,
  HandL,  // a bow or shield hangs here
  UpperArmR,
  ForeArmR,
  HandR,  // the weapon hand
  ThighL,
  ShinL,
  FootL,
  ThighR,
  ShinR,
  FootR,
  // Horses (mounted figures only); the rider's Pelvis is then a child of HorseBody.
  HorseBody,
  HorseNeck,
  HorseHead,
  HorseFrontL,  // upper front leg (from the shoulder)
  HorseFrontLLower,
  HorseFrontR,
  HorseFrontRLower,
  HorseHindL,
  HorseHindLLower,
  HorseHindR,
  HorseHindRLower,
  HorseTail,
};
inline constexpr int kBones = static_cast<int>(Bone::HorseTail) + 1;

struct Joint {
  const char* name;  // the glTF node name ("pelvis", "upper_arm_l", "horse_front_l_lower", ...)
  Bone parent;       // Root's parent is Root
  glm::vec3 pivot;   // where the bone turns, in model space at rest
};
// The skeleton at rest: a foot figure's or a mounted figure's (rider in the saddle). Bones a
// foot figure lacks (the horse's) are still listed, parented to Root, and carry no parts.
const std::array<Joint, kBones>& rig_joints(bool mounted);
// The bone a glTF node name names, or -1.
int bone_of(std::string_view name);

// Key pivots (metres) the kit builders shape their parts round; rig_joints() holds the rest.
namespace rig {
inline constexpr float kPelvis = 0.95f;  // foot figure: pelvis, hips at 0.92
inline constexpr float kChest = 1.25f;
inline constexpr float kNeck = 1.52f;      // head's pivot; the crown of the head about 1.72
inline constexpr float kShoulder = 1.42f;  // shoulders at x = ±0.21
inline constexpr float kElbow = 1.14f;
inline constexpr float kWrist = 0.88f;
inline constexpr float kHip = 0.92f;  // hips at x = ±0.10
inline constexpr float kKnee = 0.50f;
inline constexpr float kAnkle = 0.08f;
inline constexpr float kSaddle = 1.48f;   // mounted: the rider's pelvis, at z = +0.05
inline constexpr float kWithers = 1.38f;  // horse: 123-142 cm at the withers (LOOK.md §4)
}  // namespace rig

// One rigid part of a figure, built in the rest pose in model space.
struct RigPart {
  Mesh mesh;  // Vertex::color alpha is the colour class (shaders/shared.h kClass*); object unused
  Bone bone = Bone::Chest;
  // Kit variants: group 0 is always drawn; a part of group g (1..kVariantGroups) is drawn when
  // look_variant(look, g - 1, FigureBuild::variant_options[g - 1]) == option.
  std::uint8_t variant_group = 0;
  std::uint8_t option = 0;
};

struct FigureBuild {
  bool mounted = false;
  bool crossbow = false;  // his Shoot clip spans and shoots a crossbow instead of drawing a bow
  std::array<std::uint8_t, kVariantGroups> variant_options{1, 1, 1};  // options per group
  std::vector<RigPart> parts;
};

}  // namespace scene
