// Layouts and constants shared by C++ and GLSL: one definition each, checked in C++ by
// static_assert on sizes and member offsets. Plain constants and structs only: scene/figures
// includes it too (for the part codes and colour classes), so no Vulkan here.
#ifndef SIEGE_SHADERS_SHARED_H
#define SIEGE_SHADERS_SHARED_H

#ifdef __cplusplus
#include <cstddef>
#include <cstdint>
#include <glm/glm.hpp>
namespace shaders {
using mat4 = glm::mat4;
using vec2 = glm::vec2;
using vec3 = glm::vec3;
using vec4 = glm::vec4;
using uint = std::uint32_t;
using uvec4 = glm::uvec4;
#define SIEGE_SHARED_CONST inline constexpr
#else
#define SIEGE_SHARED_CONST const
#endif

// ---- Frame uniforms -----------------------------------------------------------------------

// Per-frame constants (std140: each vec3 is followed by a scalar that fills its 16 bytes, so
// C++ and GLSL agree on every offset). Light is in scene units: a surface's radiance is
// albedo × (irradiance / π), and the irradiances below are stored already divided by π.
SIEGE_SHARED_CONST uint kHorizonSamples = 16u;  // haze colours round the compass
SIEGE_SHARED_CONST uint kMaxShadowCascades = 3u;
// The opaque world writes each pixel's distance from the eye into the HDR image's alpha (the
// water looks for reflections in it); empty pixels hold this, "far" (half-float's range).
SIEGE_SHARED_CONST float kFarDistance = 60000.0f;
struct FrameUniforms {
  mat4 view_proj;
  mat4 inv_view_proj;
  vec3 camera_position;
  float time_s;           // animation time: presentation seconds
  vec3 sun_direction;     // the key light: towards the sun by day, the moon by night
  float daylight;         // 1 by day, 0 at night
  vec3 sun_color;         // the key light's irradiance / π at the ground
  float star_brightness;  // how much of the starfield shows (exposure-independent)
  vec3 sky_up;            // the sky's irradiance / π on an upward face
  float crop_cover;       // share of the fields under a standing crop (the season)
  vec3 sky_side;          // ... on an upright face, round the compass
  float crop_ripeness;    // how ripe those crops are, 0 green to 1 golden
  vec3 haze_colour;       // the mean colour of the horizon haze
  float haze_density;     // per metre
  float exposure;         // adapted to the light: scene shaders write radiance × exposure
  uint sky_object;        // object id of the sky
  float haze_falloff;     // haze height falloff per metre
  uint terrain_object;    // object id of the ground
  uint shadow_cascades;   // how many of shadow_view_proj the key light fills (0: no shadows)
  float pad_shadow;
  float cloud_cover;        // 0 clear .. 1 overcast
  float snow_cover;         // 0..1 of open ground, roofs and wall tops under snow
  vec3 ground_bounce;       // light from the lit ground onto a downward face, / π
  float frost;              // 0..1 hoar frost on the fields
  vec3 sun_disc_direction;  // towards the sun itself (the key light may be the moon)
  float wetness;            // 0..1 wet ground
  vec3 moon_direction;      // towards the moon
  float moon_illuminated;   // fraction of its disc lit
  vec3 moon_disc_colour;    // radiance of the moon's lit disc
  float mist;               // 0..1 ground mist, thickest low over water
  mat4 celestial_to_world;  // equatorial star directions into the world (the turning sky)
  vec3 haze_rayleigh;       // the air's scattering per metre at the ground, by channel
  float haze_mie;           // the haze's (aerosols') scattering per metre at the ground
  vec4 horizon[kHorizonSamples];
  // The key light's shadow cascades, nearest first, side by side in one depth atlas: world →
  // each cascade's clip space (depth 0 nearest the light), how far from the eye each reaches,
  // and the metres one of its texels spans.
  mat4 shadow_view_proj[kMaxShadowCascades];
  vec4 shadow_far_m;
  vec4 shadow_texel_m;
  float precipitation_kind;  // 0 none, 1 rain, 2 snow (scene::Precipitation)
  float precipitation_rate;  // 0..1
  float foliage;             // 0 bare trees .. 1 full crowns (scene/sim/season.h)
  float foliage_autumn;      // 0 green .. 1 turned
};
// Push constants of the sun's shadow pass (renderer/shadows.cpp, shaders/shadow.vert).
struct ShadowPush {
  mat4 view_proj;  // world → shadow map clip space
};

// Push constants of the tonemap pass (renderer/renderer.cpp, shaders/tonemap.frag).
struct TonemapPush {
  float exposure;
  float bloom_strength;  // how much of the bloom image (renderer/bloom.h) is added; 0: none
  // The display table (common/display_lut.h): points per axis and the log2 input range.
  float lut_size;
  float lut_log2_min;
  float lut_log2_max;
};

// ---- Soldier figures (scene/figures/kit_figures.h, figure_animation.h) ---------------------

// Colour classes: a figure vertex colour's alpha says whose colour the part takes.
SIEGE_SHARED_CONST float kClassAlbedoAlpha = 0.0f;    // its own albedo
SIEGE_SHARED_CONST float kClassSkinAlpha = 0.25f;     // a skin tone of his army's palette (alpha 64) times its rgb
SIEGE_SHARED_CONST float kClassBannerAlpha = 0.5f;    // the unit's banner colour (alpha 128) times its rgb
SIEGE_SHARED_CONST float kClassGarmentAlpha = 0.75f;  // a dye of his army's palette (alpha 192) times its rgb
SIEGE_SHARED_CONST float kClassFactionAlpha = 1.0f;   // the faction colour (alpha 255) times its rgb
SIEGE_SHARED_CONST float kClassFactionAbove = 0.875f;  // an alpha above this is faction
SIEGE_SHARED_CONST float kClassGarmentAbove = 0.625f;  // else above this, garment
SIEGE_SHARED_CONST float kClassBannerAbove = 0.375f;   // else above this, banner
SIEGE_SHARED_CONST float kClassSkinAbove = 0.125f;     // else above this, skin; else albedo

// Each kit's palette (scene/figures/kit_palette.h) as the troop shaders read it, one per kit.
SIEGE_SHARED_CONST uint kKits = 3u;  // scene::Kit
SIEGE_SHARED_CONST uint kGarmentColours = 8u;
SIEGE_SHARED_CONST uint kSkinColours = 4u;
struct KitColours {
  vec4 garment[kGarmentColours];  // rgb linear
  vec4 skin[kSkinColours];
};

SIEGE_SHARED_CONST uint kFigureKinds = 7u;  // scene::FigureKind: infantry ... standard-bearer

// ---- Troop pass (renderer/troops.cpp, shaders/troop*, shaders/impostor*) ------------------

// One per drawn figure, read from a storage buffer by gl_InstanceIndex (firstInstance selects
// the bin).
struct TroopInstance {
  float x;
  float y;
  float z;      // feet on the terrain
  uint packed;  // heading and unit: the bit fields below
  uint motion;  // clip and phase: the bit fields below
  uint look;    // scene::Soldier::look (scene/model/soldier_look.h): build, variants, colours
};
// TroopInstance::packed, from bit 0: heading (kHeadingSteps steps clockwise from north), the
// unit's index into the TroopUnit table (the rest).
SIEGE_SHARED_CONST uint kHeadingSteps = 512u;
SIEGE_SHARED_CONST uint kUnitShift = 9u;
// TroopInstance::motion, from bit 0: phase through the clip (0..kMotionPhaseMax over 0..1),
// clip (scene::Clip) from kMotionClipShift.
SIEGE_SHARED_CONST uint kMotionPhaseMax = 65535u;
SIEGE_SHARED_CONST uint kMotionClipShift = 16u;
SIEGE_SHARED_CONST uint kMotionClipMask = 15u;
// scene::Clip codes the shaders single out (checked against the enum in renderer/troops.cpp).
SIEGE_SHARED_CONST uint kClipCount = 11u;
SIEGE_SHARED_CONST uint kClipFall = 8u;  // from here on the clips are one-shot or held (no wrap)
SIEGE_SHARED_CONST uint kClipDead = 9u;
// A look's colour bits (bits 20-31 of scene::soldier_look): garment dye index (3 bits), its
// strength (3), skin tone (2), own-albedo brightness (4).
SIEGE_SHARED_CONST uint kLookGarmentShift = 20u;
SIEGE_SHARED_CONST uint kLookGarmentToneShift = 23u;
SIEGE_SHARED_CONST uint kLookSkinShift = 26u;
SIEGE_SHARED_CONST uint kLookBrightShift = 28u;

// Vertex animation (renderer/figure_frames.cpp): every figure's frames of every vertex, one
// uvec2 per (frame, vertex): x = half2(position.xy), y = half(position.z) in the low 16 bits
// and the normal, octahedral 8+8 bits snorm, in the high 16. Per (figure, clip) where its
// frames start in that buffer. A figure is (kit * kFigureKinds + kind) * 2 + lod.
struct FigureClip {
  uint base;          // index of the clip's first frame's vertex 0
  uint frames;        // frames over phase 0..1 (a loop's last frame is not phase 1)
  uint vertex_count;  // a frame's stride
  uint variants;      // options per variant group, 4 bits each from bit 0 (group 0..2)
};

// Per unit of the scenario, once per frame (std430).
struct TroopUnit {
  vec3 colour;  // faction colour (linear)
  float pad0;
  vec3 banner;  // the unit's banner colour
  float pad1;
  uint object_id;  // for the ID pass
  uint state;      // scene::UnitState
  uint kit;        // scene::Kit of the unit's faction: index of KitColours
  uint pad3;
};

// The impostor atlas: one kImpostorCell-pixel view per (azimuth column, kind * elevations +
// elevation row), baked at the elevations below (degrees above the horizon).
SIEGE_SHARED_CONST uint kImpostorCell = 64u;
SIEGE_SHARED_CONST uint kImpostorAzimuths = 8u;
SIEGE_SHARED_CONST uint kImpostorElevations = 3u;
SIEGE_SHARED_CONST float kImpostorElevation0Deg = 10.0f;
SIEGE_SHARED_CONST float kImpostorElevation1Deg = 40.0f;
SIEGE_SHARED_CONST float kImpostorElevation2Deg = 75.0f;
// An atlas texel's alpha holds the colour class too (0: nothing baked there), a fifth each:
// albedo, skin, banner, garment, faction; decoded by rounding alpha * kAtlasClassSteps.
SIEGE_SHARED_CONST float kAtlasClassSteps = 5.0f;
SIEGE_SHARED_CONST float kAtlasEmptyBelow = 0.1f;  // an alpha below this: empty

// Push constants of the troop and impostor pipelines.
struct TroopPush {
  uint mode;            // kTroopFlat | kTroopFarTriangle | kTroopBake | kTroopPlain
  uint figure;          // meshes: the figure (FigureClip); impostors: atlas row block, kit * kFigureKinds + kind
  float half_size;      // impostor square half side, metres
  float centre_height;  // impostor centre above the feet, metres
  // Impostors, per elevation row: the kind's silhouette bounds over all azimuths (x0, y0, x1,
  // y1) in the baked square's [-1, 1] frame, y up.
  vec4 rect[kImpostorElevations];
};
SIEGE_SHARED_CONST uint kTroopFlat = 1u;         // flat colour (the benchmark's minimal renderer), else lit
SIEGE_SHARED_CONST uint kTroopFarTriangle = 2u;  // impostors as one triangle per figure (3 vertices), not a quad
SIEGE_SHARED_CONST uint kTroopBake = 4u;         // the impostor bake: no build or tint, colour class kept in alpha
SIEGE_SHARED_CONST uint kTroopPlain = 8u;        // no variety: every man of a unit alike (tests compare with it)

// Push constants of the near figures' ground shadows (shaders/troop_blob.vert).
struct BlobPush {
  float figure_height;      // metres
  float shadow_half_width;  // metres
};

// ---- Far soldiers by compute splat (renderer/troop_splat.cpp, shaders/troop_splat*) --------

// One uint64 per pixel: the nearest splatted figure's depth bits (reverse-Z, so larger is
// nearer: atomicMax) in the high 32, its payload in the low 32, 0 where none: the figure's
// block (kit * kFigureKinds + kind) from kSplatBlockShift, its instance's index below.
SIEGE_SHARED_CONST uint kSplatBlockShift = 27u;
SIEGE_SHARED_CONST uint kSplatMaxSide = 4u;  // a footprint's most pixels across and down
SIEGE_SHARED_CONST uint kSplatGroup = 64u;   // figures per compute work group
// The resolve shades only the kSplatTile-pixel square tiles a figure landed in (a uint flag
// each, set by the splat): a full-screen pass costs lavapipe ~40 ms at 1280x720 even where
// every fragment is discarded at once.
SIEGE_SHARED_CONST uint kSplatTile = 16u;
// Per block, what the impostors' push constants hold (TroopPush): the baked square and the
// silhouette bounds per elevation row.
struct SplatBlock {
  float half_size;
  float centre_height;
  float pad0;
  float pad1;
  vec4 rect[kImpostorElevations];
};
// Push constants of the splat's compute and resolve pipelines.
struct SplatPush {
  mat4 view_proj;  // the frame's (FrameUniforms::view_proj)
  vec3 camera_position;
  uint mode;   // kTroopFlat | kTroopPlain
  uint first;  // compute: the bin's first instance and its count
  uint count;
  uint block;  // compute: the bin's block
  uint width;  // the frame's size in pixels: the splat buffer's row stride
  uint height;
  uint pad0;  // to a whole number of vec4s, as std430 sizes the struct
  uint pad1;
  uint pad2;
};

// ---- Effects pass ---------------------------------------------------------------------------

// Camera-facing billboards (smoke, fire, dust, stones, fire arrows).
struct EffectInstance {
  float x;
  float y;
  float z;
  float size;   // half side, metres
  uint colour;  // RGBA8: linear colour, alpha opacity
  uint kind;    // 0 smoke, 1 flame (emissive), 2 stone, 3 dust, 4 fire arrow (emissive streak)
  float glow;   // emissive multiplier
  float seed;   // per-particle noise
};


// ---- Local lights (renderer/lights.cpp, shaders/lights.glsl) --------------------------------

// The most lights one frame lights the scene with (a preset's cap may be lower); one bit each
// in a screen tile's mask.
SIEGE_SHARED_CONST uint kMaxLocalLights = 32u;
// The screen is cut into kLightTilesX × kLightTilesY tiles; each tile's mask says which lights
// can reach a pixel in it, so a pixel loops over those alone.
SIEGE_SHARED_CONST uint kLightTilesX = 32u;
SIEGE_SHARED_CONST uint kLightTilesY = 18u;
SIEGE_SHARED_CONST uint kLightTiles = kLightTilesX * kLightTilesY;

// One selected light (std140: 32 bytes).
struct LocalLight {
  vec3 position;      // world metres
  float radius_m;     // beyond this it adds nothing
  vec3 intensity;     // linear colour × intensity × this frame's flicker: illuminance at 1 m
  float inv_radius2;  // 1 / radius², for the window
};

// The frame's lights, at set 0 binding 2 (std140 uniform block).
struct LightUniforms {
  uint count;        // lights[0 .. count); 0 by day: no loop at all
  uint pad0;
  vec2 tile_scale;   // tiles per pixel: gl_FragCoord.xy * tile_scale is the tile
  LocalLight lights[kMaxLocalLights];
  uvec4 tile_masks[kLightTiles / 4u];  // tile t's mask is tile_masks[t / 4][t % 4]
};

// Push constants of the bloom passes (renderer/bloom.cpp, shaders/bloom*.frag).
struct BloomPush {
  vec2 source_texel;  // 1 / the source image's size
  float threshold;    // exposed luminance where bloom starts (prefilter only)
  float exposure;     // the frame's exposure (prefilter only)
};

#ifdef __cplusplus
static_assert(sizeof(FrameUniforms) == 896);
static_assert(offsetof(FrameUniforms, view_proj) == 0);
static_assert(offsetof(FrameUniforms, inv_view_proj) == 64);
static_assert(offsetof(FrameUniforms, camera_position) == 128);
static_assert(offsetof(FrameUniforms, time_s) == 140);
static_assert(offsetof(FrameUniforms, sun_direction) == 144);
static_assert(offsetof(FrameUniforms, daylight) == 156);
static_assert(offsetof(FrameUniforms, sun_color) == 160);
static_assert(offsetof(FrameUniforms, star_brightness) == 172);
static_assert(offsetof(FrameUniforms, sky_up) == 176);
static_assert(offsetof(FrameUniforms, crop_cover) == 188);
static_assert(offsetof(FrameUniforms, sky_side) == 192);
static_assert(offsetof(FrameUniforms, crop_ripeness) == 204);
static_assert(offsetof(FrameUniforms, haze_colour) == 208);
static_assert(offsetof(FrameUniforms, haze_density) == 220);
static_assert(offsetof(FrameUniforms, exposure) == 224);
static_assert(offsetof(FrameUniforms, sky_object) == 228);
static_assert(offsetof(FrameUniforms, haze_falloff) == 232);
static_assert(offsetof(FrameUniforms, terrain_object) == 236);
static_assert(offsetof(FrameUniforms, shadow_cascades) == 240);
static_assert(offsetof(FrameUniforms, cloud_cover) == 248);
static_assert(offsetof(FrameUniforms, snow_cover) == 252);
static_assert(offsetof(FrameUniforms, ground_bounce) == 256);
static_assert(offsetof(FrameUniforms, frost) == 268);
static_assert(offsetof(FrameUniforms, sun_disc_direction) == 272);
static_assert(offsetof(FrameUniforms, wetness) == 284);
static_assert(offsetof(FrameUniforms, moon_direction) == 288);
static_assert(offsetof(FrameUniforms, moon_illuminated) == 300);
static_assert(offsetof(FrameUniforms, moon_disc_colour) == 304);
static_assert(offsetof(FrameUniforms, mist) == 316);
static_assert(offsetof(FrameUniforms, celestial_to_world) == 320);
static_assert(offsetof(FrameUniforms, haze_rayleigh) == 384);
static_assert(offsetof(FrameUniforms, haze_mie) == 396);
static_assert(offsetof(FrameUniforms, horizon) == 400);
static_assert(offsetof(FrameUniforms, shadow_view_proj) == 656);
static_assert(offsetof(FrameUniforms, shadow_far_m) == 848);
static_assert(offsetof(FrameUniforms, shadow_texel_m) == 864);
static_assert(offsetof(FrameUniforms, precipitation_kind) == 880);

static_assert(sizeof(ShadowPush) == 64);
static_assert(offsetof(ShadowPush, view_proj) == 0);
static_assert(sizeof(TonemapPush) == 20);
static_assert(offsetof(TonemapPush, lut_size) == 8);
static_assert(offsetof(TonemapPush, lut_log2_max) == 16);
static_assert(offsetof(TonemapPush, exposure) == 0);
static_assert(offsetof(TonemapPush, bloom_strength) == 4);

static_assert(sizeof(TroopInstance) == 24);
static_assert(offsetof(TroopInstance, x) == 0);
static_assert(offsetof(TroopInstance, y) == 4);
static_assert(offsetof(TroopInstance, z) == 8);
static_assert(offsetof(TroopInstance, packed) == 12);
static_assert(offsetof(TroopInstance, motion) == 16);
static_assert(offsetof(TroopInstance, look) == 20);
static_assert((kHeadingSteps - 1u) < (1u << kUnitShift));
static_assert(kMotionPhaseMax < (1u << kMotionClipShift) && kClipCount - 1u <= kMotionClipMask);

static_assert(sizeof(FigureClip) == 16);
static_assert(offsetof(FigureClip, base) == 0);
static_assert(offsetof(FigureClip, frames) == 4);
static_assert(offsetof(FigureClip, vertex_count) == 8);
static_assert(offsetof(FigureClip, variants) == 12);
static_assert(sizeof(KitColours) == 16 * (kGarmentColours + kSkinColours));

static_assert(sizeof(TroopUnit) == 48);
static_assert(offsetof(TroopUnit, colour) == 0);
static_assert(offsetof(TroopUnit, pad0) == 12);
static_assert(offsetof(TroopUnit, banner) == 16);
static_assert(offsetof(TroopUnit, pad1) == 28);
static_assert(offsetof(TroopUnit, object_id) == 32);
static_assert(offsetof(TroopUnit, state) == 36);
static_assert(offsetof(TroopUnit, kit) == 40);
static_assert(offsetof(TroopUnit, pad3) == 44);

static_assert(sizeof(TroopPush) == 64);
static_assert(offsetof(TroopPush, mode) == 0);
static_assert(offsetof(TroopPush, figure) == 4);
static_assert(offsetof(TroopPush, half_size) == 8);
static_assert(offsetof(TroopPush, centre_height) == 12);
static_assert(offsetof(TroopPush, rect) == 16);

static_assert(sizeof(BlobPush) == 8);
static_assert(offsetof(BlobPush, figure_height) == 0);
static_assert(offsetof(BlobPush, shadow_half_width) == 4);

static_assert(sizeof(SplatBlock) == 64);
static_assert(offsetof(SplatBlock, rect) == 16);
static_assert(sizeof(SplatPush) == 112);
static_assert(offsetof(SplatPush, camera_position) == 64);
static_assert(offsetof(SplatPush, mode) == 76);
static_assert(offsetof(SplatPush, first) == 80);
static_assert(offsetof(SplatPush, width) == 92);
static_assert((kKits * kFigureKinds - 1u) < (1u << (32u - kSplatBlockShift)));

static_assert(sizeof(EffectInstance) == 32);
static_assert(offsetof(EffectInstance, x) == 0);
static_assert(offsetof(EffectInstance, y) == 4);
static_assert(offsetof(EffectInstance, z) == 8);
static_assert(offsetof(EffectInstance, size) == 12);
static_assert(offsetof(EffectInstance, colour) == 16);
static_assert(offsetof(EffectInstance, kind) == 20);
static_assert(offsetof(EffectInstance, glow) == 24);
static_assert(offsetof(EffectInstance, seed) == 28);

static_assert(sizeof(LocalLight) == 32);
static_assert(offsetof(LocalLight, position) == 0);
static_assert(offsetof(LocalLight, radius_m) == 12);
static_assert(offsetof(LocalLight, intensity) == 16);
static_assert(offsetof(LocalLight, inv_radius2) == 28);
static_assert(kLightTiles % 4u == 0u);
static_assert(sizeof(LightUniforms) == 16 + 32 * kMaxLocalLights + 4 * kLightTiles);
static_assert(offsetof(LightUniforms, count) == 0);
static_assert(offsetof(LightUniforms, tile_scale) == 8);
static_assert(offsetof(LightUniforms, lights) == 16);
static_assert(offsetof(LightUniforms, tile_masks) == 16 + 32 * kMaxLocalLights);
static_assert(kMaxLocalLights <= 32u);  // one bit per light in a tile's mask

static_assert(sizeof(BloomPush) == 16);
static_assert(offsetof(BloomPush, source_texel) == 0);
static_assert(offsetof(BloomPush, threshold) == 8);
static_assert(offsetof(BloomPush, exposure) == 12);
}  // namespace shaders
#endif

#undef SIEGE_SHARED_CONST
#endif
