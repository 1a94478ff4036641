// Surface materials on the world (scene/materials paints the layers, renderer/material_textures
// uploads them): albedo detail with a mean of 1, a tangent-space normal and a roughness, mapped
// without UVs by projecting the world position onto the surface's own frame. Include after
// shaders/common.glsl.
#ifndef SIEGE_MATERIALS_GLSL
#define SIEGE_MATERIALS_GLSL

#include "shaders/materials.h"

layout(set = 0, binding = 5) uniform sampler2DArray material_albedo;
layout(set = 0, binding = 6) uniform sampler2DArray material_normal;

// Metres per repeat, by Material code (0, Plain, has no layer).
const float kMaterialMetres[18] = float[18](1.0, kMetresRammedEarth, kMetresBrick, kMetresRoofTiles, kMetresTimber,
                                            kMetresPlaster, kMetresPackedEarth, kMetresStone, kMetresThatch,
                                            kMetresRubble, kMetresBark, kMetresLeaves, kMetresReeds, kMetresFieldSoil,
                                            kMetresStubble, kMetresGrass, kMetresSnow, kMetresMud);
// The codes the terrain picks for itself (scene::Material).
const uint kMaterialFieldSoil = 13u, kMaterialStubble = 14u, kMaterialGrass = 15u, kMaterialSnow = 16u;


// How a surface is mapped: u along its horizontal, v up a wall or down a slope (the layers'
// tangent space, scene/materials/material_images.h), in metres; t and b, the world directions
// in which u and v grow.
struct MaterialFrame {
  vec2 uv;
  vec3 t;
  vec3 b;
};

// The frame for a point with unit normal n. Near-level faces (ground, wall-walks, paving), and
// the whole terrain (`from_above`), are seen from above on world axes; slopes (roofs) and walls take the frame of their facing,
// snapped to 64 compass steps so that every facet of one roof plane, smooth or not, shares
// it, and so that v is continuous along a curved roof (a constant stretch for a ~30° pitch
// stands in for the true one).
MaterialFrame material_frame(vec3 p, vec3 n, bool from_above) {
  MaterialFrame f;
  if (from_above || length(n.xz) < 0.35) {
    f.uv = p.xz;
    f.t = vec3(1.0, 0.0, 0.0);
    f.b = vec3(0.0, 0.0, 1.0);
  } else {
    float step = 6.28318531 / 64.0;
    float a = round(atan(n.z, n.x) / step) * step;
    vec2 facing = vec2(cos(a), sin(a));
    vec2 along = vec2(-facing.y, facing.x);
    f.t = vec3(along.x, 0.0, along.y);
    bool wall = abs(n.y) < 0.6;
    f.uv = vec2(dot(p.xz, along), wall ? p.y : dot(p.xz, facing) * 1.15);
    f.b = wall ? cross(f.t, n) : cross(n, f.t);
  }
  // Onto the surface, for the normal map.
  f.t = normalize(f.t - n * dot(f.t, n));
  f.b = normalize(f.b - n * dot(f.b, n));
  return f;
}

// A layer's level of detail for a pixel `footprint` metres across: log2 of texels per pixel.
float material_lod(uint code, float footprint) {
  return log2(footprint * float(kMaterialTextureSize) / kMaterialMetres[code]);
}

// How much of a layer's detail a pixel shows at that level (1 close up, 0 where it is gone).
float material_amount(float lod) { return 1.0 - smoothstep(kMaterialDetailFull, kMaterialDetailGone, lod); }

struct MaterialSample {
  vec3 detail;  // multiplies the mean albedo; 1 where the detail has faded
  vec3 normal;  // the shading normal
  float roughness;
  float height;  // 0..1 within the layer (0.5 where faded)
};

// Layer `code` at a surface point: the fetch is made only while the detail shows; beyond, the
// result is exactly the mean (detail 1, the normal n).
MaterialSample sample_material(uint code, MaterialFrame f, vec3 n, float footprint) {
  MaterialSample s;
  s.detail = vec3(1.0);
  s.normal = n;
  s.roughness = 0.9;
  s.height = 0.5;
  float lod = material_lod(code, footprint);
  float amount = material_amount(lod);
  if (amount > 0.0) {
    vec3 at = vec3(f.uv / kMaterialMetres[code], float(code - 1u));
    vec4 a = textureLod(material_albedo, at, max(lod, 0.0));
    vec4 m = textureLod(material_normal, at, max(lod, 0.0));
    s.detail = mix(vec3(1.0), a.rgb / kAlbedoDetailStore, amount);
    vec3 tn = m.xyz * 2.0 - 1.0;
    s.normal = normalize(mix(n, f.t * tn.x + f.b * tn.y + n * tn.z, amount));
    s.roughness = mix(0.9, m.w, amount);
    s.height = mix(0.5, a.a, amount);
  }
  return s;
}

#endif
