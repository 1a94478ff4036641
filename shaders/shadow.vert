#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/shared.h"
// Depth from the sun: the world's vertices through the light's matrix (a push constant).
layout(location = 0) in vec3 in_position;

layout(push_constant) uniform Push { ShadowPush light; };

void main() { gl_Position = light.view_proj * vec4(in_position, 1.0); }
