// Camps, siege engines and earthworks: the besiegers' world around the city. Camps are built
// once per scenario and shown while they are occupied; engines stand where their track puts
// them; mines, counter-mines and retrenchments grow with their construction track.
#include <algorithm>
#include <cmath>

#include "scene/mesh/model_file.h"
#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/sim/projectiles.h"
#include "scene/world/world.h"

namespace scene {

namespace {

constexpr glm::vec3 kFelt{0.42f, 0.40f, 0.35f};  // gers: white felt, weathered
constexpr glm::vec3 kFeltRoof{0.33f, 0.31f, 0.27f};
constexpr glm::vec3 kCanvas{0.30f, 0.26f, 0.19f};  // tents
constexpr glm::vec3 kStakes{0.16f, 0.11f, 0.07f};  // palisades, frames
constexpr glm::vec3 kTimber{0.22f, 0.14f, 0.08f};
constexpr glm::vec3 kHides{0.13f, 0.09f, 0.06f};  // wet hides over sheds and towers
constexpr glm::vec3 kHorse{0.09f, 0.065f, 0.045f};
constexpr glm::vec3 kSpoil{0.24f, 0.19f, 0.13f};  // fresh earth from mines
constexpr float kPi = 3.14159265f;
// The baked props' sizes (build_prop); placed copies are scaled from these.
constexpr float kGerRadius = 4.0f;
constexpr glm::vec2 kTentSize{6.0f, 4.0f};
constexpr float kTentHeight = 2.6f;
constexpr float kBannerHeight = 9.0f;

// 16 bits of a hash (at the bottom) as a float in [0, 1).
float unit(std::uint32_t h) { return static_cast<float>(h & 0xFFFF) / 65536.0f; }

void facing_quad(Mesh& mesh, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 facing, std::uint32_t colour,
                 std::uint32_t object) {
  if (glm::dot(glm::cross(b - a, d - a), facing) >= 0)
    mesh.add_quad(a, b, c, d, colour, object);
  else
    mesh.add_quad(d, c, b, a, colour, object);
}
void facing_triangle(Mesh& mesh, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 facing, std::uint32_t colour,
                     std::uint32_t object) {
  if (glm::dot(glm::cross(b - a, c - a), facing) >= 0)
    mesh.add_triangle(a, b, c, colour, object);
  else
    mesh.add_triangle(a, c, b, colour, object);
}

// A square-sectioned timber from a to b (four sides, open ends).
void add_beam(Mesh& mesh, glm::vec3 a, glm::vec3 b, float width, std::uint32_t colour, std::uint32_t object) {
  const glm::vec3 axis = glm::normalize(b - a);
  const glm::vec3 side =
      glm::normalize(glm::cross(axis, std::abs(axis.y) > 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0))) *
      (width * 0.5f);
  const glm::vec3 up = glm::normalize(glm::cross(side, axis)) * (width * 0.5f);
  const glm::vec3 offs[4] = {side + up, -side + up, -side - up, side - up};
  for (int i = 0; i < 4; ++i) {
    const glm::vec3 o0 = offs[i], o1 = offs[(i + 1) % 4];
    facing_quad(mesh, a + o0, b + o0, b + o1, a + o1, o0 + o1, colour, object);
  }
}

// A ger: a round felt wall and a low cone roof.
void add_ger(Mesh& mesh, glm::vec3 base, float radius, std::uint32_t wall, std::uint32_t roof, std::uint32_t object) {
  constexpr int kSides = 8;
  const float h = radius * 0.55f, rise = radius * 0.45f;
  const glm::vec3 apex = base + glm::vec3(0, h + rise, 0);
  for (int i = 0; i < kSides; ++i) {
    const float a0 = 2 * kPi * static_cast<float>(i) / kSides, a1 = 2 * kPi * static_cast<float>(i + 1) / kSides;
    const glm::vec3 d0(std::cos(a0), 0, std::sin(a0)), d1(std::cos(a1), 0, std::sin(a1));
    const glm::vec3 p0 = base + d0 * radius, p1 = base + d1 * radius;
    facing_quad(mesh, p0 - glm::vec3(0, 0.5f, 0), p1 - glm::vec3(0, 0.5f, 0), p1 + glm::vec3(0, h, 0),
                p0 + glm::vec3(0, h, 0), d0 + d1, wall, object);
    facing_triangle(mesh, p0 + glm::vec3(0, h, 0) + d0 * 0.3f, p1 + glm::vec3(0, h, 0) + d1 * 0.3f, apex,
                    d0 + d1 + glm::vec3(0, 1.5f, 0), roof, object);
  }
}

// A ridge tent: two sloping sides to the ground and two gables.
void add_tent(Mesh& mesh, glm::vec3 base, glm::vec2 size, float height, float yaw, std::uint32_t colour,
              std::uint32_t object) {
  const glm::vec3 right(std::cos(yaw), 0, -std::sin(yaw)), fwd(std::sin(yaw), 0, std::cos(yaw));
  const glm::vec3 hx = right * (size.x * 0.5f), hz = fwd * (size.y * 0.5f), up(0, height, 0);
  const glm::vec3 p0 = base - hx - hz, p1 = base + hx - hz, p2 = base + hx + hz, p3 = base - hx + hz;
  const glm::vec3 r0 = base - hx + up, r1 = base + hx + up;
  facing_quad(mesh, p0, p1, r1, r0, -fwd + glm::vec3(0, 1, 0), colour, object);
  facing_quad(mesh, p3, p2, r1, r0, fwd + glm::vec3(0, 1, 0), colour, object);
  facing_triangle(mesh, p0, p3, r0, -right, colour, object);
  facing_triangle(mesh, p1, p2, r1, right, colour, object);
}

// A banner: a pole and a flag in the faction's colour, flying with the wind to the east.
void add_banner(Mesh& mesh, glm::vec3 base, float height, std::uint32_t flag, std::uint32_t object) {
  add_beam(mesh, base - glm::vec3(0, 0.5f, 0), base + glm::vec3(0, height, 0), 0.25f, pack_color(kStakes), object);
  const glm::vec3 top = base + glm::vec3(0, height - 0.2f, 0);
  const float w = height * 0.3f, h = height * 0.22f;
  const glm::vec3 a = top, b = top + glm::vec3(w, -0.3f, 0.6f), c = b - glm::vec3(0, h, 0),
                  d = top - glm::vec3(0, h, 0);
  facing_quad(mesh, a, b, c, d, glm::vec3(0, 0, 1), flag, object);
  facing_quad(mesh, a, b, c, d, glm::vec3(0, 0, -1), flag, object);
}

glm::vec3 banner_colour(const Scenario& scenario, const std::string& faction) {
  const Faction* f = scenario.faction(faction);
  return f ? f->banner : glm::vec3(0.5f);
}

}  // namespace

