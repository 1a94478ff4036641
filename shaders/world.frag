#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"
#include "shaders/materials.glsl"

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;  // a: how much of this is open farmland
layout(location = 3) flat in uint in_object;
layout(location = 4) in vec4 in_haze;  // per vertex: haze is smooth over a triangle

// 0 for ground no shadow can reach (scene/shadow_receivers.h): no shadow-map lookup at all.
layout(constant_id = 0) const uint kReceivesShadows = 1;
// 1 when the weather lies on the ground (renderer.cpp, world_variants): snow, frost, wet earth.
layout(constant_id = 2) const uint kWeathered = 0;
// How much material detail a draw's surfaces can show (renderer/material_reach.h): 0 none, 1
// rammed earth's courses and the ground's patches, 2 the layers' textures as well. What a build
// leaves out a CPU driver would otherwise compute and fetch for every pixel, whatever a branch
// says.
layout(constant_id = 3) const uint kMaterials = 0;
// 1 for the ground's draws, 0 for what stands on it (structures, works, camps), which then skip
// the fields and the scrub: a CPU driver would run them for every pixel of a wall.
layout(constant_id = 4) const uint kTerrain = 1;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

uint hash2(ivec2 p) {
  uint h = uint(p.x) * 0x27D4EB2Du ^ uint(p.y) * 0x165667B1u;
  h ^= h >> 15;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  return h;
}

float value_noise(vec2 p) {
  ivec2 i = ivec2(floor(p));
  vec2 f = fract(p);
  f = f * f * (3.0 - 2.0 * f);
  float a = float(hash2(i) & 0xFFFFu), b = float(hash2(i + ivec2(1, 0)) & 0xFFFFu);
  float c = float(hash2(i + ivec2(0, 1)) & 0xFFFFu), d = float(hash2(i + ivec2(1, 1)) & 0xFFFFu);
  return mix(mix(a, b, f.x), mix(c, d, f.x), f.y) / 65535.0;
}

const uint kMaterialRammedEarth = 1u;

// Rammed earth from tens of metres, where its 3 m layer is a flat mean: courses 1.5 m high (a
// board's height, between the rows of timber voids the layer draws), each laid in sections of
// 3.5–6 m from its own batch of earth, the joints staggered course to course and each section
// a little darker at its foot, where the earth was wettest; rain runnels down the face; broad
// patches of weathering and repair. `uv`: the face's metres along and up (material_frame).
// A multiplier of the albedo near 1 on the mean, fading to 1 as a pixel spans
// kEarthCoursesReach: the runnels, narrower, fade sooner.
vec3 earth_courses(vec2 uv, float spread) {
  float fade = 1.0 - smoothstep(0.5 * kEarthCoursesReach, kEarthCoursesReach, spread);
  float course = (uv.y - 0.75) / 1.5;
  int row = int(floor(course));
  uint hr = hash2(ivec2(row, 0x5E11));
  float along = uv.x / (3.5 + 2.5 * float(hr & 255u) / 255.0) + float((hr >> 8) & 255u) / 255.0;
  uint hs = hash2(ivec2(int(floor(along)), row));
  float tone = (0.9 + 0.2 * float(hs & 255u) / 255.0) * (0.95 + 0.08 * fract(course));
  // The course's joint, where the row of timbers lies: a dark line spread over a wider pixel.
  float to_joint = min(fract(course), 1.0 - fract(course)) * 1.5;
  tone *= 1.0 - 0.35 * (1.0 - smoothstep(0.04, 0.04 + spread, to_joint)) * min(1.0, 0.1 / spread);
  // Runnels: columns 0.9 m apart, a few of them dark, strongest where the water ran longest.
  float x = uv.x / 0.9;
  float a = float(hash2(ivec2(int(floor(x)), 0x2A1)) & 255u) / 255.0;
  float b = float(hash2(ivec2(int(floor(x)) + 1, 0x2A1)) & 255u) / 255.0;
  float runnel = mix(a, b, smoothstep(0.0, 1.0, fract(x)));
  runnel *= runnel * runnel * (0.6 + 0.4 * cos(uv.y * 0.7 + a * 6.0));
  tone *= 1.0 - 0.22 * runnel * (1.0 - smoothstep(0.15, 0.35, spread));
  // Patches: weathered greyer, repaired warmer.
  float patch_ = value_noise(uv / vec2(13.0, 6.0)) - 0.5;
  vec3 shade = tone * (1.0 + 0.16 * patch_) * vec3(1.0 + 0.05 * patch_, 1.0, 1.0 - 0.06 * patch_);
  return mix(vec3(1.0), shade, fade);
}

