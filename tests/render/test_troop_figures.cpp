// The troop pass's animated, varied figures: men of one unit differ in colour, a clip's
// frames move the figure (interpolated between them), and an impostor at the distance where
// it takes over looks like the mesh it replaces.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "render_fixture.h"
#include "renderer/figure_frames.h"
#include "renderer/troops_config.h"
#include "scene/figures/figure_animation.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/world/world.h"

namespace {

constexpr const char* kUnit = "jin_garrison_north";

struct Shot {
  scene::Snapshot snapshot;
  glm::vec3 target{0};  // the unit's centre, a metre above the ground
  std::uint32_t object = 0;
};

Shot unit_shot(const scene::Scenario& s, const renderer::Renderer& r) {
  Shot shot;
  const auto t = scene::resolve_time(s, "famine");
  REQUIRE(t);
  shot.snapshot = scene::evaluate(s, *t);
  size_t u = 0;
  while (u < s.units.size() && s.units[u].id != kUnit) ++u;
  REQUIRE(u < s.units.size());
  REQUIRE(shot.snapshot.units[u].present);
  const glm::vec2 centre = shot.snapshot.units[u].position;
  shot.target = {centre.x, s.ground->height(centre) + 1.0f, centre.y};
  shot.object = r.world().objects.id_of(scene::ObjectKind::Soldier, kUnit);
  REQUIRE(shot.object != 0);
  return shot;
}

// A camera `distance` metres from the target, looking down at it from 20 degrees.
scene::Camera oblique(glm::vec3 target, float distance, float fov_deg) {
  scene::Camera c;
  c.target = target;
  c.position = target + distance * glm::vec3(0.0f, std::sin(glm::radians(20.0f)), std::cos(glm::radians(20.0f)));
  c.fov_deg = fov_deg;
  return c;
}

std::vector<size_t> pixels_of(const renderer::FrameImage& frame, std::uint32_t object) {
  std::vector<size_t> out;
  for (size_t i = 0; i < frame.ids.size(); ++i)
    if (frame.ids[i] == object) out.push_back(i);
  return out;
}

// Distinct colours among `pixels`, each channel quantised to 64 levels.
size_t distinct_colours(const renderer::FrameImage& frame, const std::vector<size_t>& pixels) {
  std::set<std::uint32_t> colours;
  for (size_t i : pixels) {
    const std::uint8_t* p = &frame.rgba[4 * i];
    colours.insert(static_cast<std::uint32_t>(p[0] >> 2) | static_cast<std::uint32_t>(p[1] >> 2) << 6 |
                   static_cast<std::uint32_t>(p[2] >> 2) << 12);
  }
  return colours.size();
}

// Every soldier playing `clip` at `phase`, with the look the sim gives him (his unit and slot).
void set_motion(scene::Snapshot& snap, scene::Clip clip, float phase) {
  for (const scene::UnitSnapshot& unit : snap.units)
    for (std::uint32_t i = 0; i < unit.soldier_count && unit.first_soldier + i < snap.soldiers.size(); ++i) {
      scene::Soldier& soldier = snap.soldiers[unit.first_soldier + i];
      soldier.clip = clip;
      soldier.phase = phase;
      soldier.look = scene::soldier_look(soldier.unit, i);
    }
}

}  // namespace

// The built-in figures with their faction-coloured parts (most of a man) made garment parts
// and their own-albedo parts skin, as the kit figures have them.
scene::FigureLibrary dyed_figures(const scene::Scenario& s) {
  scene::FigureLibrary library = scene::load_figure_library(scene::models_directory(s));
  for (auto& kit : library.figures)
    for (auto& kind : kit)
      for (scene::AnimatedFigure& f : kind)
        for (scene::Vertex& v : f.mesh.vertices) {
          const std::uint32_t alpha = v.color >> 24;
          v.color = (v.color & 0xffffffu) | (alpha == 255u ? 192u : (alpha == 0u ? 64u : alpha)) << 24;
        }
  return library;
}