void add_camp(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Camp& camp, std::uint32_t salt,
              std::uint32_t object, const CampModels& models) {
  const std::uint32_t flag = pack_color(banner_colour(scenario, camp.faction));
  // Each dwelling and banner from its model when there is one, else built here.
  const auto ger = [&](glm::vec3 base, float radius, glm::vec3 felt, glm::vec3 roof) {
    if (models.dwelling)
      place_model(mesh, *models.dwelling, base, glm::vec2(0, -1), glm::vec3(radius / kGerRadius), object, felt / kFelt);
    else
      add_ger(mesh, base, radius, pack_color(felt), pack_color(roof), object);
  };
  const auto tent = [&](glm::vec3 base, glm::vec2 size, float height, float yaw, glm::vec3 canvas) {
    if (models.dwelling)
      place_model(mesh, *models.dwelling, base, glm::vec2(-std::sin(yaw), -std::cos(yaw)),
                  glm::vec3(size.x / kTentSize.x, height / kTentHeight, size.y / kTentSize.y), object,
                  canvas / kCanvas);
    else
      add_tent(mesh, base, size, height, yaw, pack_color(canvas), object);
  };
  const auto banner = [&](glm::vec3 base, float height) {
    if (models.banner)
      place_model(mesh, *models.banner, base, glm::vec2(0, -1), glm::vec3(height / kBannerHeight), object, glm::vec3(1),
                  flag);
    else
      add_banner(mesh, base, height, flag, object);
  };
  const auto on_ground = [&](glm::vec2 p) { return glm::vec3(p.x, ground.height(p), p.y); };
  // Lanes: tents stand in rows along a grid with a cross of wide lanes through the centre.
  const float pitch = camp.kind == CampKind::Gers ? 17.0f : 13.0f;
  const float inner = camp.kind == CampKind::Stockade ? camp.radius - 12.0f : camp.radius;
  std::vector<glm::vec2> lots;
  const int reach = static_cast<int>(inner / pitch);
  for (int iz = -reach; iz <= reach; ++iz)
    for (int ix = -reach; ix <= reach; ++ix) {
      if (ix == 0 || iz == 0) continue;  // the lanes
      const std::uint32_t h =
          hash32(static_cast<std::uint32_t>(ix + 1000), static_cast<std::uint32_t>(iz + 1000) ^ salt);
      glm::vec2 p = camp.center + glm::vec2(ix, iz) * pitch;
      if (camp.kind == CampKind::Gers)
        p += glm::vec2(unit(h) - 0.5f, unit(h >> 16) - 0.5f) * (pitch * 0.5f);  // nomads: loose rows
      if (glm::length(p - camp.center) > inner - 6.0f || !clear_ground(scenario, p, 6.0f)) continue;
      lots.push_back(p);
    }
  // Keep `tents` of them, packed around the commander's tent (an army camps close), the
  // edge of the cluster ragged by a hashed jitter.
  const auto rank = [&](glm::vec2 p) {
    const std::uint32_t h =
        hash32(static_cast<std::uint32_t>(p.x * 7 + 50000), static_cast<std::uint32_t>(p.y * 13 + 50000) ^ salt);
    return glm::length(p - camp.center) * (0.8f + 0.4f * unit(h));
  };
  std::sort(lots.begin(), lots.end(), [&](glm::vec2 a, glm::vec2 b) { return rank(a) < rank(b); });
  lots.resize(std::min(lots.size(), static_cast<size_t>(std::max(camp.tents, 0))));
  for (size_t i = 0; i < lots.size(); ++i) {
    const std::uint32_t h = hash32(static_cast<std::uint32_t>(i), salt);
    const glm::vec3 base = on_ground(lots[i]);
    if (camp.kind == CampKind::Gers)
      ger(base, 3.2f + unit(h) * 1.2f, kFelt * (0.9f + 0.2f * unit(h >> 8)), kFeltRoof);
    else
      tent(base, glm::vec2(6.0f + 2 * unit(h), 4.0f), 2.6f, (h & 1) ? 0.0f : kPi * 0.5f,
           kCanvas * (0.85f + 0.3f * unit(h >> 8)));
  }
  // The commander's tent and banners at the crossing of the lanes.
  const glm::vec3 centre = on_ground(camp.center);
  if (camp.kind == CampKind::Gers)
    ger(centre, 8.0f, kFelt * 1.1f, kFeltRoof * 1.1f);
  else
    tent(centre, glm::vec2(16.0f, 9.0f), 5.0f, 0, kCanvas * 1.1f);
  for (int k = 0; k < 6; ++k) {
    const float a = 2 * kPi * static_cast<float>(k) / 6;
    banner(on_ground(camp.center + glm::vec2(std::cos(a), std::sin(a)) * 16.0f), 9.0f);
  }
  for (int k = 0; k < 8; ++k) {  // banners along the lanes
    const float a = kPi * 0.5f * static_cast<float>(k % 4);
    const glm::vec2 d(std::cos(a), std::sin(a));
    const glm::vec2 p = camp.center + d * (inner * (k < 4 ? 0.45f : 0.9f)) + glm::vec2(-d.y, d.x) * 5.0f;
    if (clear_ground(scenario, p, 2)) banner(on_ground(p), 7.0f);
  }
  // Horse lines for the steppe armies: picket lines with horses standing along them.
  if (camp.kind == CampKind::Gers) {
    for (int line = 0; line < 4; ++line) {
      const float z = (static_cast<float>(line) - 1.5f) * inner * 0.35f;
      const glm::vec2 a = camp.center + glm::vec2(inner + 25.0f, z), b = a + glm::vec2(90.0f, 0);
      if (!clear_ground(scenario, a, 4) || !clear_ground(scenario, b, 4)) continue;
      for (int k = 0; k <= 30; ++k) {
        const glm::vec2 p = glm::mix(a, b, static_cast<float>(k) / 30.0f) + glm::vec2(0, (k & 1) ? 1.8f : -1.8f);
        const std::uint32_t h = hash32(static_cast<std::uint32_t>(k + 100 * line), salt + 5);
        mesh.add_box(on_ground(p) + glm::vec3(0, 0.8f, 0), glm::vec3(0.7f, 0.9f, 2.2f), 0,
                     pack_color(kHorse * (0.7f + 0.9f * unit(h))), object);
      }
    }
  }
  // A palisade of stakes around a stockade camp, with a gap for a gate on the city side.
  if (camp.kind == CampKind::Stockade) {
    constexpr int kSegments = 64;
    const float gate_angle = std::atan2(-camp.center.y, -camp.center.x);
    for (int i = 0; i < kSegments; ++i) {
      const float a0 = 2 * kPi * static_cast<float>(i) / kSegments,
                  a1 = 2 * kPi * static_cast<float>(i + 1) / kSegments;
      const float mid = std::remainder((a0 + a1) * 0.5f - gate_angle, 2 * kPi);
      if (std::abs(mid) < 0.05f) continue;
      const glm::vec2 p0 = camp.center + glm::vec2(std::cos(a0), std::sin(a0)) * camp.radius;
      const glm::vec2 p1 = camp.center + glm::vec2(std::cos(a1), std::sin(a1)) * camp.radius;
      const glm::vec3 g0 = on_ground(p0), g1 = on_ground(p1), up(0, 4.0f, 0), down(0, 0.5f, 0);
      const glm::vec3 out(std::cos((a0 + a1) * 0.5f), 0, std::sin((a0 + a1) * 0.5f));
      facing_quad(mesh, g0 - down, g1 - down, g1 + up, g0 + up, out, pack_color(kStakes), object);
      facing_quad(mesh, g0 - down, g1 - down, g1 + up, g0 + up, -out, pack_color(kStakes), object);
    }
  }
}