// Value noise of `cell`-metre cells at ground point p that gives way to its mean (0.5) before
// a pixel `footprint` metres wide spans half a cell: far off it neither shimmers nor mottles
// the plain in blobs a few pixels wide.
float faded_noise(vec2 p, float cell, float footprint) {
  return mix(value_noise(p / cell), 0.5, smoothstep(cell / 4.0, cell / 1.5, footprint));
}

// The ground from tens of metres, between its layers' textures and the scrub's and fields'
// larger scales: in patches of kGroundPatchCell metres with clumps within, the open ground's
// tussocks of grass and bare, trodden earth, and the tilled soil's damper and drier earth.
// Without them a bank, a berm or the near end of a plot reads as paint from 100 m. The share
// of grass or damp earth here: 0.5, the mean, where the cells have faded.
float ground_patches(vec2 p, float footprint) {
  float n = 0.65 * faded_noise(p, kGroundPatchCell, footprint) +
            0.35 * faded_noise(p, 0.35 * kGroundPatchCell, footprint);
  return smoothstep(0.36, 0.64, n);
}

// That share as a multiplier of the albedo, 1 at the mean: grass darker and warmer, bare earth
// paler and greyer; damp soil darker, dry paler.
vec3 patch_tint(float share, float farmland) {
  vec3 open = mix(vec3(1.12, 1.07, 1.20), vec3(0.88, 0.93, 0.80), share);
  return mix(open, vec3(mix(1.06, 0.94, share)), farmland);
}

// The season's fields (renderer/atmosphere.cpp): x, the share of plots under a standing crop;
// y, how ripe it is (0 green, 1 golden).
vec2 crop_season() { return vec2(frame.crop_cover, frame.crop_ripeness); }

// Muted earth tones of the North China plain seen from the air.
const vec3 kPloughed = vec3(0.105, 0.088, 0.068);
const vec3 kStubble = vec3(0.19, 0.165, 0.125);
const vec3 kGreenCrop = vec3(0.10, 0.115, 0.068);
const vec3 kRipeCrop = vec3(0.21, 0.175, 0.105);
const vec3 kBalk = vec3(0.15, 0.14, 0.10);

