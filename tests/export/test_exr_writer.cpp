// app/film/exr_writer: an EXR written from a synthetic linear frame is read back by the tools a
// pipeline uses (exrheader from openexr, oiiotool from openimageio-tools): its channels and
// their types, the Cryptomatte metadata and manifests, a pixel's ranks; the same frame gives
// the same bytes; no temporary stays behind. A missing tool fails the test (the CI installs
// tools/setup.sh's packages), it is never skipped.
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/film/exr_writer.h"
#include "file_fixtures.h"

namespace fs = std::filesystem;

namespace {

std::string contents(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The output of a shell command and its exit status.
struct Run {
  std::string out;
  int status = -1;
};
Run run(const std::string& command) {
  Run r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
  r.status = pclose(pipe);
  return r;
}

// Fails (not skips) with the package to install when a tool is missing.
void require_tool(const std::string& tool, const std::string& package) {
  INFO(tool + " is not installed: apt-get install " + package + " (tools/setup.sh lists it)");
  REQUIRE(run("command -v " + tool).status == 0);
}

// The world of the synthetic frame.
scene::ObjectRegistry test_objects() {
  scene::ObjectRegistry objects;
  objects.add(scene::ObjectKind::Sky, "Sky");                                           // 1
  objects.add(scene::ObjectKind::Wall, "Outer wall of Caizhou", "outer_wall");          // 2
  objects.add(scene::ObjectKind::Gate, "West gate", "west_gate");                       // 3
  objects.add(scene::ObjectKind::Soldier, "Tang vanguard", "tang_vanguard");            // 4
  objects.add(scene::ObjectKind::Ladder, "Ladders of Tang vanguard", "tang_vanguard");  // 5
  return objects;
}

constexpr std::uint32_t kWidth = 8, kHeight = 4;

// Sky on the top row, the wall below; pixel (1,1) half wall, half gate over its two sub-samples;
// pixel (2,2) a soldier, (3,2) his ladder.
renderer::LinearFrame test_frame() {
  renderer::LinearFrame frame;
  frame.width = kWidth;
  frame.height = kHeight;
  const std::size_t pixels = kWidth * kHeight;
  frame.rgba.resize(pixels * 4);
  frame.depth.resize(pixels);
  frame.normals.resize(pixels * 3);
  frame.sample_ids.assign(2, std::vector<std::uint32_t>(pixels));
  for (std::uint32_t y = 0; y < kHeight; ++y)
    for (std::uint32_t x = 0; x < kWidth; ++x) {
      const std::size_t p = y * kWidth + x;
      const bool sky = y == 0;
      frame.rgba[4 * p + 0] = 0.25f * static_cast<float>(x);  // linear: past 1 on the right
      frame.rgba[4 * p + 1] = 0.5f;
      frame.rgba[4 * p + 2] = sky ? 2.0f : 0.125f;
      frame.rgba[4 * p + 3] = sky ? 0.0f : 1.0f;
      frame.depth[p] = sky ? std::numeric_limits<float>::infinity() : 100.0f + static_cast<float>(x);
      frame.normals[3 * p + 1] = sky ? 0.0f : 1.0f;
      frame.sample_ids[0][p] = frame.sample_ids[1][p] = sky ? 1 : 2;
    }
  frame.sample_ids[1][1 * kWidth + 1] = 3;
  frame.sample_ids[0][2 * kWidth + 2] = frame.sample_ids[1][2 * kWidth + 2] = 4;
  frame.sample_ids[0][2 * kWidth + 3] = frame.sample_ids[1][2 * kWidth + 3] = 5;
  return frame;
}

app::ExrInfo test_info() {
  app::ExrInfo info;
  info.scenario = "The fall of Caizhou (assets/scenarios/caizhou.json)";
  info.frame = 42;
  info.presentation_s = 1.75;
  info.rate = {24000, 1001};
  info.camera.position = {10, 20, 30};
  info.camera.target = {0, 0, 0};
  info.camera.fov_deg = 40;
  info.shot = "opening";
  return info;
}

fs::path write_test_exr(const fs::path& dir, const std::string& name = "frame_00042.exr") {
  const fs::path path = dir / name;
  app::write_exr_frame(path, test_frame(), app::crypto_names(test_objects()), test_info());
  return path;
}

}  // namespace

TEST_CASE("file: the same frame gives byte-identical files, written atomically", "[exr]") {
  const fs::path dir = file_fixtures::fresh_dir("exr-bytes");
  const fs::path a = write_test_exr(dir, "a.exr");
  const fs::path b = write_test_exr(dir, "b.exr");
  const std::string bytes = contents(a);
  REQUIRE(bytes.size() > 4);
  CHECK(bytes.substr(0, 4) == std::string("\x76\x2f\x31\x01", 4));  // OpenEXR's magic number
  CHECK(bytes == contents(b));
  // Again over the first: the same bytes, and only the two files in the folder.
  write_test_exr(dir, "a.exr");
  CHECK(contents(a) == bytes);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++files;
    CHECK(entry.path().extension() == ".exr");
  }
  CHECK(files == 2);
  // Another frame differs.
  renderer::LinearFrame other = test_frame();
  other.rgba[0] = 3.0f;
  app::write_exr_frame(dir / "c.exr", other, app::crypto_names(test_objects()), test_info());
  CHECK(contents(dir / "c.exr") != bytes);
}

