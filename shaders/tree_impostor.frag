#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"
#include "shaders/tree_common.glsl"

// A far tree's silhouette: a lumpy crown ellipse over a trunk, shaded as a rounded mass; a
// bare tree is its trunk and a sparse haze of twigs (every few pixels), reeds a low tuft.
layout(location = 0) in vec2 in_local;
layout(location = 1) flat in uint in_tree;
layout(location = 2) in vec3 in_world;
layout(location = 3) flat in vec3 in_right;
layout(location = 4) flat in vec3 in_up;
layout(location = 5) flat in vec3 in_towards;
layout(location = 6) in vec4 in_haze;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  TreeGpuInstance t = trees[in_tree];
  TreeKindShape shape = tree_kinds[t.kind];
  vec2 e = vec2(in_local.x / shape.crown.y, (in_local.y - shape.crown.x) / shape.crown.z);
  float angle = atan(e.y, e.x);
  float lumps = 1.0 + 0.1 * sin(5.0 * angle + float(t.seed & 63u)) + 0.06 * sin(9.0 * angle + float(t.seed >> 26));
  float r = length(e);
  bool in_crown = r < lumps;
  bool in_trunk = abs(in_local.x) < max(shape.leaves.a * 1.4, 0.12) && in_local.y < shape.crown.x;
  float amount = tree_leaf_amount(t, frame.foliage);
  vec3 albedo;
  vec3 n;
  bool leafy = false;
  if (in_crown && amount > 0.3) {
    leafy = true;
    albedo = leaf_colour(t, shape.leaves.rgb, frame.foliage, frame.foliage_autumn);
    float z = sqrt(max(1.0 - r * r / (lumps * lumps), 0.0));
    n = normalize(in_right * e.x + in_up * e.y + in_towards * (z + 0.2));
  } else if (in_trunk) {
    albedo = shape.bark.rgb;
    n = normalize(in_towards + in_right * sign(in_local.x) * 0.5);
  } else if (in_crown && r < 0.9 * lumps) {
    // Bare twigs: a scatter of grey-brown pixels.
    uvec2 p = uvec2(gl_FragCoord.xy);
    uint h = (p.x * 0x8DA6B343u) ^ (p.y * 0xD8163841u) ^ t.seed;
    h ^= h >> 13;
    if ((h * 0x2C1B3C6Du) >> 30 != 0u) discard;  // about one pixel in four, no pattern
    albedo = shape.bark.rgb;
    n = in_towards;
  } else {
    discard;
  }
  // Snow on a crown's top; twigs and trunks hold too little to show from afar.
  if (leafy) albedo = mix(albedo, vec3(0.72, 0.74, 0.78), frame.snow_cover * 0.5 * smoothstep(0.3, 0.9, n.y));
  float facing = dot(n, frame.sun_direction);
  float diffuse = leafy ? max(facing * 0.6 + 0.4, 0.0) * 0.85 : max(facing, 0.0);
  vec3 lit = albedo * (frame.sun_color * diffuse + ambient_light(n) + local_light(in_world, n));
  out_color = vec4(mix(lit, in_haze.rgb, in_haze.a) * frame.exposure,
                   min(length(in_world - frame.camera_position), kFarDistance));
  out_object = t.object;
}