// Farmland: blocks of long narrow strips between paths, each block's strips along or across
// it and a few degrees off the common grid, strips of varying width cut into plots of varying
// length. (Villages are the scenario's own, built as houses: none are painted in.)
// `footprint`: metres one pixel spans; where a pixel spans several strips they blend into their
// mean instead of shimmering. `spread`: the pixel's longer side. No loops, no textures.
// `layer`: the material whose detail the plot shows close up (ploughed soil, stubble, a crop).
// `snow_hold`: how the plot holds a thin snow (weathered): x, its share against the plain's
// (rough ploughland more, stubble and a crop less), 1 where a pixel spans many strips; y, the
// furrows' troughs, where it lies first (mean 0, gone with the furrows).
vec3 field_colour(vec2 xz, float footprint, float spread, out uint layer, out vec2 snow_hold) {
  const float c = cos(0.35), s = sin(0.35);
  vec2 r = vec2(c * xz.x - s * xz.y, s * xz.x + c * xz.y);
  // Blocks staggered row by row, like bricks, so paths do not run on for kilometres.
  const vec2 kBlock = vec2(760.0, 540.0);
  r.x += fract(floor(r.y / kBlock.y) * 0.618) * kBlock.x;
  vec2 cell = floor(r / kBlock);
  uint hb = hash2(ivec2(cell));
  vec2 local = r - (cell + 0.5) * kBlock;
  vec2 q = (hb & 256u) != 0u ? local : local.yx;
  q += (float(hb & 255u) / 255.0 - 0.5) * 0.3 * vec2(-q.y, q.x);  // a small turn
  // Strips across q.y: a monotonic warp (parabolic arches, cheaper than a sine) makes their
  // widths vary (0.7 to 1.8 times).
  float width = 26.0 + 30.0 * float((hb >> 9) & 255u) / 255.0;
  float u = q.y / width;
  float arch = fract(u * 0.3 + float(hb >> 28) * 0.0625);
  u += 1.5 * arch * (1.0 - arch);
  uint hs = hash2(ivec2(int(floor(u)), int(hb)));
  float len = 110.0 + 300.0 * float(hs & 255u) / 255.0;
  float v = q.x / len + float((hs >> 8) & 255u) / 255.0;
  uint hp = (hs ^ uint(int(floor(v))) * 0x9E3779B9u) * 0x85EBCA6Bu;
  hp ^= hp >> 13;

  vec2 season = crop_season();
  vec3 crop = mix(kGreenCrop, kRipeCrop, season.y);
  // Each block its own mix of crops and earth (a family's or a village's land), which is what
  // remains of the fields where a pixel spans many strips.
  float block_earth = float((hb >> 12) & 15u) / 15.0, block_crop = float((hb >> 24) & 15u) / 15.0;
  vec3 block_mean = mix(mix(kPloughed, kStubble, 0.25 + 0.5 * block_earth), crop, season.x * (0.5 + block_crop));
  float cropped = step(float((hp >> 8) & 255u) / 255.0, season.x * (0.5 + block_crop));
  layer = cropped > 0.5 ? (season.y > 0.6 ? kMaterialStubble : kMaterialGrass)
                        : ((hp & 255u) > 127u ? kMaterialStubble : kMaterialFieldSoil);
  vec3 colour = mix(mix(kPloughed, kStubble, float(hp & 255u) / 255.0), crop, cropped);
  colour *= 0.93 + 0.14 * float(hp >> 24) / 255.0;
  // Furrows (or a crop's rows) along the strip, a metre apart, lit on one side and in shade on
  // the other, only while a pixel's longer side is well under a furrow: at a low angle the
  // ground's footprint is long towards the horizon and they would beat against the pixels.
  float furrow = (abs(fract(q.y) - 0.5) - 0.25) * (1.0 - smoothstep(0.1, 0.3, spread));
  colour *= 1.0 + 0.48 * furrow;
  snow_hold = vec2(mix(0.75 + 0.5 * float((hp >> 16) & 255u) / 255.0 - 0.2 * cropped, 1.0,
                       smoothstep(0.3, 1.0, footprint / width)),
                   -furrow);
  // Balks between strips and plots, wider paths round the blocks; thinner than a pixel they
  // spread over it at their share of its area.
  float to_balk = min(fract(u) < 0.5 ? fract(u) : 1.0 - fract(u), 0.5 - abs(fract(v) - 0.5)) * min(width, len);
  vec2 to_path = kBlock * 0.5 - abs(local);
  float line = (1.0 - smoothstep(0.6, 0.6 + footprint, to_balk)) * min(1.0, 1.2 / footprint) * 0.7;
  line = max(line, (1.0 - smoothstep(2.5, 2.5 + footprint, min(to_path.x, to_path.y))) * min(1.0, 5.0 / footprint));
  colour = mix(colour, kBalk, line);
  // Irrigation ditches: one block in four has a ditch just inside one long side, thinner than
  // a pixel spread over it like the balks.
  float ditch = ((hb >> 5) & 3u) == 0u ? 1.0 : 0.0;
  float to_ditch = abs(to_path.y - 3.5);
  colour = mix(colour, vec3(0.045, 0.05, 0.048),
               0.8 * ditch * (1.0 - smoothstep(0.6, 0.6 + footprint, to_ditch)) * min(1.0, 1.2 / footprint));
  // Many strips to a pixel: the block's mean; many blocks: the plain's.
  colour = mix(colour, mix(block_mean, kBalk, 0.05), smoothstep(0.3, 1.0, footprint / width));
  vec3 plain = mix(mix(mix(kPloughed, kStubble, 0.5), crop, season.x), kBalk, 0.05);
  colour = mix(colour, plain, smoothstep(0.05, 0.2, footprint / kBlock.y));
  return colour;
}