namespace {

// An engine of `kind` standing at `base`, facing the horizontal direction `fwd2`, its banner in `flag`.
void add_engine_frame(Mesh& mesh, EngineKind kind, glm::vec3 base, glm::vec2 fwd2, std::uint32_t flag,
                      std::uint32_t object) {
  const glm::vec3 fwd(fwd2.x, 0, fwd2.y), right(-fwd2.y, 0, fwd2.x), up(0, 1, 0);
  const float yaw = std::atan2(fwd2.x, fwd2.y);  // add_box: local z along fwd
  const std::uint32_t timber = pack_color(kTimber), hides = pack_color(kHides);
  switch (kind) {
    case EngineKind::Trebuchet: {
      // A traction trebuchet (砲): a trestle of four raked posts carrying the axle. The throwing
      // arm is a prop of its own (add_trebuchet_arm), swung about the axle per frame.
      const glm::vec3 axle = base + up * trebuchet::kAxleHeight;
      mesh.add_box(base - up * 0.3f, glm::vec3(6.0f, 0.8f, 7.0f), yaw, timber, object);
      for (float s : {-1.0f, 1.0f})
        for (float f : {-1.0f, 1.0f})
          add_beam(mesh, base + right * (s * 2.6f) + fwd * (f * 3.2f), axle + right * (s * 1.2f), 0.45f, timber,
                   object);
      add_beam(mesh, axle - right * 1.6f, axle + right * 1.6f, 0.5f, timber, object);
      add_banner(mesh, base - fwd * 4.0f + right * 3.5f, 8.0f, flag, object);
      break;
    }
    case EngineKind::SiegeShed:
    case EngineKind::Ram: {
      // A covered shed (洞子) on wheels: a timber frame under a steep roof of wet hides.
      const glm::vec2 size(5.5f, 11.0f);
      mesh.add_box(base - up * 0.3f, glm::vec3(size.x, 2.3f, size.y), yaw, timber, object);
      const glm::vec3 ridge0 = base + up * 5.0f - fwd * (size.y * 0.5f),
                      ridge1 = base + up * 5.0f + fwd * (size.y * 0.5f);
      for (float s : {-1.0f, 1.0f}) {
        const glm::vec3 e0 = base + up * 2.0f + right * (s * (size.x * 0.5f + 0.6f)) - fwd * (size.y * 0.5f);
        const glm::vec3 e1 = e0 + fwd * size.y;
        facing_quad(mesh, e0, e1, ridge1, ridge0, right * s + up, hides, object);
      }
      facing_triangle(mesh, ridge1, base + up * 2.0f + fwd * (size.y * 0.5f) + right * (size.x * 0.5f + 0.6f),
                      base + up * 2.0f + fwd * (size.y * 0.5f) - right * (size.x * 0.5f + 0.6f), fwd, hides, object);
      facing_triangle(mesh, ridge0, base + up * 2.0f - fwd * (size.y * 0.5f) + right * (size.x * 0.5f + 0.6f),
                      base + up * 2.0f - fwd * (size.y * 0.5f) - right * (size.x * 0.5f + 0.6f), -fwd, hides, object);
      if (kind == EngineKind::Ram)
        add_beam(mesh, base + up * 1.6f - fwd * 4.0f, base + up * 1.6f + fwd * 8.0f, 0.7f, timber, object);
      break;
    }
    case EngineKind::SiegeTower: {
      // A wheeled siege tower (天桥/云梯): a tapering frame clad in hides, a fighting top and a
      // drawbridge raised against the front.
      const float h = 15.0f;
      const glm::vec3 b0 = base - up * 0.3f;
      const glm::vec2 bottom(7.0f, 8.0f), top(5.0f, 5.5f);
      for (int side = 0; side < 4; ++side) {
        const glm::vec3 axis = side < 2 ? right : fwd, across = side < 2 ? fwd : right;
        const float s = (side & 1) ? 1.0f : -1.0f;
        const float hb = side < 2 ? bottom.x : bottom.y, ht = side < 2 ? top.x : top.y;
        const float wb = side < 2 ? bottom.y : bottom.x, wt = side < 2 ? top.y : top.x;
        const glm::vec3 c0 = b0 + axis * (s * hb * 0.5f), c1 = b0 + up * h + axis * (s * ht * 0.5f);
        facing_quad(mesh, c0 - across * (wb * 0.5f), c0 + across * (wb * 0.5f), c1 + across * (wt * 0.5f),
                    c1 - across * (wt * 0.5f), axis * s, hides, object);
      }
      mesh.add_box(base + up * h, glm::vec3(top.x + 1.0f, 1.6f, top.y + 1.0f), yaw, timber, object);
      add_beam(mesh, base + up * (h - 1.0f) + fwd * (top.y * 0.5f + 0.5f),
               base + up * (h + 4.0f) + fwd * (top.y * 0.5f + 1.5f), 1.2f, timber, object);
      add_banner(mesh, base + up * (h + 1.6f) - fwd * 1.5f, 5.0f, flag, object);
      break;
    }
  }
}

// The throwing arm alone, in the TrebuchetArm prop's frame: the axle along x at the origin,
// the long arm level towards +z (behind the engine) ending in the sling's pouch, the short
// arm towards -z with a cross-bar where the ropes are tied.
void add_trebuchet_arm(Mesh& mesh) {
  const std::uint32_t timber = pack_color(kTimber);
  add_beam(mesh, glm::vec3(0, 0, -trebuchet::kShortArm), glm::vec3(0, 0, trebuchet::kLongArm), 0.5f, timber, 0);
  add_beam(mesh, glm::vec3(-1.0f, 0, -trebuchet::kShortArm + 0.2f), glm::vec3(1.0f, 0, -trebuchet::kShortArm + 0.2f),
           0.22f, timber, 0);
  mesh.add_box(glm::vec3(0, -0.65f, trebuchet::kLongArm), glm::vec3(0.7f, 0.5f, 0.7f), 0, pack_color(kCanvas), 0, true);
}

constexpr glm::vec3 kCrewCloth{0.17f, 0.14f, 0.10f};
constexpr glm::vec3 kCrewSkin{0.30f, 0.20f, 0.13f};

}  // namespace

