#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

// Falling snow or rain, in three layers of flakes or streaks at 6, 14 and 32 m from the eye,
// each a lattice of cells in the world that drifts down (and, for snow, sways) with
// presentation time, so an exported frame is the same every run. Premultiplied over the
// scene; the fragment's depth is the farthest layer's, so what stands nearer hides it.
layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

// Coverage of one layer at distance d along the ray: the flake of the lattice cell the point
// falls in, if the cell holds one (more of them in heavier weather).
float layer(vec3 dir, float d, bool snow, float rate, float pixel_angle) {
  vec3 p = frame.camera_position + dir * d;
  float cell = snow ? 0.35 * d / 6.0 : 0.5 * d / 6.0;
  float fall = snow ? 1.0 : 7.0;  // metres per second
  vec3 q = p / cell;
  q.y += frame.time_s * fall / cell;
  if (snow) q.x += 0.3 * sin(frame.time_s * 0.8 + floor(q.y) * 1.7);
  ivec3 c = ivec3(floor(q));
  uint h = hash3(c);
  if (float(h & 1023u) / 1023.0 > rate * (snow ? 0.45 : 0.3)) return 0.0;
  vec3 centre = vec3(c) + 0.25 + 0.5 * vec3(float((h >> 10) & 255u), float((h >> 18) & 255u), 0.5) / 255.0;
  vec3 off = (q - centre) * cell;
  // Rain: streaks drawn out along the fall by the shutter; snow: round flakes.
  if (!snow) off.y *= 0.08;
  float size = (snow ? 0.02 : 0.006) + pixel_angle * d * 0.7;  // never thinner than a pixel
  float r = length(off.xy) / size;
  return exp(-r * r) * (snow ? 0.9 : 0.35);
}

void main() {
  vec2 ndc = in_uv * 2.0 - 1.0;
  vec4 far_point = frame.inv_view_proj * vec4(ndc, 0.5, 1.0);
  vec3 dir = normalize(far_point.xyz / far_point.w - frame.camera_position);
  bool snow = frame.precipitation_kind > 1.5;
  float rate = frame.precipitation_rate;
  float pixel_angle = length(fwidth(dir));
  float a = 0.0;
  for (int i = 0; i < 3; ++i) a = max(a, layer(dir, 6.0 * pow(2.3, float(i)), snow, rate, pixel_angle));
  // Lit by the sky and the key light; rain is darker and greyer than snow.
  vec3 light = ambient_light(vec3(0.0, 0.4, 0.0)) + frame.sun_color * 0.5;
  vec3 colour = (snow ? vec3(0.9, 0.92, 0.95) : vec3(0.55, 0.6, 0.65)) * light * frame.exposure;
  if (a < 0.01) discard;
  out_color = vec4(colour * a, a);
  out_object = 0u;
  vec4 clip = frame.view_proj * vec4(frame.camera_position + dir * 32.0, 1.0);
  gl_FragDepth = clip.z / clip.w;
}