// The weather on a surface: snow lies on what faces up (roofs, wall tops, open ground) in
// drifts, hoar frost whitens the fields on cold dawns, and rain darkens the earth. `snow_detail`:
// the snow layer's albedo detail here; `hold`: how a plot holds it (field_colour; (1, 0) off
// the fields); `snow` returns how much snow covers the point.
vec3 weathered(vec3 albedo, vec3 n, float farmland, float footprint, vec3 snow_detail, vec2 hold, out float snow) {
  float up = smoothstep(0.5, 0.85, n.y);
  // The drifts' two scales on grids turned apart (and off the fields' own), so that their
  // cells do not line up into blocks where a thin cover picks out their highs. That threshold
  // sharpens the noise, so it gives way to its mean at a third of the footprint plain noise does:
  // from a few hundred metres a thin cover is an even dusting, plot by plot, not blotches.
  vec2 p = in_world.xz;
  float drift = 0.6 * faded_noise(mat2(0.80, 0.60, -0.60, 0.80) * p, 4.0, 3.0 * footprint) +
                0.4 * faded_noise(mat2(0.38, -0.92, 0.92, 0.38) * p, 1.3, 3.0 * footprint);
  // Drifts: a thin cover is a grey-white dusting, whiter where the noise is high (lee sides),
  // in the furrows' troughs and on rough ploughland, and closes into an even white as it
  // deepens.
  float cover = frame.snow_cover * hold.x + 0.5 * hold.y * (1.0 - frame.snow_cover);
  snow = up * smoothstep(-0.25, 0.25, cover - (1.0 - drift)) * (0.5 + 0.5 * frame.snow_cover);
  albedo = mix(albedo, mix(albedo, vec3(0.62, 0.60, 0.57), 0.6), frame.frost * farmland * up);
  albedo *= 1.0 - 0.4 * frame.wetness * up;
  return mix(albedo, vec3(0.76, 0.78, 0.82) * snow_detail, snow);
}

void main() {
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 albedo = in_albedo.rgb;
  // Derivatives outside any branch: metres per pixel on the ground here.
  vec2 span = fwidth(in_world.xz);
  float footprint = max(0.5 * (span.x + span.y), 0.05);
  // For the materials: the wider of the pixel's two spans in 3D (upright walls too).
  float spread = max(length(dFdx(in_world)), length(dFdy(in_world)));
  // The alpha byte is the terrain's farmland share; on anything else it is a material code
  // (scene/model/material.h).
  bool terrain = kTerrain != 0 && in_object == frame.terrain_object;
  float farmland = terrain ? in_albedo.a : 0.0;
  uint code = terrain ? kMaterialGrass : uint(round(in_albedo.a * 255.0));
  vec2 snow_hold = vec2(1.0, 0.0);
  if (farmland > 0.004) {
    uint field_layer;
    vec2 field_hold;
    albedo = mix(albedo, field_colour(in_world.xz, footprint, spread, field_layer, field_hold), farmland);
    if (farmland > 0.5) code = field_layer;
    snow_hold = mix(snow_hold, field_hold, farmland);
  }
  if (terrain && farmland < 0.5) {
    // Uncultivated ground: patches of scrub and bare earth at two scales.
    float n = 0.6 * faded_noise(in_world.xz, 60.0, footprint) + 0.4 * faded_noise(in_world.xz, 11.0, footprint);
    albedo *= 0.7 + 0.6 * n;
  }
  if (kMaterials >= 1u && terrain) albedo *= patch_tint(ground_patches(in_world.xz, footprint), farmland);
  // The material's detail close up: texture, relief and roughness (shaders/materials.glsl).
  vec3 smooth_n = n;
  MaterialFrame surface = material_frame(in_world, n, terrain);
  if (kMaterials >= 2u && code != 0u && code <= uint(kMaterialLayers)) {
    MaterialSample detail = sample_material(code, surface, n, spread);
    albedo *= detail.detail;
    n = detail.normal;
  }
  if (kMaterials >= 1u && kTerrain == 0u && code == kMaterialRammedEarth && abs(smooth_n.y) < 0.6)
    albedo *= earth_courses(surface.uv, spread);
  if (kWeathered != 0) {
    vec3 snow_detail = vec3(1.0);
    vec3 snow_n = smooth_n;
    if (kMaterials >= 2u && frame.snow_cover > 0.0) {
      MaterialSample snow_layer = sample_material(kMaterialSnow, surface, smooth_n, spread);
      snow_detail = snow_layer.detail;
      snow_n = snow_layer.normal;
    }
    float snow;
    albedo = weathered(albedo, smooth_n, farmland, footprint, snow_detail, snow_hold, snow);
    n = normalize(mix(n, snow_n, snow));
  }
  vec3 sun = frame.sun_direction;
  float diffuse = max(dot(n, sun), 0.0);
  if (kReceivesShadows != 0 && diffuse > 0.0) diffuse *= sun_visibility(in_world, n);
  vec3 lit = albedo * (frame.sun_color * diffuse + ambient_light(n) + local_light(in_world, n));
  // Alpha: the distance from the eye, for the water's reflections (renderer.cpp).
  out_color = vec4(mix(lit, in_haze.rgb, in_haze.a) * frame.exposure, min(length(in_world - frame.camera_position), kFarDistance));
  out_object = in_object;
}