TEST_CASE("men of one unit differ in colour and build, as their looks say", "[render][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  r.troops().use_figures(dyed_figures(s));
  Shot shot = unit_shot(s, r);
  set_motion(shot.snapshot, scene::Clip::Idle, 0.0f);
  const scene::Camera camera = oblique(shot.target, 30.0f, 40.0f);
  r.troops().options().force_level = 0;

  const renderer::FrameImage varied = r.render(shot.snapshot, camera, {640, 360}, true);
  r.troops().options().variety = false;
  const renderer::FrameImage plain = r.render(shot.snapshot, camera, {640, 360}, true);
  r.troops().options() = {};

  const std::vector<size_t> varied_pixels = pixels_of(varied, shot.object);
  const std::vector<size_t> plain_pixels = pixels_of(plain, shot.object);
  REQUIRE(varied_pixels.size() > 2000);
  REQUIRE(plain_pixels.size() > 2000);
  const size_t with = distinct_colours(varied, varied_pixels), without = distinct_colours(plain, plain_pixels);
  INFO("distinct colours over the unit's pixels: varied " << with << ", alike " << without);
  // Alike, the men's pixels hold only the few colours their lit faces make; each man's dye,
  // its strength and his skin tone multiply that by the looks present.
  // (Measured: about 2.4 times as many; with variety off the two are the same picture.)
  CHECK(with > 2 * without);
  // Builds differ: the varied men do not cover exactly the pixels of men built alike.
  CHECK(varied_pixels != plain_pixels);
  CHECK(test::context().validation_errors() == 0);
}

// A library whose Walk has two frames: the rest pose, and the figure lifted by 0.6 m and
// thrown forward 0.4 m, so phase 0 and 0.5 show the two and 0.25 lies halfway.
scene::FigureLibrary lifting_walk(const scene::Scenario& s) {
  scene::FigureLibrary library = scene::load_figure_library(scene::models_directory(s));
  for (auto& kit : library.figures)
    for (auto& kind : kit)
      for (scene::AnimatedFigure& f : kind) {
        const std::uint32_t n = f.vertex_count();
        REQUIRE(f.positions.size() >= n);  // keep Idle's first frame: the figure standing
        f.positions.resize(n);
        f.normals.resize(n);
        for (scene::ClipFrames& clip : f.clips) clip = {0, 1};
        for (std::uint32_t v = 0; v < n; ++v) {
          f.positions.push_back(f.positions[v] + glm::vec3(0.0f, 0.6f, -0.4f));
          f.normals.push_back(f.normals[v]);
        }
        f.frame_count = 2;
        f.clips[static_cast<size_t>(scene::Clip::Walk)] = {0, 2};
      }
  return library;
}

