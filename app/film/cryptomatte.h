// Cryptomatte (the Psyop specification, version 1.1.0): ID mattes a compositor picks by name.
// Each layer names every object id of the ID pass (an object, its unit, its kind); a name's id
// is its MurmurHash3_x86_32 (seed 0, UTF-8 bytes) stored as a float32, and each pixel carries
// the ids seen in it ranked by coverage, the share of sub-samples they were seen in. Plain C++:
// no GPU, no OpenEXR (exr_writer.* puts the ranks and the metadata into a file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scene/world/objects.h"

namespace app {

// MurmurHash3_x86_32 of `bytes` (Austin Appleby's public-domain algorithm, little-endian blocks).
std::uint32_t murmur3_32(std::string_view bytes, std::uint32_t seed = 0);

// The specification's "uint32_to_float32": the hash's bits as a float32, with the exponent
// clamped to 1..254 so that no id is a zero, a denormal, an infinity or a NaN.
float crypto_id_float(std::uint32_t hash);
// A name's id as a pixel holds it.
float crypto_id_of(std::string_view name);
// The float's bits as 8 lowercase hex digits: how the manifest writes an id.
std::string crypto_hex(float id);

// The levels a pixel carries: 3 RGBA layers <Layer>00..02 of (id, coverage, id, coverage).
constexpr std::size_t kCryptoRanks = 6;
constexpr std::size_t kCryptoLayerChannels = 2 * kCryptoRanks;  // 12 floats a pixel

// One Cryptomatte layer: the name each object id shows under.
struct CryptoLayer {
  std::string name;                // "CryptoObject"
  std::vector<std::string> by_id;  // indexed by object id; "" (and ids past the end): nothing
  std::vector<float> id_float;     // crypto_id_of(by_id[i]), 0 for nothing

  // "cryptomatte/<7 hex digits of the name's hash>/": the prefix of its header keys.
  std::string metadata_prefix() const;
  // {name: "8-hex-digit id"} for every name of the layer, keys sorted: the manifest's JSON.
  std::string manifest_json() const;
  // Header key → value: name, hash ("MurmurHash3_32"), conversion ("uint32_to_float32"), manifest.
  std::map<std::string, std::string> metadata() const;
};

// Builds a layer from names by object id: fills id_float.
CryptoLayer make_crypto_layer(std::string name, std::vector<std::string> by_id);

// The three layers of a siege frame, from the world's objects:
//   CryptoObject: each object by its name; the soldiers of a unit are one object (the ID pass
//     writes one id per unit for all its figures), named after the unit.
//   CryptoUnit: soldiers and a unit's ladders under the unit's name; any other object by its own.
//   CryptoKind: the object's kind ("wall", "gate", "soldier", ...).
// Where two different things would share a name in a layer, each gets " (id)" appended.
struct CryptoNames {
  std::vector<CryptoLayer> layers;
};
CryptoNames crypto_names(const scene::ObjectRegistry& objects);

// Per pixel, the layer's ranks from the ids of each sub-sample (one plane each, `pixels` long):
// kCryptoLayerChannels floats (id0, coverage0, id1, coverage1, ...), ranked by coverage, highest
// first, equal coverages by id bits ascending; unused ranks are 0. Samples that saw nothing
// (id 0, or an id the layer does not name) count towards the whole but are not ranked.
std::vector<float> crypto_ranks(const std::vector<std::vector<std::uint32_t>>& sample_ids, std::size_t pixels,
                                const CryptoLayer& layer);

}  // namespace app
