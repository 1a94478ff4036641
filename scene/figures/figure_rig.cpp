#include "scene/figures/figure_rig.h"

#include <cctype>

namespace scene {
namespace {

using B = Bone;

constexpr std::array<Joint, kBones> make_joints(bool mounted) {
  // A mounted rider's pelvis sits in the saddle; his thighs reach forward and out round the
  // horse's barrel, his shins hang down its sides.
  const glm::vec3 pelvis = mounted ? glm::vec3(0, rig::kSaddle, 0.05f) : glm::vec3(0, rig::kPelvis, 0);
  const float lift = pelvis.y - rig::kPelvis;  // the upper body moves up with the pelvis
  const float z = pelvis.z;
  const glm::vec3 hip_l = mounted ? glm::vec3(-0.12f, rig::kSaddle - 0.03f, z) : glm::vec3(-0.10f, rig::kHip, 0);
  const glm::vec3 hip_r = {-hip_l.x, hip_l.y, hip_l.z};
  const glm::vec3 knee_l = mounted ? glm::vec3(-0.30f, 1.28f, z - 0.38f) : glm::vec3(-0.10f, rig::kKnee, 0);
  const glm::vec3 knee_r = {-knee_l.x, knee_l.y, knee_l.z};
  const glm::vec3 ankle_l = mounted ? glm::vec3(-0.30f, 0.88f, z - 0.30f) : glm::vec3(-0.10f, rig::kAnkle, 0);
  const glm::vec3 ankle_r = {-ankle_l.x, ankle_l.y, ankle_l.z};
  const B rider_parent = mounted ? B::HorseBody : B::Root;
  return {{
      {"root", B::Root, {0, 0, 0}},
      {"pelvis", rider_parent, pelvis},
      {"chest", B::Pelvis, {0, rig::kChest + lift, z}},
      {"head", B::Chest, {0, rig::kNeck + lift, z}},
      {"upper_arm_l", B::Chest, {-0.21f, rig::kShoulder + lift, z}},
      {"fore_arm_l", B::UpperArmL, {-0.23f, rig::kElbow + lift, z}},
      {"hand_l", B::ForeArmL, {-0.24f, rig::kWrist + lift, z}},
      {"upper_arm_r", B::Chest, {0.21f, rig::kShoulder + lift, z}},
      {"fore_arm_r", B::UpperArmR, {0.23f, rig::kElbow + lift, z}},
      {"hand_r", B::ForeArmR, {0.24f, rig::kWrist + lift, z}},
      {"thigh_l", B::Pelvis, hip_l},
      {"shin_l", B::ThighL, knee_l},
      {"foot_l", B::ShinL, ankle_l},
      {"thigh_r", B::Pelvis, hip_r},
      {"shin_r", B::ThighR, knee_r},
      {"foot_r", B::ShinR, ankle_r},
      // The horse: about 2.1 m nose to tail, the barrel's centre 1.1 m up, head to -z.
      {"horse_body", B::Root, {0, 1.10f, 0}},
      {"horse_neck", B::HorseBody, {0, 1.30f, -0.78f}},
      {"horse_head", B::HorseNeck, {0, 1.72f, -1.02f}},
      {"horse_front_l", B::HorseBody, {-0.17f, 1.00f, -0.62f}},
      {"horse_front_l_lower", B::HorseFrontL, {-0.17f, 0.52f, -0.62f}},
      {"horse_front_r", B::HorseBody, {0.17f, 1.00f, -0.62f}},
      {"horse_front_r_lower", B::HorseFrontR, {0.17f, 0.52f, -0.62f}},
      {"horse_hind_l", B::HorseBody, {-0.17f, 1.02f, 0.62f}},
      {"horse_hind_l_lower", B::HorseHindL, {-0.17f, 0.52f, 0.66f}},
      {"horse_hind_r", B::HorseBody, {0.17f, 1.02f, 0.62f}},
      {"horse_hind_r_lower", B::HorseHindR, {0.17f, 0.52f, 0.66f}},
      {"horse_tail", B::HorseBody, {0, 1.28f, 0.98f}},
  }};
}

constexpr std::array<Joint, kBones> kFootJoints = make_joints(false);
constexpr std::array<Joint, kBones> kMountedJoints = make_joints(true);

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

const std::array<Joint, kBones>& rig_joints(bool mounted) { return mounted ? kMountedJoints : kFootJoints; }

int bone_of(std::string_view name) {
  for (int b = 0; b < kBones; ++b) {
    if (same_name(name, kFootJoints[static_cast<std::size_t>(b)].name)) return b;
  }
  return -1;
}

}  // namespace scene
