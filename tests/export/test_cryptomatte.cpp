// app/film/cryptomatte: the hash against published vectors, the float conversion of the
// Psyop specification, the manifest and header keys, the names of siege's three layers, and
// the coverage ranking of a pixel's sub-samples.
#include <cmath>
#include <cstring>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/film/cryptomatte.h"

namespace {

std::uint32_t bits_of(float f) {
  std::uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

}  // namespace

TEST_CASE("cryptomatte: MurmurHash3_x86_32 matches the published test vectors", "[cryptomatte]") {
  // Seed 0, as Cryptomatte uses it.
  CHECK(app::murmur3_32("") == 0x00000000u);
  CHECK(app::murmur3_32(std::string_view("\0\0\0\0", 4)) == 0x2362f9deu);
  CHECK(app::murmur3_32("hello") == 0x248bfa47u);
  CHECK(app::murmur3_32("The quick brown fox jumps over the lazy dog") == 0x2e4ff723u);
  // Other seeds, and every tail length (0 to 3 bytes past the last block).
  CHECK(app::murmur3_32("", 1) == 0x514e28b7u);
  CHECK(app::murmur3_32("", 0xffffffffu) == 0x81f16f39u);
  CHECK(app::murmur3_32("a", 0x9747b28cu) == 0x7fa09ea6u);
  CHECK(app::murmur3_32("ab", 0x9747b28cu) == 0x74875592u);
  CHECK(app::murmur3_32("abc", 0x9747b28cu) == 0xc84a62ddu);
  CHECK(app::murmur3_32("abcd", 0x9747b28cu) == 0xf0478627u);
  CHECK(app::murmur3_32("Hello, world!", 0x9747b28cu) == 0x24884cbau);
  CHECK(app::murmur3_32("The quick brown fox jumps over the lazy dog", 0x9747b28cu) == 0x2fa826cdu);
}

TEST_CASE("cryptomatte: ids as the specification's manifest example writes them", "[cryptomatte]") {
  // The specification's manifest: {"bunny":"13851a76", "default":"42c9679f"}.
  CHECK(app::crypto_hex(app::crypto_id_of("bunny")) == "13851a76");
  CHECK(app::crypto_hex(app::crypto_id_of("default")) == "42c9679f");
  // UTF-8 bytes are hashed as they are: a Chinese name differs from its transliteration.
  CHECK(app::crypto_id_of("蔡州") != app::crypto_id_of("Caizhou"));
}

TEST_CASE("cryptomatte: uint32_to_float32 keeps the exponent within 1..254", "[cryptomatte]") {
  // Exponent 0 (zero, denormals) becomes 1; 255 (infinity, NaN) becomes 254; sign and mantissa stay.
  CHECK(bits_of(app::crypto_id_float(0x00000000u)) == 0x00800000u);
  CHECK(bits_of(app::crypto_id_float(0x00000001u)) == 0x00800001u);
  CHECK(bits_of(app::crypto_id_float(0x807fffffu)) == 0x80ffffffu);
  CHECK(bits_of(app::crypto_id_float(0x7f800000u)) == 0x7f000000u);
  CHECK(bits_of(app::crypto_id_float(0xffc00001u)) == 0xff400001u);
  CHECK(bits_of(app::crypto_id_float(0x3f800000u)) == 0x3f800000u);  // in range: a bit-for-bit copy
  for (std::uint32_t h : {0u, 1u, 0x7f800000u, 0x7fffffffu, 0xff800000u, 0xffffffffu, 0x12345678u}) {
    const float f = app::crypto_id_float(h);
    CHECK(std::isnormal(f));
  }
}

TEST_CASE("cryptomatte: the manifest and the header keys of a layer", "[cryptomatte]") {
  const app::CryptoLayer layer = app::make_crypto_layer("CryptoObject", {"", "bunny", "default", ""});
  const nlohmann::json manifest = nlohmann::json::parse(layer.manifest_json());
  CHECK(manifest == nlohmann::json({{"bunny", "13851a76"}, {"default", "42c9679f"}}));

  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", app::murmur3_32("CryptoObject"));
  const std::string prefix = "cryptomatte/" + std::string(hash, 7) + "/";
  CHECK(layer.metadata_prefix() == prefix);
  const std::map<std::string, std::string> metadata = layer.metadata();
  REQUIRE(metadata.size() == 4);
  CHECK(metadata.at(prefix + "name") == "CryptoObject");
  CHECK(metadata.at(prefix + "hash") == "MurmurHash3_32");
  CHECK(metadata.at(prefix + "conversion") == "uint32_to_float32");
  CHECK(metadata.at(prefix + "manifest") == layer.manifest_json());
}

TEST_CASE("cryptomatte: a pixel half covered by each of two ids has two ranks of 0.5", "[cryptomatte]") {
  const app::CryptoLayer layer = app::make_crypto_layer("CryptoObject", {"", "wall", "gate"});
  // Two pixels, two sub-samples: pixel 0 sees the wall then the gate; pixel 1 the gate twice.
  const std::vector<std::vector<std::uint32_t>> samples = {{1, 2}, {2, 2}};
  const std::vector<float> ranks = app::crypto_ranks(samples, 2, layer);
  REQUIRE(ranks.size() == 2 * app::kCryptoLayerChannels);
  const float wall = layer.id_float[1], gate = layer.id_float[2];
  // Equal coverage: the lower id bits first, so the order never depends on sample order.
  const bool wall_first = bits_of(wall) < bits_of(gate);
  CHECK(bits_of(ranks[0]) == bits_of(wall_first ? wall : gate));
  CHECK(ranks[1] == 0.5f);
  CHECK(bits_of(ranks[2]) == bits_of(wall_first ? gate : wall));
  CHECK(ranks[3] == 0.5f);
  for (std::size_t c = 4; c < app::kCryptoLayerChannels; ++c) CHECK(ranks[c] == 0.0f);
  const float* second = ranks.data() + app::kCryptoLayerChannels;
  CHECK(bits_of(second[0]) == bits_of(gate));
  CHECK(second[1] == 1.0f);
  CHECK(second[2] == 0.0f);
  CHECK(second[3] == 0.0f);
  // The same samples in the other order give the same ranks.
  CHECK(app::crypto_ranks({{2, 2}, {1, 2}}, 2, layer) == ranks);
}

TEST_CASE("cryptomatte: ranks by coverage, and nothing and unknown ids are not ranked", "[cryptomatte]") {
  const app::CryptoLayer layer = app::make_crypto_layer("CryptoObject", {"", "a", "b", "c", "d", "e", "f", "g"});
  // Eight samples of one pixel: b three times, a twice, c once, nothing once, an unknown id once.
  const std::vector<std::vector<std::uint32_t>> samples = {{2}, {1}, {2}, {0}, {3}, {2}, {1}, {99}};
  const std::vector<float> ranks = app::crypto_ranks(samples, 1, layer);
  CHECK(bits_of(ranks[0]) == bits_of(layer.id_float[2]));
  CHECK(ranks[1] == 0.375f);
  CHECK(bits_of(ranks[2]) == bits_of(layer.id_float[1]));
  CHECK(ranks[3] == 0.25f);
  CHECK(bits_of(ranks[4]) == bits_of(layer.id_float[3]));
  CHECK(ranks[5] == 0.125f);
  CHECK(ranks[6] == 0.0f);
  // Seven ids in one pixel: the six most covering are kept.
  std::vector<std::vector<std::uint32_t>> seven;
  for (std::uint32_t id = 1; id <= 7; ++id) seven.push_back({id});
  seven.push_back({7});
  const std::vector<float> kept = app::crypto_ranks(seven, 1, layer);
  CHECK(bits_of(kept[0]) == bits_of(layer.id_float[7]));
  CHECK(kept[1] == 0.25f);
  float total = 0;
  for (std::size_t r = 0; r < app::kCryptoRanks; ++r) total += kept[2 * r + 1];
  CHECK(total == 0.875f);  // one eighth fell off the end
  // A plane of the wrong size is refused.
  CHECK_THROWS_WITH(app::crypto_ranks({{1, 2}, {1}}, 2, layer), Catch::Contains("holds 1 pixels, not 2"));
}

TEST_CASE("cryptomatte: siege's layers name objects, units and kinds", "[cryptomatte]") {
  scene::ObjectRegistry objects;
  const std::uint32_t sky = objects.add(scene::ObjectKind::Sky, "Sky");
  const std::uint32_t wall_a = objects.add(scene::ObjectKind::Wall, "Outer wall", "wall_a");
  const std::uint32_t wall_b = objects.add(scene::ObjectKind::Wall, "Outer wall", "wall_b");
  const std::uint32_t gate = objects.add(scene::ObjectKind::Gate, "West gate", "west_gate");
  const std::uint32_t tang = objects.add(scene::ObjectKind::Soldier, "Tang vanguard", "tang_vanguard");
  const std::uint32_t song = objects.add(scene::ObjectKind::Soldier, "West gate", "song_gate_guard");
  const std::uint32_t ladders = objects.add(scene::ObjectKind::Ladder, "Ladders of Tang vanguard", "tang_vanguard");
  const app::CryptoNames names = app::crypto_names(objects);
  REQUIRE(names.layers.size() == 3);
  const app::CryptoLayer& object = names.layers[0];
  const app::CryptoLayer& unit = names.layers[1];
  const app::CryptoLayer& kind = names.layers[2];
  CHECK(object.name == "CryptoObject");
  CHECK(unit.name == "CryptoUnit");
  CHECK(kind.name == "CryptoKind");

  // Objects by name, the soldiers of a unit as the unit; shared names get the id.
  CHECK(object.by_id[sky] == "Sky");
  CHECK(object.by_id[wall_a] == "Outer wall (2)");
  CHECK(object.by_id[wall_b] == "Outer wall (3)");
  CHECK(object.by_id[gate] == "West gate (4)");
  CHECK(object.by_id[song] == "West gate (6)");
  CHECK(object.by_id[tang] == "Tang vanguard");
  CHECK(object.by_id[ladders] == "Ladders of Tang vanguard");
  // A unit's ladders share its soldiers' matte; other objects keep their own name.
  CHECK(unit.by_id[tang] == "Tang vanguard");
  CHECK(unit.by_id[ladders] == "Tang vanguard");
  CHECK(unit.id_float[ladders] == unit.id_float[tang]);
  CHECK(unit.by_id[wall_a] == "Outer wall (2)");
  CHECK(unit.by_id[gate] == "West gate (4)");
  // Kinds: one matte for all walls.
  CHECK(kind.by_id[wall_a] == "wall");
  CHECK(kind.id_float[wall_a] == kind.id_float[wall_b]);
  CHECK(kind.by_id[tang] == "soldier");
  CHECK(kind.by_id[ladders] == "ladder");
  CHECK(kind.by_id[sky] == "sky");

  // Every layer's manifest lists each of its names once, with the id its pixels carry.
  for (const app::CryptoLayer& layer : names.layers) {
    const nlohmann::json manifest = nlohmann::json::parse(layer.manifest_json());
    for (std::uint32_t id = 1; id < layer.by_id.size(); ++id) {
      REQUIRE(manifest.contains(layer.by_id[id]));
      CHECK(manifest[layer.by_id[id]] == app::crypto_hex(layer.id_float[id]));
    }
  }
  CHECK(nlohmann::json::parse(kind.manifest_json()).size() == 5);  // sky, wall, gate, soldier, ladder
  CHECK(nlohmann::json::parse(unit.manifest_json()).size() == 6);  // the ladders are in the Tang vanguard
}