void add_siege_engine(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const SiegeEngine& engine,
                      glm::vec2 position, std::uint32_t object) {
  add_engine_frame(mesh, engine.kind, glm::vec3(position.x, ground.height(position), position.y),
                   engine_facing(engine, position), pack_color(banner_colour(scenario, engine.faction)), object);
}

glm::vec2 engine_facing(const SiegeEngine& engine, glm::vec2 position) {
  // Face the target, or the city (the origin) if it has none.
  const glm::vec2 aim = engine.target ? *engine.target : glm::vec2(0);
  const glm::vec2 fwd2 = aim - position;
  return glm::length(fwd2) > 1e-3f ? glm::normalize(fwd2) : glm::vec2(0, -1);
}

void add_trebuchet_action(Mesh& mesh, const Mesh& arm, glm::vec3 base, glm::vec2 facing, float arm_angle, float pull,
                          std::uint32_t object, bool crew) {
  // Swing the arm about its axle (local x): +z (the long arm) rises towards +y.
  const float c = std::cos(arm_angle), s = std::sin(arm_angle);
  Mesh swung = arm;
  for (Vertex& v : swung.vertices) {
    const glm::vec3 p = v.position, n = v.normal;
    v.position = {p.x, p.y * c + p.z * s + trebuchet::kAxleHeight, p.z * c - p.y * s};
    v.normal = {n.x, n.y * c + n.z * s, n.z * c - n.y * s};
  }
  place_model(mesh, swung, base, facing, glm::vec3(1), object);
  if (!crew) return;
  // The crew in two ranks ahead of the engine, facing it, each hauling on a rope from the
  // short arm's cross-bar; they lean back as they heave.
  const glm::vec3 fwd(facing.x, 0, facing.y), right(-facing.y, 0, facing.x), up(0, 1, 0);
  const glm::vec3 rope_end =
      base + fwd * (trebuchet::kShortArm * c) + up * (trebuchet::kAxleHeight - trebuchet::kShortArm * s);
  const float lean = 0.12f + 0.5f * std::clamp(pull, 0.0f, 1.0f);
  const glm::vec3 body = fwd * std::sin(lean) + up * std::cos(lean);  // feet to head, tipped away from the engine
  const std::uint32_t cloth = pack_color(kCrewCloth), skin = pack_color(kCrewSkin), rope = pack_color(kCanvas);
  for (int k = 0; k < 8; ++k) {
    const float across = (static_cast<float>(k % 4) - 1.5f) * 0.75f;
    const glm::vec3 feet = base + fwd * (6.0f + 1.3f * static_cast<float>(k / 4)) + right * across;
    const glm::vec3 shoulders = feet + body * 1.4f;
    add_beam(mesh, feet, shoulders, 0.42f, cloth, object);
    add_beam(mesh, shoulders + body * 0.05f, shoulders + body * 0.3f, 0.22f, skin, object);
    const glm::vec3 hands = shoulders - body * 0.25f - fwd * 0.35f;
    add_beam(mesh, hands, rope_end + right * (across * 0.6f), 0.06f, rope, object);
  }
}

