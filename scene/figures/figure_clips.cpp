// The clips as functions of phase. Angles in degrees; conventions (figure_rig.h: y up, the
// figure faces -z): a positive turn about x swings a hanging limb's end forward (an arm
// raised, a thigh lifted) and leans a spine back; a positive turn about z swings a hanging
// limb towards +x (his right).
#include "scene/figures/figure_clips.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/gtc/matrix_transform.hpp>

namespace scene {
namespace {

using B = Bone;
constexpr float kTau = 6.28318530718f;

glm::quat rx(float deg) { return glm::angleAxis(glm::radians(deg), glm::vec3(1, 0, 0)); }
glm::quat ry(float deg) { return glm::angleAxis(glm::radians(deg), glm::vec3(0, 1, 0)); }
glm::quat rz(float deg) { return glm::angleAxis(glm::radians(deg), glm::vec3(0, 0, 1)); }

glm::quat& at(FigurePose& pose, Bone bone) { return pose.rotation[static_cast<std::size_t>(bone)]; }
float ease(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3 - 2 * x);
}
float wave(float phase, float offset = 0) { return std::sin(kTau * (phase - offset)); }
float cwave(float phase, float offset = 0) { return std::cos(kTau * (phase - offset)); }

// ---- A man on foot ---------------------------------------------------------------------------

// Legs of a walk or run: `swing` the thighs' amplitude, `flex` the knee's bend in the swing.
void stride(FigurePose& p, float phase, float swing, float flex, float rest_flex) {
  const float thigh_l = swing * wave(phase), thigh_r = -thigh_l;
  // A leg swinging forward (cos > 0 for the left) lifts its foot by bending the knee.
  const float shin_l = -(rest_flex + flex * std::max(0.0f, cwave(phase)));
  const float shin_r = -(rest_flex + flex * std::max(0.0f, -cwave(phase)));
  at(p, B::ThighL) = rx(thigh_l);
  at(p, B::ThighR) = rx(thigh_r);
  at(p, B::ShinL) = rx(shin_l);
  at(p, B::ShinR) = rx(shin_r);
  // Feet kept roughly level with the ground.
  at(p, B::FootL) = rx(-0.5f * (thigh_l + shin_l));
  at(p, B::FootR) = rx(-0.5f * (thigh_r + shin_r));
}

void arm_swing(FigurePose& p, float phase, float swing, float elbow) {
  at(p, B::UpperArmL) = rz(-4) * rx(-swing * wave(phase));
  at(p, B::UpperArmR) = rz(4) * rx(swing * wave(phase));
  at(p, B::ForeArmL) = rx(elbow + 0.3f * elbow * std::max(0.0f, -wave(phase)));
  at(p, B::ForeArmR) = rx(elbow + 0.3f * elbow * std::max(0.0f, wave(phase)));
}

void idle(FigurePose& p, float phase) {
  const float shift = 1.5f * wave(phase);
  at(p, B::Pelvis) = rz(shift);
  at(p, B::ThighL) = rz(-shift);
  at(p, B::ThighR) = rz(-shift);
  at(p, B::Chest) = rx(1.2f * wave(2 * phase)) * rz(-shift);  // two breaths a cycle
  at(p, B::Head) = ry(5 * wave(phase, 0.2f));
  at(p, B::UpperArmL) = rz(-3) * rx(2 * wave(phase));
  at(p, B::UpperArmR) = rz(3) * rx(2 * wave(phase, 0.1f));
  at(p, B::ForeArmL) = rx(8);
  at(p, B::ForeArmR) = rx(8);
}

void walk(FigurePose& p, float phase, bool carry) {
  stride(p, phase, carry ? 20 : 25, 35, 5);
  at(p, B::Pelvis) = ry(-4 * wave(phase));
  at(p, B::Chest) = rx(-3) * ry(8 * wave(phase));
  if (!carry) {
    arm_swing(p, phase, 20, 12);
    return;
  }
  // A beam on the shoulders: both hands up at it, the upper arms forward and out.
  at(p, B::UpperArmL) = rz(-25) * rx(60);
  at(p, B::UpperArmR) = rz(25) * rx(60);
  at(p, B::ForeArmL) = rx(105 + 3 * wave(phase));
  at(p, B::ForeArmR) = rx(105 - 3 * wave(phase));
}

void run(FigurePose& p, float phase) {
  stride(p, phase, 42, 75, 15);
  at(p, B::Pelvis) = ry(-6 * wave(phase));
  at(p, B::Chest) = rx(-10) * ry(10 * wave(phase));
  arm_swing(p, phase, 40, 70);
}

// Draw, loose, reach for the next arrow (or span the crossbow): the body turned left shoulder
// forward, the bow arm out, the string hand drawn back to the chin.
void shoot(FigurePose& p, float phase) {
  const float raise = ease(phase / 0.25f) * (1 - ease((phase - 0.85f) / 0.15f));
  const float draw = ease((phase - 0.25f) / 0.35f) * (1 - ease((phase - 0.7f) / 0.08f));
  at(p, B::Chest) = ry(-30 * raise);
  at(p, B::Head) = ry(30 * raise);
  at(p, B::ThighL) = rx(8 * raise);
  at(p, B::ThighR) = rx(-8 * raise);
  at(p, B::UpperArmL) = glm::slerp(rz(-3), ry(30) * rx(85), raise);
  at(p, B::ForeArmL) = rx(8 * (1 - raise));
  // The string hand: out to his right at shoulder height, the elbow folding it back to the chin.
  at(p, B::UpperArmR) = glm::slerp(rz(3), rz(85) * ry(-20), raise);
  at(p, B::ForeArmR) = rx(8 + (55 + 95 * draw) * raise);
}

FigurePose blend(const FigurePose& a, const FigurePose& b, float t);

// Span, load, raise, aim, loose and lower a crossbow: bent over with a foot in its stirrup, both
// hands pull the string up to the nut; standing, he lays a bolt, then brings the stock to his
// cheek and shoots.
FigurePose crossbow(float phase) {
  const float pull = ease((phase - 0.08f) / 0.22f);
  FigurePose span;
  at(span, B::Pelvis) = rx(-15);
  at(span, B::Chest) = rx(-35);
  at(span, B::Head) = rx(15);
  at(span, B::ThighR) = rx(30);
  at(span, B::ShinR) = rx(-35);
  at(span, B::UpperArmL) = rz(-10) * rx(15 + 30 * pull);
  at(span, B::UpperArmR) = rz(10) * rx(15 + 30 * pull);
  at(span, B::ForeArmL) = rx(15 + 75 * pull);
  at(span, B::ForeArmR) = rx(15 + 75 * pull);
  FigurePose aim;
  at(aim, B::Chest) = ry(-15);
  at(aim, B::Head) = ry(15) * rx(-8);
  at(aim, B::UpperArmL) = ry(15) * rx(75);
  at(aim, B::ForeArmL) = rx(25);
  at(aim, B::UpperArmR) = rz(20) * rx(55);
  at(aim, B::ForeArmR) = rx(95);
  at(aim, B::ThighL) = rx(8);
  at(aim, B::ThighR) = rx(-8);
  // The loose, at 0.75: a small kick of the shoulders.
  const float kick = std::max(0.0f, 1 - std::abs(phase - 0.77f) / 0.04f);
  at(aim, B::Chest) = rx(4 * kick) * at(aim, B::Chest);
  const FigurePose bent = blend(FigurePose(), span, ease(phase / 0.08f) * (1 - ease((phase - 0.3f) / 0.12f)));
  return blend(bent, aim, ease((phase - 0.42f) / 0.15f) * (1 - ease((phase - 0.85f) / 0.15f)));
}

// An overhead blow with the right arm: raise, strike down and forward, recover.
void strike(FigurePose& p, float phase) {
  const float up = ease(phase / 0.4f), down = ease((phase - 0.4f) / 0.15f), back = ease((phase - 0.6f) / 0.4f);
  const float arm = (160 * up - 120 * down) * (1 - back);
  const float lean = (-15 * down) * (1 - back) + 5 * up * (1 - down);
  at(p, B::Chest) = rx(lean) * ry(-10 * up * (1 - back));
  at(p, B::UpperArmR) = rz(3 + 10 * up * (1 - back)) * rx(arm);
  at(p, B::ForeArmR) = rx(8 + 50 * up * (1 - down) * (1 - back));
  at(p, B::UpperArmL) = rz(-8) * rx(35);
  at(p, B::ForeArmL) = rx(55);
  const float step = 12 * (1 - back) * (up * 0.3f + down * 0.7f);
  at(p, B::ThighL) = rx(step);
  at(p, B::ShinL) = rx(-step);
  at(p, B::ThighR) = rx(-6 * (1 - back) * down);
}

// Hand over hand and step by step up a ladder leaning in front of him (he stays at his root).
void climb(FigurePose& p, float phase) {
  const float s = wave(phase), c = cwave(phase);
  at(p, B::Pelvis) = rx(-12);
  at(p, B::Chest) = rx(-6);
  at(p, B::Head) = rx(10);
  at(p, B::UpperArmL) = rz(-6) * rx(145 + 25 * s);
  at(p, B::UpperArmR) = rz(6) * rx(145 - 25 * s);
  at(p, B::ForeArmL) = rx(25 + 20 * std::max(0.0f, c));
  at(p, B::ForeArmR) = rx(25 + 20 * std::max(0.0f, -c));
  const float thigh_l = 40 - 30 * s, thigh_r = 40 + 30 * s;
  at(p, B::ThighL) = rx(thigh_l);
  at(p, B::ThighR) = rx(thigh_r);
  at(p, B::ShinL) = rx(-thigh_l - 15);
  at(p, B::ShinR) = rx(-thigh_r - 15);
  at(p, B::FootL) = rx(15);
  at(p, B::FootR) = rx(15);
}

// Kneeling, sitting on his heels: knees forward on the ground, shins flat under the thighs, the
// feet's tops on the ground with the toes pointing back; hands on his thighs.
FigurePose sit_on_heels() {
  FigurePose p;
  at(p, B::ThighL) = rz(-6) * rx(72);
  at(p, B::ThighR) = rz(6) * rx(72);
  at(p, B::ShinL) = rx(-160);
  at(p, B::ShinR) = rx(-160);
  at(p, B::FootL) = rx(-85);
  at(p, B::FootR) = rx(-85);
  at(p, B::UpperArmL) = rz(-5) * rx(25);
  at(p, B::UpperArmR) = rz(5) * rx(25);
  at(p, B::ForeArmL) = rx(50);
  at(p, B::ForeArmR) = rx(50);
  return p;
}

// Face down, the head turned aside, arms and legs a little apart. Lying tipped forward, his
// front is the ground: a limb turned forward (+x) would dig in, so they turn a little back.
FigurePose dead_on_foot(bool crossbowman) {
  FigurePose p;
  at(p, B::Pelvis) = rx(-90);
  at(p, B::Head) = ry(70);
  at(p, B::UpperArmL) = rz(-35) * rx(-8);
  // The right arm flat on the ground, so a standard, pike or spear in his hand lies along it
  // (raised as much as the rest of him, it stood up to 1.3 m); a crossbowman's crossbow points
  // ahead of his hand, which lying on his back is up, so his arm stays raised and tilts it down.
  at(p, B::UpperArmR) = crossbowman ? rz(50) * rx(-12) : rz(50);
  at(p, B::ForeArmL) = rx(-5);
  at(p, B::ForeArmR) = crossbowman ? rx(-10) : rx(-4);
  at(p, B::ThighL) = rz(-8) * rx(-3);
  at(p, B::ThighR) = rz(10) * rx(-8);
  at(p, B::ShinR) = rx(-20);
  at(p, B::FootL) = rx(-60);
  at(p, B::FootR) = rx(-50);
  return p;
}

// Knees buckling, slumping forward: the middle of a fall.
FigurePose slump_on_foot() {
  FigurePose p;
  at(p, B::Pelvis) = rx(-25);
  at(p, B::Chest) = rx(-20);
  at(p, B::Head) = rx(-10);
  at(p, B::ThighL) = rx(65);
  at(p, B::ThighR) = rx(50);
  at(p, B::ShinL) = rx(-95);
  at(p, B::ShinR) = rx(-80);
  at(p, B::UpperArmL) = rz(-15) * rx(40);
  at(p, B::UpperArmR) = rz(15) * rx(30);
  at(p, B::ForeArmL) = rx(30);
  at(p, B::ForeArmR) = rx(30);
  return p;
}

FigurePose blend(const FigurePose& a, const FigurePose& b, float t) {
  FigurePose out;
  for (int i = 0; i < kBones; ++i)
    out.rotation[static_cast<std::size_t>(i)] =
        glm::slerp(a.rotation[static_cast<std::size_t>(i)], b.rotation[static_cast<std::size_t>(i)], t);
  out.root = glm::mix(a.root, b.root, t);
  return out;
}

// From standing through a slump to lying exactly as dead.
FigurePose fall(const FigurePose& dead, const FigurePose& slump, float phase) {
  const FigurePose standing;
  if (phase >= 1.0f) return dead;
  if (phase < 0.4f) return blend(standing, slump, ease(phase / 0.4f));
  return blend(slump, dead, ease((phase - 0.4f) / 0.6f));
}

FigurePose foot_pose(Clip clip, float phase, bool crossbowman) {
  FigurePose p;
  if (clip == Clip::Shoot && crossbowman) return crossbow(phase);
  switch (clip) {
    case Clip::Idle:
      idle(p, phase);
      break;
    case Clip::Walk:
      walk(p, phase, false);
      break;
    case Clip::Run:
    case Clip::Gallop:
      run(p, phase);
      break;
    case Clip::Shoot:
      shoot(p, phase);
      break;
    case Clip::Strike:
      strike(p, phase);
      break;
    case Clip::Climb:
      climb(p, phase);
      break;
    case Clip::Carry:
      walk(p, phase, true);
      break;
    case Clip::Fall:
      return fall(dead_on_foot(crossbowman), slump_on_foot(), phase);
    case Clip::Dead:
      return dead_on_foot(crossbowman);
    case Clip::Sit:
      return sit_on_heels();
  }
  return p;
}

// ---- A rider on his horse --------------------------------------------------------------------

struct Gait {
  float hind_l, front_l, hind_r, front_r;  // phase offsets of each leg's swing
  float swing, flex;                       // upper leg amplitude, lower leg bend in the swing
  float pitch, nod, lean;                  // body rock, neck nod, the rider's lean forward
};
// Walk: four beats (left hind, left fore, right hind, right fore); trot: diagonal pairs;
// gallop: a transverse gallop, hinds then fores.
constexpr Gait kWalk = {0.0f, 0.25f, 0.5f, 0.75f, 20, 35, 1, 4, -4};
constexpr Gait kTrot = {0.5f, 0.0f, 0.0f, 0.5f, 28, 55, 2, 3, -10};
constexpr Gait kGallop = {0.0f, 0.45f, 0.1f, 0.55f, 40, 70, 4, 10, -22};

void horse_leg(FigurePose& p, Bone upper, Bone lower, float phase, float offset, const Gait& g, bool hind) {
  at(p, upper) = rx(g.swing * wave(phase, offset));
  const float bend = g.flex * std::max(0.0f, cwave(phase, offset));  // lifted while swinging forward
  at(p, lower) = rx(hind ? 0.6f * bend : -bend);
}

void horse_gait(FigurePose& p, float phase, const Gait& g) {
  horse_leg(p, B::HorseHindL, B::HorseHindLLower, phase, g.hind_l, g, true);
  horse_leg(p, B::HorseFrontL, B::HorseFrontLLower, phase, g.front_l, g, false);
  horse_leg(p, B::HorseHindR, B::HorseHindRLower, phase, g.hind_r, g, true);
  horse_leg(p, B::HorseFrontR, B::HorseFrontRLower, phase, g.front_r, g, false);
  const float beats = &g == &kWalk ? 2.0f : 1.0f;  // a walk nods twice a stride
  at(p, B::HorseBody) = rx(g.pitch * wave(phase));
  at(p, B::HorseNeck) = rx(g.nod * wave(beats * phase, 0.1f));
  at(p, B::HorseTail) = rx(10 + 5 * wave(phase)) * rz(6 * wave(phase, 0.3f));
}

// The rider's arms holding the reins, his body leaning into the pace.
void rider_reins(FigurePose& p, float phase, float lean) {
  at(p, B::Chest) = rx(lean + 2 * wave(2 * phase));
  at(p, B::UpperArmL) = rz(-6) * rx(25);
  at(p, B::UpperArmR) = rz(6) * rx(25);
  at(p, B::ForeArmL) = rx(55);
  at(p, B::ForeArmR) = rx(55);
}

void horse_idle(FigurePose& p, float phase) {
  at(p, B::HorseNeck) = rx(-6 + 4 * wave(phase));
  at(p, B::HorseHead) = ry(5 * wave(phase, 0.3f));
  at(p, B::HorseTail) = rx(8) * rz(8 * wave(2 * phase));
  at(p, B::HorseHindR) = rx(-3);
  at(p, B::HorseHindRLower) = rx(6);  // resting one hind leg
}

FigurePose dead_mounted() {
  // The horse on its right side, legs out; the rider thrown down along its back.
  FigurePose p;
  at(p, B::HorseBody) = rz(-88);
  at(p, B::HorseNeck) = rx(-20) * rz(10);
  at(p, B::HorseHead) = rx(-20);
  at(p, B::HorseFrontL) = rx(20);
  at(p, B::HorseFrontLLower) = rx(-40);
  at(p, B::HorseFrontR) = rx(35);
  at(p, B::HorseHindL) = rx(-20);
  at(p, B::HorseHindLLower) = rx(30);
  at(p, B::HorseHindR) = rx(-30);
  at(p, B::HorseTail) = rx(10);
  at(p, B::Pelvis) = rz(40);
  at(p, B::Chest) = rx(-20);
  at(p, B::UpperArmL) = rz(-40);
  at(p, B::UpperArmR) = rz(50);
  return p;
}

FigurePose slump_mounted() {
  FigurePose p;
  at(p, B::HorseBody) = rx(-12) * rz(-15);
  at(p, B::HorseFrontL) = rx(-40);
  at(p, B::HorseFrontLLower) = rx(-110);
  at(p, B::HorseFrontR) = rx(-30);
  at(p, B::HorseFrontRLower) = rx(-100);
  at(p, B::HorseHindL) = rx(20);
  at(p, B::HorseHindR) = rx(15);
  at(p, B::HorseNeck) = rx(-25);
  at(p, B::Chest) = rx(-30);
  at(p, B::Pelvis) = rz(15);
  return p;
}

FigurePose mounted_pose(Clip clip, float phase, bool crossbowman) {
  FigurePose p;
  switch (clip) {
    case Clip::Walk:
    case Clip::Carry:
      horse_gait(p, phase, kWalk);
      rider_reins(p, phase, kWalk.lean);
      break;
    case Clip::Run:
      horse_gait(p, phase, kTrot);
      rider_reins(p, phase, kTrot.lean);
      break;
    case Clip::Gallop:
      horse_gait(p, phase, kGallop);
      rider_reins(p, phase, kGallop.lean);
      break;
    case Clip::Shoot:
    case Clip::Strike: {
      // The horse at a stand; the rider's arms and trunk as a man on foot's, his legs kept.
      horse_idle(p, phase);
      const FigurePose upper = foot_pose(clip, phase, crossbowman);
      for (const Bone b : {B::Chest, B::Head, B::UpperArmL, B::ForeArmL, B::HandL, B::UpperArmR, B::ForeArmR, B::HandR})
        at(p, b) = upper.rotation[static_cast<std::size_t>(b)];
      break;
    }
    case Clip::Fall:
      return fall(dead_mounted(), slump_mounted(), phase);
    case Clip::Dead:
      return dead_mounted();
    case Clip::Idle:
    case Clip::Climb:
    case Clip::Sit:
      horse_idle(p, phase);
      rider_reins(p, phase, 0);
      at(p, B::Chest) = rx(1.2f * wave(2 * phase));
      break;
  }
  return p;
}

}  // namespace

