// A camera in world space, its lens, and the matrices the renderer needs.
#pragma once

#include <glm/glm.hpp>

namespace scene {

struct Camera {
  glm::vec3 position{0, 1500, 3000};
  glm::vec3 target{0};
  float fov_deg = 45;  // vertical field of view
  float near_m = 2;    // far is infinite: reverse-Z depth keeps precision over kilometres
  // The lens (a shot's "aperture", "focus_m", "focal_length_mm", "film_back_mm"); the defaults
  // are a pinhole, sharp at every distance, whose field of view is fov_deg.
  float f_stop = 0;           // 0: a pinhole (no depth of field)
  float focus_m = 0;          // distance in focus along the view axis; 0: the distance to target
  float focal_length_mm = 0;  // with film_back_mm sets the field of view; 0: from fov_deg
  float film_back_mm = 36;    // the sensor's width
  // Added to every projected point's normalized device coordinates (x right, y down, -1..1
  // across the frame): a sub-sample's sub-pixel jitter and its lens shear. 0 for a plain frame.
  glm::vec2 ndc_shift{0};
};

glm::mat4 view_matrix(const Camera& camera);
// Reverse-Z, infinite far plane, Vulkan clip space (y down, depth 1 at near, 0 at infinity),
// shifted by camera.ndc_shift.
glm::mat4 projection_matrix(const Camera& camera, float aspect);

// The vertical field of view a frame of `aspect` (width / height) sees: from the focal length
// and film back when a focal length is given, else fov_deg.
float vertical_fov_deg(const Camera& camera, float aspect);
// The focal length for a frame of `aspect`: the given one, else the one fov_deg implies on the film back.
float focal_length_mm(const Camera& camera, float aspect);
// The camera with fov_deg set from its focal length for a frame of `aspect` (what the renderer
// draws with); unchanged without a focal length.
Camera with_lens_fov(Camera camera, float aspect);
// Metres from the eye along the view axis to the plane in focus.
float focus_distance_m(const Camera& camera);
// The aperture's radius in metres (focal length / f-stop / 2); 0 for a pinhole.
float aperture_radius_m(const Camera& camera, float aspect);

// One sub-sample of a frame seen through `camera` (accumulation-buffer anti-aliasing and depth
// of field): the eye moved to `lens` on the aperture disc (a point of the unit disc, x right,
// y up) with the projection sheared so the plane in focus stays put, and shifted by `jitter_ndc`.
// Lens and jitter 0 give the camera itself (with its field of view resolved for `aspect`).
Camera sub_sample_camera(const Camera& camera, float aspect, glm::vec2 lens, glm::vec2 jitter_ndc);

// Parses "x,y,z:tx,ty,tz[:fov]"; returns false on bad text.
bool parse_camera(const char* text, Camera& out);

}  // namespace scene
