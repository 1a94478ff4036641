#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

// A figure's soft shadow: darkest at the feet, fading to the tip and the sides. Premultiplied
// black over the lit ground (blended; the ID image is left alone).
layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  float side = 1.0 - smoothstep(0.35, 1.0, abs(in_uv.x));
  float along = (1.0 - smoothstep(0.55, 1.0, in_uv.y)) * smoothstep(-0.15, 0.02, in_uv.y);
  float day = clamp(frame.sun_direction.y * 6.0, 0.0, 1.0) * frame.daylight;
  float alpha = 0.5 * side * along * day;
  if (alpha < 0.004) discard;
  out_color = vec4(0.0, 0.0, 0.0, alpha);
  out_object = 0u;
}