TEST_CASE("file: a frame whose planes do not match its size is refused, naming the file", "[exr]") {
  const fs::path dir = file_fixtures::fresh_dir("exr-refused");
  renderer::LinearFrame frame = test_frame();
  frame.depth.pop_back();
  CHECK_THROWS_WITH(app::write_exr_frame(dir / "bad.exr", frame, app::crypto_names(test_objects()), test_info()),
                    Catch::Contains("bad.exr") && Catch::Contains("depth"));
  frame = test_frame();
  frame.sample_ids.clear();
  CHECK_THROWS_WITH(app::write_exr_frame(dir / "bad.exr", frame, app::crypto_names(test_objects()), test_info()),
                    Catch::Contains("sub-sample"));
  CHECK(fs::is_empty(dir));
  CHECK_THROWS_WITH(app::write_exr_frame(dir / "no-such-folder" / "x.exr", test_frame(),
                                         app::crypto_names(test_objects()), test_info()),
                    Catch::Contains("no-such-folder/x.exr"));
}

namespace {

// exrheader's channel list: name → "16-bit floating-point" or "32-bit floating-point".
std::map<std::string, std::string> exrheader_channels(const std::string& text) {
  std::map<std::string, std::string> channels;
  const std::regex line(R"(\n    ([A-Za-z0-9.]+), (16|32)-bit floating-point, sampling 1 1)");
  for (std::sregex_iterator it(text.begin(), text.end(), line), end; it != end; ++it)
    channels[(*it)[1]] = (*it)[2] == "16" ? "half" : "float";
  return channels;
}

// A header string attribute's value as a tool prints it: `KEY (type string): "VALUE"` (exrheader)
// or `KEY: "VALUE"` (oiiotool); empty if absent.
std::string string_attribute(const std::string& text, const std::string& key, bool exrheader) {
  const std::string head = exrheader ? key + " (type string): \"" : key + ": \"";
  const std::size_t at = text.find(head);
  if (at == std::string::npos) return {};
  const std::size_t from = at + head.size(), line_end = text.find('\n', from);
  const std::string rest = text.substr(from, line_end - from);
  return rest.substr(0, rest.rfind('"'));
}

// Some channels of every pixel, read back through oiiotool (one run to pick them, one to print
// them with their order): channel name → pixel (x, y) → its value as printed.
using Pixels = std::map<std::string, std::map<std::pair<int, int>, std::string>>;
Pixels read_pixels(const fs::path& exr, const std::string& channels) {
  const fs::path picked = exr.parent_path() / "picked.exr";
  const Run pick = run("oiiotool '" + exr.string() + "' --ch " + channels + " -o '" + picked.string() + "'");
  INFO(pick.out);
  REQUIRE(pick.status == 0);
  const Run dump = run("oiiotool --info -v --dumpdata '" + picked.string() + "'");
  INFO(dump.out);
  REQUIRE(dump.status == 0);
  std::smatch list;
  REQUIRE(std::regex_search(dump.out, list, std::regex(R"(channel list: ([^\n]*))")));
  std::vector<std::string> order;
  std::istringstream names(std::regex_replace(list[1].str(), std::regex(","), " "));
  for (std::string name; names >> name;) order.push_back(name);
  Pixels pixels;
  const std::regex line(R"(Pixel \((\d+), (\d+)\):([^\n]*))");
  for (std::sregex_iterator it(dump.out.begin(), dump.out.end(), line), end; it != end; ++it) {
    std::istringstream values((*it)[3].str());
    std::size_t c = 0;
    for (std::string value; values >> value && c < order.size(); ++c)
      pixels[order[c]][{std::stoi((*it)[1]), std::stoi((*it)[2])}] = value;
    REQUIRE(c == order.size());
  }
  return pixels;
}

std::uint32_t float_bits_of(const std::string& printed) {
  const float f = std::strtof(printed.c_str(), nullptr);
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

std::uint32_t id_bits(const std::string& name) {
  const float f = app::crypto_id_of(name);
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

}  // namespace

TEST_CASE("file: exrheader lists the channels with their types and the Cryptomatte metadata", "[exr]") {
  require_tool("exrheader", "openexr");
  const fs::path exr = write_test_exr(file_fixtures::fresh_dir("exr-exrheader"));
  const Run header = run("exrheader '" + exr.string() + "'");
  INFO(header.out);
  REQUIRE(header.status == 0);
  const std::map<std::string, std::string> channels = exrheader_channels(header.out);
  for (const char* c : {"R", "G", "B", "A", "N.X", "N.Y", "N.Z"}) CHECK(channels.count(c) == 1);
  for (const char* c : {"R", "G", "B", "A", "N.X", "N.Y", "N.Z"})
    if (channels.count(c)) CHECK(channels.at(c) == "half");
  REQUIRE(channels.count("Z") == 1);
  CHECK(channels.at("Z") == "float");
  std::size_t crypto = 0;
  for (const std::string layer : {"CryptoObject", "CryptoUnit", "CryptoKind"})
    for (const std::string rank : {"00", "01", "02"})
      for (const std::string c : {"R", "G", "B", "A"}) {
        const std::string name = layer + rank + "." + c;
        INFO(name);
        REQUIRE(channels.count(name) == 1);
        CHECK(channels.at(name) == "float");
        ++crypto;
      }
  CHECK(crypto == 36);
  CHECK(channels.size() == 8 + 36);
  CHECK(header.out.find("compression (type compression): zip") != std::string::npos);
  CHECK(header.out.find("red   (0.64 0.33)") != std::string::npos);
  CHECK(header.out.find("white (0.3127 0.329)") != std::string::npos);
  CHECK(header.out.find("24000/1001") != std::string::npos);
  CHECK(string_attribute(header.out, "comments", true).find("exposed scene-linear Rec.709") != std::string::npos);
  CHECK(string_attribute(header.out, "siege/scenario", true) == test_info().scenario);
  CHECK(header.out.find("siege/presentationSeconds (type double): 1.75") != std::string::npos);
  CHECK(string_attribute(header.out, "siege/camera", true).find("vertical field of view 40.000 deg") !=
        std::string::npos);

  // Each layer: name, hash, conversion, and a manifest that parses as JSON with the names expected.
  const std::map<std::string, std::vector<std::string>> expected = {
      {"CryptoObject", {"Sky", "Outer wall of Caizhou", "West gate", "Tang vanguard", "Ladders of Tang vanguard"}},
      {"CryptoUnit", {"Sky", "Outer wall of Caizhou", "West gate", "Tang vanguard"}},
      {"CryptoKind", {"sky", "wall", "gate", "soldier", "ladder"}}};
  for (const auto& [layer, names] : expected) {
    char hash[9];
    std::snprintf(hash, sizeof hash, "%08x", app::murmur3_32(layer));
    const std::string key = "cryptomatte/" + std::string(hash, 7) + "/";
    INFO(key);
    CHECK(string_attribute(header.out, key + "name", true) == layer);
    CHECK(string_attribute(header.out, key + "hash", true) == "MurmurHash3_32");
    CHECK(string_attribute(header.out, key + "conversion", true) == "uint32_to_float32");
    const nlohmann::json manifest =
        nlohmann::json::parse(string_attribute(header.out, key + "manifest", true), nullptr, false);
    REQUIRE(manifest.is_object());
    CHECK(manifest.size() == names.size());
    for (const std::string& name : names) {
      INFO(name);
      REQUIRE(manifest.contains(name));
      CHECK(manifest[name] == app::crypto_hex(app::crypto_id_of(name)));
    }
  }
}

TEST_CASE("file: oiiotool reads the layers, the metadata and a pixel's ranks back", "[exr]") {
  require_tool("oiiotool", "openimageio-tools");
  const fs::path exr = write_test_exr(file_fixtures::fresh_dir("exr-oiiotool"));
  const Run info = run("oiiotool --info -v '" + exr.string() + "'");
  INFO(info.out);
  REQUIRE(info.status == 0);
  CHECK(info.out.find("8 x    4, 44 channel") != std::string::npos);
  for (const char* c :
       {"R (half)", "G (half)", "B (half)", "A (half)", "Z (float)", "N.X (half)", "N.Y (half)", "N.Z (half)",
        "CryptoObject00.R (float)", "CryptoObject02.A (float)", "CryptoUnit01.G (float)", "CryptoKind02.B (float)"})
    CHECK(info.out.find(c) != std::string::npos);
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", app::murmur3_32("CryptoUnit"));
  const nlohmann::json manifest = nlohmann::json::parse(
      string_attribute(info.out, "cryptomatte/" + std::string(hash, 7) + "/manifest", false), nullptr, false);
  REQUIRE(manifest.is_object());
  CHECK(manifest.contains("Tang vanguard"));
  CHECK_FALSE(manifest.contains("Ladders of Tang vanguard"));  // in the unit layer, the ladders are the unit's

  const Pixels pixels = read_pixels(
      exr,
      "R,B,A,Z,N.Y,CryptoObject00.R,CryptoObject00.G,CryptoObject00.B,CryptoObject00.A,CryptoUnit00.R,CryptoUnit00.G");
  REQUIRE(pixels.size() == 11);
  CHECK(pixels.at("R").size() == kWidth * kHeight);
  auto value = [&](int x, int y, const std::string& channel) { return pixels.at(channel).at({x, y}); };
  auto number = [&](int x, int y, const std::string& channel) {
    return std::strtof(value(x, y, channel).c_str(), nullptr);
  };

  // Pixel (1,1): its two sub-samples saw the wall and the gate: two ranks of 0.5 each, the lower
  // id bits first.
  const std::uint32_t wall = id_bits("Outer wall of Caizhou"), gate = id_bits("West gate");
  CHECK(float_bits_of(value(1, 1, "CryptoObject00.R")) == std::min(wall, gate));
  CHECK(number(1, 1, "CryptoObject00.G") == 0.5f);
  CHECK(float_bits_of(value(1, 1, "CryptoObject00.B")) == std::max(wall, gate));
  CHECK(number(1, 1, "CryptoObject00.A") == 0.5f);
  // Pixel (3,2), a ladder: the ladders in CryptoObject, the unit in CryptoUnit, fully covered.
  // (The ladders' id is about -1e-15, which oiiotool prints as -0.000000000: compare as printed.)
  char printed[64];
  std::snprintf(printed, sizeof printed, "%.9f", app::crypto_id_of("Ladders of Tang vanguard"));
  CHECK(value(3, 2, "CryptoObject00.R") == printed);
  CHECK(number(3, 2, "CryptoObject00.G") == 1.0f);
  CHECK(number(3, 2, "CryptoObject00.A") == 0.0f);
  CHECK(float_bits_of(value(3, 2, "CryptoUnit00.R")) == id_bits("Tang vanguard"));
  CHECK(number(3, 2, "CryptoUnit00.G") == 1.0f);
  // The beauty, linear past 1, alpha 0 on the sky, depth infinite there; the ground's depth and normal.
  CHECK(number(7, 0, "R") == 1.75f);
  CHECK(number(7, 0, "B") == 2.0f);
  CHECK(number(7, 0, "A") == 0.0f);
  CHECK(std::isinf(number(7, 0, "Z")));
  CHECK(number(4, 3, "A") == 1.0f);
  CHECK(number(4, 3, "Z") == 104.0f);
  CHECK(number(4, 3, "N.Y") == 1.0f);
}

namespace {

// `siege render` on Caizhou with these arguments: its exit status and what it printed.
Run siege_render(const std::string& arguments) {
  Run r = run(std::string("'") + SIEGE_BINARY + "' render '" + SIEGE_SOURCE_DIR +
              "/assets/scenarios/caizhou.json' --duration 2 " + arguments);
  r.status = WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1;
  return r;
}

}  // namespace

TEST_CASE("pattern: a .exr frame pattern selects EXR frames, resumes on them and refuses what it cannot do", "[exr]") {
  const fs::path dir = file_fixtures::fresh_dir("exr-pattern");
  const std::string pattern = (dir / "plates" / "caizhou_%05d.exr").string();
  const Run dry = siege_render("--out '" + pattern + "' --frames 0-2 --dry-run");
  INFO(dry.out);
  CHECK(dry.status == 0);
  CHECK(dry.out.find("selected 3") != std::string::npos);

  // Refused with exit 2 before anything is created.
  for (const std::string refused :
       {"--also '" + (dir / "film.mp4").string() + "'", std::string("--aov id"), std::string("--ssaa 2")}) {
    const Run r = siege_render("--out '" + pattern + "' --frames 0-2 " + refused);
    INFO(refused << ": " << r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("EXR") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "plates"));
  // An EXR sequence's frames on disk count: with all three there nothing is rendered (no GPU
  // started), and the manifest says they are EXR.
  fs::create_directories(dir / "plates");
  for (int f = 0; f < 3; ++f) write_test_exr(dir / "plates", "caizhou_0000" + std::to_string(f) + ".exr");
  const Run resumed = siege_render("--out '" + pattern + "' --frames 0-2");
  INFO(resumed.out);
  CHECK(resumed.status == 0);
  CHECK(resumed.out.find("3 of 3 frames already there") != std::string::npos);
  CHECK(resumed.out.find("Vulkan device") == std::string::npos);
  const nlohmann::json manifest = nlohmann::json::parse(contents(dir / "plates" / "caizhou_film.json"));
  CHECK(manifest["frames"] == "exr");
  // A PNG sequence beside it with the same name is not taken for it.
  const Run png = siege_render("--out '" + (dir / "plates" / "caizhou_%05d.png").string() + "' --frames 0-2");
  CHECK(png.status == 2);
  CHECK(png.out.find("made with other settings") != std::string::npos);
}

TEST_CASE("file: Blender reads the layers and its Cryptomatte node extracts the mattes", "[exr]") {
  require_tool("blender", "blender");
  require_tool("oiiotool", "openimageio-tools");
  const fs::path dir = file_fixtures::fresh_dir("exr-blender");
  const fs::path exr = write_test_exr(dir);
  const Run blender = run("blender --background --factory-startup --python '" SIEGE_SOURCE_DIR
                          "/tests/export/blender_cryptomatte.py' -- '" +
                          exr.string() + "' '" + dir.string() +
                          "' 'CryptoObject=West gate' 'CryptoUnit=Tang vanguard' 'CryptoKind=wall'");
  INFO(blender.out);
  REQUIRE(blender.status == 0);
  // Blender's multilayer reader: R G B A as Combined and Alpha, Z as Depth, N, and the ranks.
  CHECK(blender.out.find("PASSES Combined,Alpha,Depth,N,CryptoKind00,CryptoKind01,CryptoKind02,CryptoObject00,"
                         "CryptoObject01,CryptoObject02,CryptoUnit00,CryptoUnit01,CryptoUnit02") != std::string::npos);
  REQUIRE(blender.out.find("MATTE 2 CryptoKind wall") != std::string::npos);
  auto matte = [&](int i) { return read_pixels(dir / ("matte_" + std::to_string(i) + ".exr"), "R").at("R"); };
  auto at = [](const std::map<std::pair<int, int>, std::string>& m, int x, int y) {
    return std::strtof(m.at({x, y}).c_str(), nullptr);
  };
  // The gate: half of pixel (1,1), nothing anywhere else.
  const auto gate = matte(0);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 8; ++x) {
      INFO(x << "," << y);
      CHECK(at(gate, x, y) == (x == 1 && y == 1 ? 0.5f : 0.0f));
    }
  // The unit: its soldier and its ladder.
  const auto unit = matte(1);
  CHECK(at(unit, 2, 2) == 1.0f);
  CHECK(at(unit, 3, 2) == 1.0f);
  CHECK(at(unit, 4, 2) == 0.0f);
  // Walls: the rest of the ground rows, half of (1,1), none on the sky.
  const auto wall = matte(2);
  CHECK(at(wall, 0, 1) == 1.0f);
  CHECK(at(wall, 1, 1) == 0.5f);
  CHECK(at(wall, 2, 2) == 0.0f);
  CHECK(at(wall, 7, 3) == 1.0f);
  CHECK(at(wall, 5, 0) == 0.0f);
}