TEST_CASE("a clip's frames move the figures, interpolated between them", "[render][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  r.troops().use_figures(lifting_walk(s));
  Shot shot = unit_shot(s, r);
  const scene::Camera camera = oblique(shot.target, 30.0f, 40.0f);
  r.troops().options().force_level = 0;
  // The soldiers' centroid height on screen (pixels from the top) at a Walk phase.
  const auto render_at = [&](float phase) {
    set_motion(shot.snapshot, scene::Clip::Walk, phase);
    const renderer::FrameImage frame = r.render(shot.snapshot, camera, {640, 360}, true);
    return pixels_of(frame, shot.object);
  };
  const auto mean_row = [](const std::vector<size_t>& pixels) {
    double sum = 0;
    for (size_t i : pixels) sum += static_cast<double>(i / 640);
    return pixels.empty() ? 0.0 : sum / static_cast<double>(pixels.size());
  };
  const std::vector<size_t> rest = render_at(0.0f), half = render_at(0.25f), lifted = render_at(0.5f);
  const std::vector<size_t> wrapped = render_at(0.999f);  // a loop's end wraps back to its first frame
  r.troops().options() = {};
  REQUIRE(rest.size() > 2000);
  CHECK(rest != lifted);
  const double y0 = mean_row(rest), y1 = mean_row(half), y2 = mean_row(lifted), y3 = mean_row(wrapped);
  INFO("mean row of the unit's pixels: phase 0 " << y0 << ", 0.25 " << y1 << ", 0.5 " << y2 << ", 0.999 " << y3);
  CHECK(y2 < y0 - 3.0);  // lifted: higher on screen
  CHECK(y1 < y0 - 1.0);  // halfway: between the two
  CHECK(y1 > y2 + 1.0);
  CHECK(std::abs(y3 - y0) < 0.5);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("an impostor looks like the mesh it replaces at the distance it takes over", "[render][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  Shot shot = unit_shot(s, r);
  set_motion(shot.snapshot, scene::Clip::Idle, 0.0f);  // impostors are baked in Idle's first frame
  constexpr VkExtent2D kSize{640, 360};
  constexpr float kFov = 30.0f;
  // Where the LOD1 mesh gives way to the impostor: a figure kLod1Pixels tall.
  const float scale = static_cast<float>(kSize.height) / (2.0f * std::tan(glm::radians(kFov) * 0.5f));
  const float switch_depth = renderer::troops::kFigureHeight * scale / renderer::troops::kLod1Pixels;
  const scene::Camera camera = oblique(shot.target, switch_depth, kFov);

  r.troops().options().force_level = 1;
  const renderer::FrameImage mesh = r.render(shot.snapshot, camera, kSize, true);
  r.troops().options().force_level = 2;
  const renderer::FrameImage impostor = r.render(shot.snapshot, camera, kSize, true);
  r.troops().options() = {};
  // The crop: the box round every pixel either shows the unit on, 2 pixels wider.
  glm::ivec2 lo(kSize.width, kSize.height), hi(-1);
  size_t unit_pixels = 0;
  for (std::uint32_t y = 0; y < kSize.height; ++y)
    for (std::uint32_t x = 0; x < kSize.width; ++x)
      if (mesh.id_at(x, y) == shot.object || impostor.id_at(x, y) == shot.object) {
        lo = glm::min(lo, glm::ivec2(x, y) - 2);
        hi = glm::max(hi, glm::ivec2(x, y) + 2);
        ++unit_pixels;
      }
  REQUIRE(unit_pixels > 300);
  lo = glm::max(lo, glm::ivec2(0));
  hi = glm::min(hi, glm::ivec2(kSize.width - 1, kSize.height - 1));
  double sq = 0;
  size_t n = 0;
  for (int y = lo.y; y <= hi.y; ++y)
    for (int x = lo.x; x <= hi.x; ++x)
      for (int c = 0; c < 3; ++c) {
        const size_t at = 4 * (static_cast<size_t>(y) * kSize.width + static_cast<size_t>(x)) + static_cast<size_t>(c);
        const double d = static_cast<double>(mesh.rgba[at]) - static_cast<double>(impostor.rgba[at]);
        sq += d * d;
        ++n;
      }
  const double psnr = 10.0 * std::log10(255.0 * 255.0 / std::max(sq / static_cast<double>(n), 1e-9));
  INFO("impostor against mesh at " << switch_depth << " m, crop " << hi.x - lo.x + 1 << "x" << hi.y - lo.y + 1
                                   << " holding " << unit_pixels << " figure pixels: PSNR " << psnr << " dB");
  // 20 dB over the crop round the unit (RMS error 10 % of full scale): at 12 pixels a man, a
  // pixel's shift of a thin limb is noise, but a missing tint, a wrong colour class or a
  // misplaced or wrongly sized quad covers whole figures and falls well below it. Impostors
  // baked from the LOD1 they replace measure 25.4 dB here; baked from LOD0 they gave 18.4.
  CHECK(psnr >= 20.0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("figure frames pack every clip where the table says, and bad clips are clamped", "[troops]") {
  scene::FigureLibrary library;
  scene::AnimatedFigure& f = library.figures[1][2][0];
  f.mesh.vertices.resize(3);
  f.mesh.indices = {0, 1, 2};
  f.frame_count = 4;
  for (std::uint32_t frame = 0; frame < 4; ++frame)
    for (std::uint32_t v = 0; v < 3; ++v) {
      f.positions.emplace_back(static_cast<float>(frame), static_cast<float>(v), 0.5f);
      f.normals.emplace_back(0.0f, 1.0f, 0.0f);
    }
  f.clips[1] = {1, 3};
  f.clips[2] = {3, 5};  // past the end: clamped to the frames there are
  f.variant_options = {3, 1, 2};
  const renderer::FigureUpload up = renderer::pack_figures(library);
  const std::uint32_t index = renderer::figure_index(scene::Kit::Jin, static_cast<scene::FigureKind>(2), 0);
  const shaders::FigureClip walk = up.clips[index * scene::kClips + 1];
  const shaders::FigureClip run = up.clips[index * scene::kClips + 2];
  CHECK(walk.frames == 3);
  CHECK(walk.vertex_count == 3);
  CHECK(walk.variants == (3u | 1u << 4 | 2u << 8));
  CHECK(run.frames == 1);
  CHECK(up.frames[walk.base + 2 * 3 + 1] == renderer::pack_frame_vertex({3, 1, 0.5f}, {0, 1, 0}));
  CHECK(up.frames[run.base] == renderer::pack_frame_vertex({3, 0, 0.5f}, {0, 1, 0}));
  CHECK(up.ranges[index].index_count == 3);
  // An empty figure whose frames do not match its mesh is drawn in its rest pose: one frame.
  const shaders::FigureClip other =
      up.clips[renderer::figure_index(scene::Kit::Song, scene::FigureKind::Infantry, 1) * scene::kClips];
  CHECK(other.frames == 1);
}

TEST_CASE("a kit variant is drawn only on the men whose look chooses it", "[render][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  Shot shot = unit_shot(s, r);
  set_motion(shot.snapshot, scene::Clip::Idle, 0.0f);
  const scene::Camera camera = oblique(shot.target, 30.0f, 40.0f);
  r.troops().options().force_level = 0;
  const size_t whole = pixels_of(r.render(shot.snapshot, camera, {640, 360}, true), shot.object).size();

  // Every figure made option 1 of 2 of variant group 0 (group code 1), whole.
  scene::FigureLibrary library = scene::load_figure_library(scene::models_directory(s));
  for (auto& kit : library.figures)
    for (auto& kind : kit)
      for (scene::AnimatedFigure& f : kind) {
        f.variant_options = {2, 1, 1};
        for (scene::Vertex& v : f.mesh.vertices)
          v.object = scene::figure_vertex_object(v.object & scene::kFigureVertexMask, 1, 1);
      }
  r.troops().use_figures(library);
  const size_t chosen = pixels_of(r.render(shot.snapshot, camera, {640, 360}, true), shot.object).size();
  r.troops().options().variety = false;  // every look 0: option 0 for all, so nobody is drawn
  const size_t none = pixels_of(r.render(shot.snapshot, camera, {640, 360}, true), shot.object).size();
  r.troops().options() = {};

  // The share of the unit's men whose look picks option 1 (scene::look_variant, on the CPU).
  size_t men = 0, picked = 0;
  for (const scene::Soldier& soldier : shot.snapshot.soldiers)
    if (soldier.unit < s.units.size() && s.units[soldier.unit].id == kUnit) {
      ++men;
      picked += scene::look_variant(soldier.look, 0, 2) == 1 ? 1 : 0;
    }
  REQUIRE(men > 20);
  REQUIRE(whole > 2000);
  const double share = static_cast<double>(picked) / static_cast<double>(men);
  const double drawn = static_cast<double>(chosen) / static_cast<double>(whole);
  INFO("men choosing the variant " << share << "; share of the unit's pixels drawn " << drawn);
  CHECK(none == 0);
  CHECK(std::abs(drawn - share) < 0.15);
  CHECK(test::context().validation_errors() == 0);
}
