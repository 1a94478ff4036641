// The material layers' sizes and scales, shared by C++ (scene/materials, which paints them)
// and GLSL (shaders/materials.glsl, which maps them onto the world): one definition each.
// Layer k of the texture arrays holds scene::Material code k + 1 (material.h); Plain has none.
#ifndef SIEGE_SHADERS_MATERIALS_H
#define SIEGE_SHADERS_MATERIALS_H

#ifdef __cplusplus
namespace shaders {
#define SIEGE_MATERIAL_CONST inline constexpr
#else
#define SIEGE_MATERIAL_CONST const
#endif

// Texels along a side of a layer's top mip; its mips run down to 1×1, the layer's mean.
SIEGE_MATERIAL_CONST int kMaterialTextureSize = 256;
SIEGE_MATERIAL_CONST int kMaterialLayers = 17;

// Metres of surface one repeat of each layer spans: small enough that a texel is about a
// centimetre (detail that holds at 20 m), large enough that the repeat does not show.
SIEGE_MATERIAL_CONST float kMetresRammedEarth = 3.0f;  // ~30 lifts of 8–12 cm, two rows of timber voids
SIEGE_MATERIAL_CONST float kMetresBrick = 1.36f;       // 4 stretchers of 34 cm, 20 courses of 6.8 cm
SIEGE_MATERIAL_CONST float kMetresRoofTiles = 2.0f;    // 8 rows of pan and cover tiles, 25 cm apart
SIEGE_MATERIAL_CONST float kMetresTimber = 1.0f;
SIEGE_MATERIAL_CONST float kMetresPlaster = 2.0f;
SIEGE_MATERIAL_CONST float kMetresPackedEarth = 3.0f;
SIEGE_MATERIAL_CONST float kMetresStone = 2.4f;  // 4 courses of 60 cm blocks
SIEGE_MATERIAL_CONST float kMetresThatch = 1.5f;
SIEGE_MATERIAL_CONST float kMetresRubble = 2.0f;
SIEGE_MATERIAL_CONST float kMetresBark = 1.0f;
SIEGE_MATERIAL_CONST float kMetresLeaves = 1.0f;
SIEGE_MATERIAL_CONST float kMetresReeds = 1.0f;
SIEGE_MATERIAL_CONST float kMetresFieldSoil = 3.0f;
SIEGE_MATERIAL_CONST float kMetresStubble = 2.0f;
SIEGE_MATERIAL_CONST float kMetresGrass = 2.0f;
SIEGE_MATERIAL_CONST float kMetresSnow = 4.0f;
SIEGE_MATERIAL_CONST float kMetresMud = 3.0f;

// The coarsest layer but snow (rammed earth, packed earth, field soil, mud): its detail shows
// the farthest, so it bounds how near a surface must be for any detail to show
// (renderer/material_reach.h); snow, when it lies, reaches kMetresSnow.
SIEGE_MATERIAL_CONST float kMetresCoarsest = 3.0f;
// Detail fades out between these levels of the mip chain (log2 of texels per pixel) and is
// not fetched beyond: by then the mips are nearly their mean, which is the vertex colour.
SIEGE_MATERIAL_CONST float kMaterialDetailFull = 3.5f;
SIEGE_MATERIAL_CONST float kMaterialDetailGone = 4.5f;
// 2^kMaterialDetailGone: the texels a pixel spans where detail is gone.
SIEGE_MATERIAL_CONST float kMaterialDetailReach = 22.627f;
// Rammed earth's large-scale look (world.frag, earth_courses): the formwork's courses, rain
// runnels and patches a 3 m layer cannot hold, gone once a pixel spans this many metres.
SIEGE_MATERIAL_CONST float kEarthCoursesReach = 0.6f;
// The uncultivated ground's like (world.frag, ground_patches): grass and bare earth in patches
// of kGroundPatchCell metres, with clumps within, between the 2 m grass layer's texture (gone
// by 0.18 m a pixel) and the scrub's 11 m noise; gone once a pixel spans two thirds of a cell.
SIEGE_MATERIAL_CONST float kGroundPatchCell = 2.6f;
SIEGE_MATERIAL_CONST float kGroundPatchesReach = kGroundPatchCell / 1.5f;

// The albedo layer stores detail × kAlbedoDetailStore in UNORM (mean 1 → 0.5): up to twice
// the mean fits, and the 1×1 mip reads back as the vertex colour.
SIEGE_MATERIAL_CONST float kAlbedoDetailStore = 0.5f;

#ifdef __cplusplus
}  // namespace shaders
#endif
#undef SIEGE_MATERIAL_CONST

#endif
