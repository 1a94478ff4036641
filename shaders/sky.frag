#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

// What this frame's sky shows beyond the table and the sun (renderer.cpp, sky_pipeline): a CPU
// driver runs every branch for every pixel, so what a frame lacks is compiled out.
layout(constant_id = 0) const uint kStars = 1;
layout(constant_id = 1) const uint kMoon = 1;
layout(constant_id = 2) const uint kClouds = 1;

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

// The fixed stars: one candidate per cell of a grid over the celestial sphere (about a third
// of a degree), magnitudes spread so faint stars outnumber bright ones, drawn as a point of
// the star's illuminance spread over the pixel it falls in. They turn with the sky.
vec3 stars(vec3 dir, float pixel_angle) {
  vec3 c = transpose(mat3(frame.celestial_to_world)) * dir;
  const float kCells = 180.0;
  vec3 cell = floor(c * kCells);
  uint h = hash3(ivec3(cell));
  if ((h & 1023u) > 40u) return vec3(0.0);  // about 4% of cells hold a star bright enough
  vec3 jitter = vec3(float((h >> 10) & 255u), float((h >> 18) & 255u), float(h >> 26) * 4.0) / 255.0;
  vec3 star = normalize((cell + 0.2 + 0.6 * jitter) / kCells);
  float u = float(hash3(ivec3(cell) + 7) & 0xFFFFu) / 65535.0 + 1e-4;
  float magnitude = 6.5 + 2.5 * log(u) / log(10.0);  // P(m < M) = 10^(0.4 (M − 6.5))
  // A magnitude-0 star gives ~2.5e-6 lux, 2.5e-11 of the sun, in scene units ×5.
  float illuminance = 1.25e-10 * pow(10.0, -0.4 * magnitude);
  float d = acos(clamp(dot(star, c), -1.0, 1.0)) / max(pixel_angle, 1e-6);
  float spot = exp(-2.0 * d * d);
  // Colour from the star's temperature: a few blue-white, most white, some orange.
  float t = float((h >> 4) & 63u) / 63.0;
  vec3 tint = t < 0.15 ? vec3(0.75, 0.85, 1.0) : (t > 0.8 ? vec3(1.0, 0.8, 0.6) : vec3(1.0));
  return tint * illuminance * spot / (1.1331 * pixel_angle * pixel_angle);
}

// The moon's disc, lit on the side towards the sun, with faint maria.
vec3 moon_disc(vec3 dir) {
  vec3 m = frame.moon_direction;
  const float kRadius = 0.0080;  // 0.46°: larger than life, as the eye remembers it
  float d = acos(clamp(dot(dir, m), -1.0, 1.0));
  if (d > kRadius || m.y < -0.02) return vec3(0.0);
  // A point on the sphere of the moon facing us, and its normal.
  vec3 right = normalize(cross(m, vec3(0.0, 1.0, 0.0)));
  vec3 up = cross(right, m);
  vec2 q = vec2(dot(dir - m, right), dot(dir - m, up)) / kRadius;
  vec3 normal = normalize(-m * sqrt(max(1.0 - dot(q, q), 0.0)) + right * q.x + up * q.y);
  // The sun is so far that it lights the moon from the direction we see it in.
  vec3 light = frame.sun_disc_direction;
  float lit = max(dot(normal, light), 0.0);
  float maria = 0.8 + 0.2 * sin(q.x * 7.0 + 1.3) * sin(q.y * 5.0 + 0.4);
  float edge = 1.0 - smoothstep(0.9, 1.0, length(q));
  return frame.moon_disc_colour * lit * maria * edge * 1.6;
}

// Broken cloud at some two kilometres, when the weather has any but is not a full deck.
vec3 clouds(vec3 dir, vec3 sky) {
  float cover = frame.cloud_cover;
  if (cover <= 0.02 || cover >= 0.98 || dir.y <= 0.01) return sky;
  vec2 p = dir.xz / dir.y * 2000.0 / 900.0 + vec2(frame.time_s * 0.002, 0.0);
  float n = 0.0, amp = 0.5;
  for (int i = 0; i < 4; ++i) {
    vec2 f = fract(p), c = floor(p);
    f = f * f * (3.0 - 2.0 * f);
    float a = float(hash3(ivec3(ivec2(c), i)) & 0xFFFFu), b = float(hash3(ivec3(ivec2(c) + ivec2(1, 0), i)) & 0xFFFFu);
    float cc = float(hash3(ivec3(ivec2(c) + ivec2(0, 1), i)) & 0xFFFFu), d = float(hash3(ivec3(ivec2(c) + 1, i)) & 0xFFFFu);
    n += amp * mix(mix(a, b, f.x), mix(cc, d, f.x), f.y) / 65535.0;
    p *= 2.03;
    amp *= 0.5;
  }
  float density = smoothstep(1.0 - cover, 1.0 - cover + 0.25, n) * smoothstep(0.01, 0.12, dir.y);
  vec3 lit = frame.sky_up * 1.6 + frame.sun_color * (0.35 + 0.4 * max(dot(dir, frame.sun_disc_direction), 0.0));
  return mix(sky, lit, density * 0.9);
}

void main() {
  // The view ray through this pixel, from the inverse of the view-projection.
  vec2 ndc = in_uv * 2.0 - 1.0;
  vec4 far_point = frame.inv_view_proj * vec4(ndc, 0.5, 1.0);
  vec3 dir = normalize(far_point.xyz / far_point.w - frame.camera_position);
  vec3 colour = sky_radiance(dir, true);
  if (dir.y > -0.01) {
    float pixel_angle = length(fwidth(dir));
    // By day the stars are far below what shows (star_brightness 0): not drawn at all.
    vec3 extra =
        kStars != 0 && frame.star_brightness > 0.0 ? stars(dir, pixel_angle) * frame.star_brightness : vec3(0.0);
    if (kMoon != 0 && dot(dir, frame.moon_direction) > 0.9999) extra += moon_disc(dir);
    colour += extra * smoothstep(-0.01, 0.02, dir.y);
    if (kClouds != 0) colour = clouds(dir, colour);
  }
  out_color = vec4(colour * frame.exposure, 1.0);
  out_object = frame.sky_object;
}
