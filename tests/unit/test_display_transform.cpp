// The display transform: the shipped OCIO config reproduces the built-in look, another view
// gives another picture, the table is fine enough, and bad configs are refused by name.
#include <cmath>
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

#include "app/core/display_transform.h"
#include "common/display_lut.h"
#include "file_fixtures.h"

namespace {

// The table's value for a grey input on its red axis (green and blue at lattice point 0).
float red_at(const common::DisplayLut& lut, std::uint32_t i) { return lut.rgb[i * 3]; }

std::string message_of(const app::DisplayChoice& choice) {
  try {
    app::bake_display_lut(choice, 5);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("display: the shipped config's default view is the built-in filmic sRGB", "[display]") {
  unsetenv("OCIO");
  const common::DisplayLut lut = app::bake_display_lut({}, 33);
  REQUIRE(lut.size == 33);
  CHECK(lut.description.find("sRGB/Filmic") != std::string::npos);
  float worst = 0;
  for (std::uint32_t i = 0; i < lut.size; ++i)
    worst = std::max(worst, std::abs(red_at(lut, i) - common::filmic_srgb(lut.input_at(i))));
  CHECK(worst < 0.5f / 255.0f);
  // Channels stay apart: a point with blue at the top of the range keeps red at the bottom.
  const std::size_t top_blue = (static_cast<std::size_t>(lut.size - 1) * lut.size * lut.size) * 3;
  CHECK(lut.rgb[top_blue] < 0.01f);
  CHECK(lut.rgb[top_blue + 2] > 0.98f);
}

TEST_CASE("display: the table is fine enough for 8 bits between its points", "[display]") {
  // The tonemap interpolates linearly in log2 between lattice points: half-way between two
  // points must be within half a level of the curve.
  const common::DisplayLut lut = common::builtin_display_lut();
  float worst = 0;
  for (std::uint32_t i = 0; i + 1 < lut.size; ++i) {
    const float midway = std::sqrt(lut.input_at(i) * lut.input_at(i + 1));  // half-way in log2
    const float interpolated = 0.5f * (red_at(lut, i) + red_at(lut, i + 1));
    worst = std::max(worst, std::abs(interpolated - common::filmic_srgb(midway)));
  }
  CHECK(worst < 0.5f / 255.0f);
}

TEST_CASE("display: another view of the config gives another picture", "[display]") {
  unsetenv("OCIO");
  const common::DisplayLut filmic = app::bake_display_lut({}, 17);
  const common::DisplayLut standard = app::bake_display_lut({"", "sRGB/Standard"}, 17);
  const common::DisplayLut raw = app::bake_display_lut({"", "Raw"}, 17);
  // A middle point: the plain sRGB encoding is brighter than the film curve there.
  const std::uint32_t mid = 14;  // 2^(-14 + 14/16 * 20) ≈ 0.5
  CHECK(standard.rgb[mid * 3] > filmic.rgb[mid * 3] + 0.05f);
  CHECK(std::abs(raw.rgb[mid * 3] - raw.input_at(mid)) < 1e-4f);  // Raw passes data through
}

TEST_CASE("display: $OCIO chooses the config, --ocio overrides it", "[display]") {
  const auto dir = file_fixtures::fresh_dir("ocio-env");
  setenv("OCIO", (dir / "missing.ocio").c_str(), 1);
  CHECK(app::chosen_ocio_config({}) == dir / "missing.ocio");
  CHECK(message_of({}).find("missing.ocio: no such file") != std::string::npos);
  CHECK(app::chosen_ocio_config({app::shipped_ocio_config().string(), ""}) == app::shipped_ocio_config());
  unsetenv("OCIO");
  CHECK(app::chosen_ocio_config({}) == app::shipped_ocio_config());
}

TEST_CASE("display: bad configs and views are refused with what is wrong", "[display]") {
  unsetenv("OCIO");
  CHECK(message_of({"", "sRGB/Vivid"}).find("display \"sRGB\" has no view \"Vivid\"; it has \"Filmic\"") !=
        std::string::npos);
  CHECK(message_of({"", "P3/Filmic"}).find("no display \"P3\"; it has \"sRGB\"") != std::string::npos);

  const auto dir = file_fixtures::fresh_dir("ocio-bad");
  std::ofstream(dir / "garbage.ocio") << "ocio_profile_version: 2\ncolorspaces: [this is not\n";
  CHECK(message_of({(dir / "garbage.ocio").string(), ""}).find("garbage.ocio: ") != std::string::npos);

  // A valid config that has no linear Rec.709 colour space cannot read siege's renders.
  std::ofstream(dir / "acescg_only.ocio") << R"(ocio_profile_version: 2
roles: {default: ACEScg, scene_linear: ACEScg}
file_rules: [!<Rule> {name: Default, colorspace: default}]
displays: {sRGB: [!<View> {name: Raw, colorspace: ACEScg}]}
colorspaces:
  - !<ColorSpace> {name: ACEScg}
)";
  CHECK(message_of({(dir / "acescg_only.ocio").string(), ""}).find("no colour space for scene-linear Rec.709") !=
        std::string::npos);
}
