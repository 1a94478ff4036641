// How an impostor is lit: the troop impostors' fragments and the far figures' splat resolve.
// Include after shaders/common.glsl and shaders/lights.glsl.
#ifndef SIEGE_IMPOSTOR_LIGHT_GLSL
#define SIEGE_IMPOSTOR_LIGHT_GLSL

vec3 impostor_light(vec3 albedo, vec3 world, vec3 normal) {
  vec3 n = normalize(normal);
  float diffuse = 0.35 + 0.4 * max(dot(n, frame.sun_direction), 0.0);
  vec3 ambient = ambient_light(vec3(0.0, 0.5, 0.0));
  vec3 lit = albedo * (frame.sun_color * diffuse + ambient + local_light(world, n));
  return apply_haze(lit, world) * frame.exposure;
}

#endif
