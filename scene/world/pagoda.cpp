// A brick pagoda after Runan's Wuying pagoda (LOOK.md §2): hexagonal, its storeys shrinking
// up a parabolic outline, each with corbelled brick eaves, on a plinth, with a spire.
#include <array>
#include <cmath>

#include "scene/model/material.h"
#include "scene/world/building_palette.h"
#include "scene/world/settlement_plan.h"

namespace scene {

namespace {

constexpr int kSides = 6;

std::array<glm::vec3, kSides> ring(glm::vec2 at, float y, float radius, float yaw) {
  std::array<glm::vec3, kSides> out;
  for (int i = 0; i < kSides; ++i) {
    const float a = yaw + 6.2831853f * (static_cast<float>(i) + 0.5f) / kSides;
    out[static_cast<size_t>(i)] = glm::vec3(at.x + radius * std::cos(a), y, at.y + radius * std::sin(a));
  }
  return out;
}

// The band between two rings (a storey's body or a flared eave), faces outward.
void band(Mesh& mesh, const std::array<glm::vec3, kSides>& lo, const std::array<glm::vec3, kSides>& hi, glm::vec2 at,
          std::uint32_t colour, std::uint32_t object) {
  for (size_t i = 0; i < kSides; ++i) {
    const size_t j = (i + 1) % kSides;
    const glm::vec3 mid = (lo[i] + lo[j] + hi[i] + hi[j]) * 0.25f;
    // Normal in the radial-vertical plane: the band's slope turned a quarter.
    const glm::vec2 radial = glm::normalize(glm::vec2(mid.x - at.x, mid.z - at.y));
    const float r_lo = glm::length(glm::vec2(lo[i].x, lo[i].z) - at),
                r_hi = glm::length(glm::vec2(hi[i].x, hi[i].z) - at);
    const glm::vec3 out(radial.x * (hi[i].y - lo[i].y), r_lo - r_hi, radial.y * (hi[i].y - lo[i].y));
    mesh.add_quad_facing(lo[i], lo[j], hi[j], hi[i], out, colour, object);
  }
}

void cap(Mesh& mesh, const std::array<glm::vec3, kSides>& r, glm::vec3 apex, std::uint32_t colour,
         std::uint32_t object) {
  for (size_t i = 0; i < kSides; ++i) {
    const size_t j = (i + 1) % kSides;
    const glm::vec3 n = glm::cross(r[j] - r[i], apex - r[i]);
    if (n.y >= 0)
      mesh.add_triangle(r[i], r[j], apex, colour, object);
    else
      mesh.add_triangle(r[i], apex, r[j], colour, object);
  }
}

}  // namespace

void add_pagoda(Mesh& mesh, const Heightfield& ground, const BuildingPlace& p, std::uint32_t object) {
  const float g = ground.height(p.at) - 0.5f;
  const float base_r = p.size.x * 0.5f;
  const int storeys = std::max(p.storeys, 1);
  const std::uint32_t brick = pack_material(palette::kBrick, Material::Brick);
  const std::uint32_t eave = pack_material(palette::kBrick * 0.75f, Material::Brick);
  // The plinth.
  const float plinth = 1.5f;
  const auto p0 = ring(p.at, g, base_r + 2.0f, p.yaw), p1 = ring(p.at, g + plinth + 0.5f, base_r + 2.0f, p.yaw);
  band(mesh, p0, p1, p.at, pack_material(palette::kStone, Material::Stone), object);
  cap(mesh, p1, glm::vec3(p.at.x, g + plinth + 0.5f, p.at.y), pack_material(palette::kStone, Material::Stone), object);
  // Storeys: the first tall, the rest shorter and narrowing, the outline bellied then drawn in.
  const float spire = p.height * 0.1f;
  const float first = (p.height - spire) * 0.2f;
  const float rest = storeys > 1 ? (p.height - spire - first) / static_cast<float>(storeys - 1) : 0;
  float y = g + plinth + 0.5f;
  for (int k = 0; k < storeys; ++k) {
    const float t = static_cast<float>(k) / static_cast<float>(storeys);
    const float r = base_r * (1.0f - 0.45f * t * t);  // parabolic taper
    const float h = k == 0 ? first : rest;
    const auto lo = ring(p.at, y, r, p.yaw), hi = ring(p.at, y + h * 0.78f, r, p.yaw);
    band(mesh, lo, hi, p.at, brick, object);
    // Corbelled eaves: out and up, then a short tiled slope back in to the next storey.
    const float out = 0.6f + 0.08f * r;
    const auto e0 = ring(p.at, y + h * 0.92f, r + out, p.yaw);
    const float next_r = base_r * (1.0f - 0.45f * (t + 1.0f / storeys) * (t + 1.0f / storeys));
    const auto e1 = ring(p.at, y + h, next_r * 0.98f, p.yaw);
    band(mesh, hi, e0, p.at, eave, object);
    band(mesh, e0, e1, p.at, pack_material(palette::kTiles * 0.8f, Material::RoofTiles), object);
    y += h;
  }
  // The spire: a hexagonal cap and a slender finial.
  const float top_r = base_r * 0.55f * 0.98f;
  cap(mesh, ring(p.at, y, top_r, p.yaw), glm::vec3(p.at.x, y + spire * 0.45f, p.at.y),
      pack_material(palette::kTiles * 0.8f, Material::RoofTiles), object);
  mesh.add_box(glm::vec3(p.at.x, y + spire * 0.3f, p.at.y), glm::vec3(0.35f, spire * 0.7f, 0.35f), p.yaw,
               pack_material(palette::kRidge, Material::Plain), object);
}

}  // namespace scene
