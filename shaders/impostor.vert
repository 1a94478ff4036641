#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/troop_common.glsl"

// A far figure as two camera-facing triangles showing the baked view of its mesh nearest to
// the camera's direction (8 azimuths x 3 elevations per kit and kind; renderer/impostors.cpp),
// stretched to the man's build; the fragment shader tints it by his look.
// Drawn without instancing (lavapipe runs its whole vertex pipeline once per instance): one
// indexed draw per kind over quads 4i..4i+3, vertexOffset = 4 * the bin's first instance, so
// gl_VertexIndex / 4 is the instance and gl_VertexIndex % 4 the corner. The quad covers only
// the kind's silhouette bounds at this elevation (pc.rect), not the whole baked square.
layout(location = 0) out vec2 out_uv;       // atlas coordinates
layout(location = 1) flat out uint out_unit;
layout(location = 2) out vec3 out_world;
layout(location = 3) out vec3 out_normal;
layout(location = 4) out vec2 out_local;    // position in the quad, 0..1 inside it
layout(location = 5) flat out uint out_look;

const int kAzimuths = int(kImpostorAzimuths);
const int kElevations = int(kImpostorElevations);
const int kBlocks = int(kKits * kFigureKinds);

void main() {
  // Far figures (kTroopFarTriangle): one triangle (0,0) (2,0) (0,2) in quad units, which
  // holds the quad; the fragment shader drops what lies outside it (out_local > 1).
  bool triangle = (pc.mode & kTroopFarTriangle) != 0u;
  uint vid = uint(gl_VertexIndex);
  uint figure = triangle ? vid / 3u : vid >> 2;
  uint ci = triangle ? vid - figure * 3u : vid & 3u;
  TroopInstance inst = instances[figure];
  uint packed = inst.packed;
  vec2 unit_corner = triangle ? vec2(ci == 1u ? 2.0 : 0.0, ci == 2u ? 2.0 : 0.0)
                              : vec2((ci == 1u || ci == 2u) ? 1.0 : 0.0, ci >= 2u ? 1.0 : 0.0);
  out_local = unit_corner;
  vec3 feet = vec3(inst.x, inst.y, inst.z);
  bool plain = (pc.mode & kTroopPlain) != 0u;
  vec2 build = plain ? vec2(1.0) : look_build(inst.look);
  vec3 centre = feet + vec3(0.0, pc.centre_height * build.y, 0.0);
  vec3 to_cam = normalize(frame.camera_position - centre);
  vec3 up = vec3(0, 1, 0) - to_cam * to_cam.y;
  float heading = instance_heading(packed);
  up = dot(up, up) > 1e-6 ? normalize(up) : vec3(sin(heading), 0, -cos(heading));
  vec3 right = cross(up, to_cam);

  // The camera's direction in the figure's own frame picks the baked view.
  float c = cos(heading), s = sin(heading);
  vec2 local = vec2(to_cam.x * c + to_cam.z * s, -to_cam.x * s + to_cam.z * c);
  float azimuth = atan(local.x, -local.y);
  int column = int(floor(azimuth / (kTau / float(kAzimuths)) + 0.5 + float(kAzimuths))) % kAzimuths;
  float elevation = degrees(asin(clamp(to_cam.y, -1.0, 1.0)));
  // The nearest baked elevation: split halfway between them.
  int row = elevation < 0.5 * (kImpostorElevation0Deg + kImpostorElevation1Deg)
                ? 0
                : (elevation < 0.5 * (kImpostorElevation1Deg + kImpostorElevation2Deg) ? 1 : 2);
  vec4 rect = pc.rect[row];
  vec2 corner = mix(rect.xy, rect.zw, unit_corner);
  row += int(pc.figure) * kElevations;

  vec2 cell = vec2(1.0 / float(kAzimuths), 1.0 / float(kElevations * kBlocks));
  vec2 uv01 = vec2(corner.x * 0.5 + 0.5, 0.5 - corner.y * 0.5);
  out_uv = (vec2(column, row) + uv01) * cell;
  out_unit = instance_unit(packed);
  out_look = plain ? 0u : inst.look;
  // Fallen figures far away: a short dark smear on the ground instead (drawn as lying).
  vec3 world = centre + (corner.x * build.x * right + corner.y * build.y * up) * pc.half_size;
  if (instance_lying(inst.motion)) {
    vec3 fwd = vec3(sin(heading), 0.0, -cos(heading));
    vec3 side = vec3(cos(heading), 0.0, sin(heading));
    vec2 q = unit_corner * 2.0 - 1.0;
    world = feet + vec3(0, 0.2, 0) + fwd * (q.y * 0.9 - 0.8) + side * q.x * 0.3;
    out_uv = vec2(-1.0);  // marks "lying": the fragment shader draws a flat tint
  }
  out_world = world;
  out_normal = normalize(to_cam + up * 0.6);
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