const char* prop_file_name(Prop prop) {
  switch (prop) {
    case Prop::Trebuchet:
      return "trebuchet";
    case Prop::SiegeShed:
      return "siege_shed";
    case Prop::SiegeTower:
      return "siege_tower";
    case Prop::Ram:
      return "ram";
    case Prop::Ger:
      return "ger";
    case Prop::Tent:
      return "tent";
    case Prop::Banner:
      return "banner";
    case Prop::TrebuchetArm:
      return "trebuchet_arm";
  }
  return "prop";
}

Prop engine_prop(EngineKind kind) {
  switch (kind) {
    case EngineKind::Trebuchet:
      return Prop::Trebuchet;
    case EngineKind::SiegeShed:
      return Prop::SiegeShed;
    case EngineKind::SiegeTower:
      return Prop::SiegeTower;
    case EngineKind::Ram:
      return Prop::Ram;
  }
  return Prop::Trebuchet;
}

Mesh build_prop(Prop prop) {
  Mesh mesh;
  const glm::vec3 origin(0);
  const glm::vec2 ahead(0, -1);  // the model convention: facing -z
  switch (prop) {
    case Prop::Trebuchet:
      add_engine_frame(mesh, EngineKind::Trebuchet, origin, ahead, kFactionColourKey, 0);
      break;
    case Prop::SiegeShed:
      add_engine_frame(mesh, EngineKind::SiegeShed, origin, ahead, kFactionColourKey, 0);
      break;
    case Prop::SiegeTower:
      add_engine_frame(mesh, EngineKind::SiegeTower, origin, ahead, kFactionColourKey, 0);
      break;
    case Prop::Ram:
      add_engine_frame(mesh, EngineKind::Ram, origin, ahead, kFactionColourKey, 0);
      break;
    case Prop::Ger:
      add_ger(mesh, origin, kGerRadius, pack_color(kFelt), pack_color(kFeltRoof), 0);
      break;
    case Prop::Tent:
      add_tent(mesh, origin, kTentSize, kTentHeight, 0, pack_color(kCanvas), 0);
      break;
    case Prop::Banner:
      add_banner(mesh, origin, kBannerHeight, kFactionColourKey, 0);
      break;
    case Prop::TrebuchetArm:
      add_trebuchet_arm(mesh);
      break;
  }
  return mesh;
}