FigurePose clip_pose(Clip clip, bool mounted, float phase, bool crossbow) {
  if (!clip_loops(clip)) phase = std::clamp(phase, 0.0f, 1.0f);
  return mounted ? mounted_pose(clip, phase, crossbow) : foot_pose(clip, phase, crossbow);
}

std::array<glm::mat4, kBones> bone_transforms(const FigurePose& pose, bool mounted) {
  const std::array<Joint, kBones>& joints = rig_joints(mounted);
  std::array<glm::mat4, kBones> out{};
  std::array<bool, kBones> done{};
  // A mounted rider's pelvis hangs from the horse, which comes later in Bone's order.
  const auto solve = [&](auto& self, int b) -> const glm::mat4& {
    const auto i = static_cast<std::size_t>(b);
    if (done[i]) return out[i];
    const Joint& j = joints[i];
    const glm::mat4 turn = glm::translate(glm::mat4(1), j.pivot) * glm::mat4_cast(pose.rotation[i]) *
                           glm::translate(glm::mat4(1), -j.pivot);
    out[i] = b == 0 ? glm::translate(glm::mat4(1), pose.root) * turn : self(self, static_cast<int>(j.parent)) * turn;
    done[i] = true;
    return out[i];
  };
  for (int b = 0; b < kBones; ++b) solve(solve, b);
  return out;
}

void ground_pose(FigurePose& pose, const FigureBuild& build, Clip clip) {
  if (clip == Clip::Climb) return;
  const std::array<glm::mat4, kBones> bones = bone_transforms(pose, build.mounted);
  float lowest = std::numeric_limits<float>::max();
  for (const RigPart& part : build.parts) {
    const glm::mat4& m = bones[static_cast<std::size_t>(part.bone)];
    for (const Vertex& v : part.mesh.vertices) lowest = std::min(lowest, (m * glm::vec4(v.position, 1)).y);
  }
  if (lowest != std::numeric_limits<float>::max()) pose.root.y -= lowest;
}

FigurePose figure_pose(const FigureBuild& build, Clip clip, float phase) {
  FigurePose pose = clip_pose(clip, build.mounted, phase, build.crossbow);
  ground_pose(pose, build, clip);
  return pose;
}

}  // namespace scene
