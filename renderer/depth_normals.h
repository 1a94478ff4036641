// The linear frame's depth and world normals (linear_frame.h), from a frame's reverse-Z depth
// buffer and the camera it was drawn with. Plain C++: unit-testable without a GPU.
#pragma once

#include "renderer/linear_frame.h"
#include "scene/model/camera.h"

namespace renderer {

// Fills frame.depth and frame.normals (frame.width × frame.height, top row first) from `depth`
// (the depth buffer's values, the same layout): metres along the view axis (near / value;
// +infinity where the value is 0, the sky), and normals from the neighbouring view-space
// positions, on each axis the side whose depth differs less, so an edge does not smear.
void fill_depth_and_normals(LinearFrame& frame, const float* depth, const scene::Camera& camera);

}  // namespace renderer
