// A scaling ladder's timbers: two rails and rungs.
#include "scene/world/world.h"

namespace scene {

namespace {
constexpr glm::vec3 kLadderWood{0.20f, 0.13f, 0.07f};
}  // namespace

void add_ladder(Mesh& mesh, glm::vec3 foot, glm::vec3 top, std::uint32_t object) {
  const glm::vec3 axis = top - foot;
  const float length = glm::length(axis);
  if (length < 0.5f) return;
  const glm::vec3 along = axis / length;
  glm::vec3 side = glm::cross(along, glm::vec3(0, 1, 0));
  side = glm::length(side) > 1e-3f ? glm::normalize(side) : glm::vec3(1, 0, 0);
  const glm::vec3 face = glm::normalize(glm::cross(side, along));  // the side the rungs are climbed from
  const std::uint32_t wood = pack_color(kLadderWood);
  // A rail or rung: a square-sectioned timber from a to b with sides facing `side` and `face`.
  const auto timber = [&](glm::vec3 a, glm::vec3 b, glm::vec3 across, float w) {
    const glm::vec3 u = glm::normalize(across) * (w * 0.5f), v = glm::normalize(glm::cross(b - a, across)) * (w * 0.5f);
    const glm::vec3 offs[4] = {u + v, -u + v, -u - v, u - v};
    for (int k = 0; k < 4; ++k)
      mesh.add_quad_facing(a + offs[k], b + offs[k], b + offs[(k + 1) % 4], a + offs[(k + 1) % 4],
                           offs[k] + offs[(k + 1) % 4], wood, object);
  };
  constexpr float kHalfWidth = 0.3f, kRungStep = 0.75f;
  timber(foot - side * kHalfWidth, top - side * kHalfWidth, side, 0.13f);
  timber(foot + side * kHalfWidth, top + side * kHalfWidth, side, 0.13f);
  for (float s = kRungStep; s < length - 0.3f; s += kRungStep) {
    const glm::vec3 c = foot + along * s + face * 0.02f;
    timber(c - side * kHalfWidth, c + side * kHalfWidth, face, 0.07f);
  }
}

}  // namespace scene
