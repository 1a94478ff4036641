// A far figure as the splat's compute and resolve see it: the impostor's camera-facing frame
// and baked view (shaders/impostor.vert, the same arithmetic), and its projection in pixels.
// Include after shaders/troop_common.glsl with TROOP_SPLAT_PUSH defined.
#ifndef SIEGE_TROOP_SPLAT_GLSL
#define SIEGE_TROOP_SPLAT_GLSL

layout(set = 1, binding = 2) uniform sampler2D atlas;
layout(set = 2, binding = 1, std430) readonly buffer SplatBlocks { SplatBlock splat_blocks[]; };

struct FarFigure {
  vec3 centre;  // the quad's centre: where it is lit and its depth taken
  vec3 right;   // the quad's axes: the impostor's times the baked square's half side and his build
  vec3 up;
  vec4 rect;    // the quad in those axes: the silhouette bounds of the nearest baked elevation
  ivec2 cell;   // atlas column and row
  vec3 normal;  // the impostor's
  uint unit;
  uint look;
  bool lying;   // dead or falling: the impostor's flat smear on the ground
};

FarFigure far_figure(TroopInstance inst, uint block) {
  SplatBlock b = splat_blocks[block];
  FarFigure f;
  bool plain = (pc.mode & kTroopPlain) != 0u;
  vec2 build = plain ? vec2(1.0) : look_build(inst.look);
  vec3 feet = vec3(inst.x, inst.y, inst.z);
  f.centre = feet + vec3(0.0, b.centre_height * build.y, 0.0);
  vec3 to_cam = normalize(pc.camera_position - f.centre);
  vec3 up = vec3(0, 1, 0) - to_cam * to_cam.y;
  float heading = instance_heading(inst.packed);
  up = dot(up, up) > 1e-6 ? normalize(up) : vec3(sin(heading), 0, -cos(heading));
  vec3 right = cross(up, to_cam);
  float c = cos(heading), s = sin(heading);
  vec2 local = vec2(to_cam.x * c + to_cam.z * s, -to_cam.x * s + to_cam.z * c);
  float azimuth = atan(local.x, -local.y);
  const int azimuths = int(kImpostorAzimuths);
  int column = int(floor(azimuth / (kTau / float(azimuths)) + 0.5 + float(azimuths))) % azimuths;
  float elevation = degrees(asin(clamp(to_cam.y, -1.0, 1.0)));
  int row = elevation < 0.5 * (kImpostorElevation0Deg + kImpostorElevation1Deg)
                ? 0
                : (elevation < 0.5 * (kImpostorElevation1Deg + kImpostorElevation2Deg) ? 1 : 2);
  f.rect = b.rect[row];
  f.cell = ivec2(column, row + int(block * kImpostorElevations));
  f.right = right * (b.half_size * build.x);
  f.up = up * (b.half_size * build.y);
  f.normal = normalize(to_cam + up * 0.6);
  f.unit = instance_unit(inst.packed);
  f.look = plain ? 0u : inst.look;
  f.lying = instance_lying(inst.motion);
  if (f.lying) {  // impostor.vert's smear: 1.8 m by 0.6 m, just above the ground
    vec3 fwd = vec3(sin(heading), 0.0, -cos(heading));
    f.centre = feet + vec3(0, 0.2, 0) - fwd * 0.8;
    f.right = vec3(cos(heading), 0.0, sin(heading)) * 0.3;
    f.up = fwd * 0.9;
    f.rect = vec4(-1.0, -1.0, 1.0, 1.0);
  }
  return f;
}

// A clip-space point in pixels of the frame (y down, as gl_FragCoord).
vec2 splat_pixels(vec4 clip) { return (clip.xy / clip.w * 0.5 + 0.5) * vec2(pc.width, pc.height); }

// The figure's quad axes on screen, in pixels per unit of the baked square's [-1, 1] frame.
mat2 far_figure_axes(FarFigure f, vec2 centre_px) {
  vec2 r = splat_pixels(pc.view_proj * vec4(f.centre + f.right, 1.0)) - centre_px;
  vec2 u = splat_pixels(pc.view_proj * vec4(f.centre + f.up, 1.0)) - centre_px;
  return mat2(r, u);
}

// far_figure_axes inverted: pixels to the quad's frame; zero where the quad is seen edge on.
mat2 far_figure_unaxes(mat2 axes) { return abs(determinant(axes)) < 1e-8 ? mat2(0.0) : inverse(axes); }

// Whether the figure's impostor covers the pixel whose centre is `pixel`, as the triangle
// path would draw it: inside its quad, and (standing) where the baked view holds something,
// which `texel` returns. `unaxes`: far_figure_unaxes.
bool far_figure_covers(FarFigure f, vec2 centre_px, mat2 unaxes, vec2 pixel, out vec4 texel) {
  texel = vec4(0.0);
  if (unaxes == mat2(0.0)) return false;
  vec2 corner = unaxes * (pixel - centre_px);
  if (any(lessThan(corner, f.rect.xy)) || any(greaterThan(corner, f.rect.zw))) return false;
  if (f.lying) return true;
  const vec2 cell = vec2(1.0 / float(kImpostorAzimuths), 1.0 / float(kImpostorElevations * kKits * kFigureKinds));
  texel = textureLod(atlas, (vec2(f.cell) + vec2(corner.x * 0.5 + 0.5, 0.5 - corner.y * 0.5)) * cell, 0.0);
  return texel.a >= kAtlasEmptyBelow;
}

#endif