void add_earthwork(Mesh& mesh, const Heightfield& ground, const Earthwork& work, float built, std::uint32_t object) {
  if (built <= 0 || work.points.size() < 2) return;
  const std::vector<glm::vec2> path = resample(path_prefix(work.points, std::min(built, 1.0f)), 12.0f);
  if (path.size() < 2) return;
  if (work.kind == EarthworkKind::Retrenchment) {
    // An inner wall or palisaded rampart of earth, thrown up behind a threatened section.
    SiegeRing bank;
    bank.points = path;
    bank.closed = false;
    bank.height = 4.0f;
    bank.thickness = 7.0f;
    bank.ditch_width = 4.0f;
    bank.watch_post_spacing = 0;
    add_siege_ring(mesh, ground, bank, 1.0f, object);
    return;
  }
  // Mines and counter-mines run underground: show the shaft's shed at the mouth and the spoil
  // carried out and heaped along the gallery's line.
  const std::uint32_t spoil = pack_color(kSpoil * (work.kind == EarthworkKind::Mine ? 1.0f : 0.85f));
  const glm::vec2 mouth = path.front(), dir = glm::normalize(path[1] - path[0]);
  const float yaw = std::atan2(dir.x, dir.y);
  const glm::vec3 m(mouth.x, ground.height(mouth), mouth.y);
  mesh.add_box(m - glm::vec3(0, 0.3f, 0), glm::vec3(6.0f, 2.6f, 8.0f), yaw, pack_color(kHides), object);
  mesh.add_pyramid(m + glm::vec3(0, 2.3f, 0), glm::vec2(7.0f, 9.0f), 1.8f, yaw, pack_color(kHides * 0.8f), object);
  for (size_t i = 1; i < path.size(); ++i) {
    const glm::vec2 side(-dir.y, dir.x);
    const glm::vec2 p = path[i] + side * ((i & 1) ? 7.0f : -7.0f);
    mesh.add_pyramid(glm::vec3(p.x, ground.height(p) - 0.3f, p.y), glm::vec2(7.0f, 6.0f), 1.6f,
                     yaw + static_cast<float>(i), spoil, object);
  }
}

}  // namespace scene
