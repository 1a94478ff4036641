#include "app/film/cryptomatte.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

namespace app {

namespace {

constexpr std::uint32_t rotl32(std::uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

// Scrambles one 32-bit block before it is mixed into the state.
constexpr std::uint32_t scramble(std::uint32_t k) {
  k *= 0xcc9e2d51u;
  k = rotl32(k, 15);
  return k * 0x1b873593u;
}

// Avalanches the last bits of the state.
constexpr std::uint32_t fmix32(std::uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

std::uint32_t byte_at(std::string_view bytes, std::size_t i) { return static_cast<unsigned char>(bytes[i]); }

// Where two different groups (ids that share a matte) carry one name, each gets " (id)".
std::vector<std::string> unique_names(std::vector<std::string> names, const std::vector<std::uint32_t>& group) {
  std::map<std::string, std::vector<std::uint32_t>> groups_of;
  for (std::size_t id = 1; id < names.size(); ++id) {
    std::vector<std::uint32_t>& g = groups_of[names[id]];
    if (std::find(g.begin(), g.end(), group[id]) == g.end()) g.push_back(group[id]);
  }
  for (std::size_t id = 1; id < names.size(); ++id)
    if (groups_of[names[id]].size() > 1) names[id] += " (" + std::to_string(group[id]) + ")";
  return names;
}

// The ids seen in one pixel's sub-samples and how often, as float bits (never 0).
class PixelCounts {
 public:
  void clear() { counts_.clear(); }
  void add(std::uint32_t bits) {
    // Most pixels see one or two things: a short vector beats a map.
    for (auto& [b, n] : counts_)
      if (b == bits) {
        ++n;
        return;
      }
    counts_.emplace_back(bits, 1u);
  }
  // The ranks into `px` (kCryptoLayerChannels floats, zeroed): by coverage, ties by id bits.
  void write_ranks(float samples, float* px) {
    std::sort(counts_.begin(), counts_.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (std::size_t r = 0; r < std::min(counts_.size(), kCryptoRanks); ++r) {
      std::memcpy(&px[2 * r], &counts_[r].first, sizeof(float));
      px[2 * r + 1] = static_cast<float>(counts_[r].second) / samples;
    }
  }

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counts_;  // (id bits, sub-samples)
};

}  // namespace

std::uint32_t murmur3_32(std::string_view bytes, std::uint32_t seed) {
  std::uint32_t h = seed;
  const std::size_t blocks = bytes.size() / 4;
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::size_t i = 4 * b;
    const std::uint32_t k =
        byte_at(bytes, i) | byte_at(bytes, i + 1) << 8 | byte_at(bytes, i + 2) << 16 | byte_at(bytes, i + 3) << 24;
    h ^= scramble(k);
    h = rotl32(h, 13);
    h = h * 5 + 0xe6546b64u;
  }
  std::uint32_t tail = 0;
  const std::size_t rest = bytes.size() & 3;
  for (std::size_t j = rest; j > 0; --j) tail |= byte_at(bytes, 4 * blocks + j - 1) << (8 * (j - 1));
  if (rest > 0) h ^= scramble(tail);
  h ^= static_cast<std::uint32_t>(bytes.size());
  return fmix32(h);
}

float crypto_id_float(std::uint32_t hash) {
  const std::uint32_t exponent = std::clamp<std::uint32_t>((hash >> 23) & 0xffu, 1u, 254u);
  const std::uint32_t bits = (hash & 0x807fffffu) | (exponent << 23);  // sign and mantissa kept
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

float crypto_id_of(std::string_view name) { return crypto_id_float(murmur3_32(name)); }

std::string crypto_hex(float id) {
  std::uint32_t bits;
  std::memcpy(&bits, &id, sizeof bits);
  char text[9];
  std::snprintf(text, sizeof text, "%08x", bits);
  return text;
}

std::string CryptoLayer::metadata_prefix() const {
  char key[9];
  std::snprintf(key, sizeof key, "%08x", murmur3_32(name));
  return "cryptomatte/" + std::string(key, 7) + "/";
}

std::string CryptoLayer::manifest_json() const {
  nlohmann::json manifest = nlohmann::json::object();  // a std::map: keys come out sorted
  for (std::size_t id = 1; id < by_id.size(); ++id)
    if (!by_id[id].empty()) manifest[by_id[id]] = crypto_hex(id_float[id]);
  return manifest.dump();
}

std::map<std::string, std::string> CryptoLayer::metadata() const {
  const std::string prefix = metadata_prefix();
  return {{prefix + "name", name},
          {prefix + "hash", "MurmurHash3_32"},
          {prefix + "conversion", "uint32_to_float32"},
          {prefix + "manifest", manifest_json()}};
}

CryptoLayer make_crypto_layer(std::string name, std::vector<std::string> by_id) {
  CryptoLayer layer{std::move(name), std::move(by_id), {}};
  layer.id_float.resize(layer.by_id.size(), 0.0f);
  for (std::size_t id = 1; id < layer.by_id.size(); ++id)
    if (!layer.by_id[id].empty()) layer.id_float[id] = crypto_id_of(layer.by_id[id]);
  return layer;
}

CryptoNames crypto_names(const scene::ObjectRegistry& objects) {
  const std::size_t count = objects.objects().size() + 1;  // ids run 1..size
  std::vector<std::string> object(count), unit(count), kind(count);
  std::vector<std::uint32_t> itself(count), unit_group(count);
  for (const scene::ObjectInfo& o : objects.objects()) {
    object[o.id] = o.name.empty() ? std::string(scene::to_string(o.kind)) + " " + std::to_string(o.id) : o.name;
    kind[o.id] = std::string(scene::to_string(o.kind));
    itself[o.id] = unit_group[o.id] = o.id;
  }
  // A unit's ladders belong to the unit, whose soldiers' object carries its name.
  for (const scene::ObjectInfo& o : objects.objects()) {
    unit[o.id] = object[o.id];
    if (o.kind == scene::ObjectKind::Ladder)
      if (const std::uint32_t soldiers = objects.id_of(scene::ObjectKind::Soldier, o.entity); soldiers != 0) {
        unit[o.id] = object[soldiers];
        unit_group[o.id] = soldiers;
      }
  }
  CryptoNames names;
  names.layers.push_back(make_crypto_layer("CryptoObject", unique_names(object, itself)));
  names.layers.push_back(make_crypto_layer("CryptoUnit", unique_names(unit, unit_group)));
  names.layers.push_back(make_crypto_layer("CryptoKind", std::move(kind)));
  return names;
}

std::vector<float> crypto_ranks(const std::vector<std::vector<std::uint32_t>>& sample_ids, std::size_t pixels,
                                const CryptoLayer& layer) {
  std::vector<float> out(pixels * kCryptoLayerChannels, 0.0f);
  if (sample_ids.empty()) return out;
  for (const std::vector<std::uint32_t>& plane : sample_ids)
    if (plane.size() != pixels)
      throw std::invalid_argument("Cryptomatte: a sub-sample's id plane holds " + std::to_string(plane.size()) +
                                  " pixels, not " + std::to_string(pixels));
  std::vector<std::uint32_t> bits_of(layer.id_float.size());  // an object id's float bits; 0: nothing
  std::memcpy(bits_of.data(), layer.id_float.data(), bits_of.size() * sizeof(float));
  const auto bits = [&](std::uint32_t id) { return id < bits_of.size() ? bits_of[id] : 0u; };
  PixelCounts counts;
  for (std::size_t p = 0; p < pixels; ++p) {
    float* px = out.data() + p * kCryptoLayerChannels;
    // Most pixels see one thing in every sub-sample: fully covered by it, or by nothing.
    const std::uint32_t first = sample_ids[0][p];
    std::size_t same = 1;
    while (same < sample_ids.size() && sample_ids[same][p] == first) ++same;
    if (same == sample_ids.size()) {
      const std::uint32_t b = bits(first);
      std::memcpy(&px[0], &b, sizeof(float));
      px[1] = b != 0 ? 1.0f : 0.0f;
      continue;
    }
    counts.clear();
    for (const std::vector<std::uint32_t>& plane : sample_ids)
      if (const std::uint32_t b = bits(plane[p]); b != 0) counts.add(b);
    counts.write_ranks(static_cast<float>(sample_ids.size()), px);
  }
  return out;
}

}  // namespace app
