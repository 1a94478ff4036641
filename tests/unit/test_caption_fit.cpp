// Captions in films and stills: Chinese lines break between characters but never before
// closing or after opening punctuation, Latin words stay whole, and every caption of the
// Caizhou scenario fits the frame at 320x180, 640x360, 1920x1080 and 3840x2160; below the
// smallest size that holds them, siege refuses with a reason (tests/export/test_captions.sh
// checks the exit status and the rendered layer).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "app/core/caption_layout.h"
#include "app/core/text_fit.h"
#include "scene/load/load.h"

namespace {

// Ideographs and full-width marks one em, everything else half: how CJK fonts set them.
app::MeasureText measure_em(float em) {
  return [em](std::string_view s) {
    float w = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c & 0xC0) == 0x80) continue;
      w += c >= 0xE0 ? em : em * 0.5f;
    }
    return w;
  };
}

// The characters of a UTF-8 string, one string each.
std::vector<std::string> characters(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

const std::vector<std::string> kClosing = {"。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "》"};
const std::vector<std::string> kOpening = {"（", "「", "『", "《"};

bool is_one_of(const std::string& c, const std::vector<std::string>& set) {
  for (const std::string& s : set)
    if (c == s) return true;
  return false;
}

const scene::Scenario& caizhou() {
  static const scene::LoadResult loaded =
      scene::load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/caizhou.json");
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

}  // namespace

TEST_CASE("caption text: Chinese breaks between characters, never before closing or after opening marks",
          "[caption-fit]") {
  const std::vector<std::string> texts = {
      "蒙古军不急攻城，而筑长垒环城。金哀宗问：「城能守否？」众皆默然！",
      "《金史》载：哀宗传位于完颜承麟（末帝）；城破，帝自缢于幽兰轩。",
      "宋将孟珙、江海率军二万，运粮三十万石至蔡州『以助蒙古』。",
  };
  const app::MeasureText measure = measure_em(16);
  for (const std::string& text : texts)
    for (float width = 32; width <= 400; width += 16) {
      INFO(text << " at " << width / 16 << " characters a line");
      const std::vector<std::string> lines = app::wrap_lines(text, width, measure);
      std::string joined;
      for (const std::string& line : lines) {
        const std::vector<std::string> cs = characters(line);
        REQUIRE_FALSE(cs.empty());
        CHECK_FALSE(is_one_of(cs.front(), kClosing));  // no line starts with a closing mark
        CHECK_FALSE(is_one_of(cs.back(), kOpening));   // nor ends with an opening one
        CHECK(measure(line) <= width + 16);            // a mark may hang past the width, nothing more
        joined += line;
      }
      CHECK(joined == text);  // nothing lost, nothing added: Chinese has no spaces to drop
    }
}

TEST_CASE("caption text: Latin words inside Chinese stay whole", "[caption-fit]") {
  const std::string text = "蒙古军统帅Tachar（塔察儿）与宋将Meng Gong会师于蔡州城下。";
  const app::MeasureText measure = measure_em(16);
  for (float width = 64; width <= 320; width += 8) {
    INFO("width " << width);
    bool tachar = false, meng = false, gong = false;
    for (const std::string& line : app::wrap_lines(text, width, measure)) {
      tachar = tachar || line.find("Tachar") != std::string::npos;
      meng = meng || line.find("Meng") != std::string::npos;
      gong = gong || line.find("Gong") != std::string::npos;
      CHECK(line.front() != ' ');
      CHECK(line.back() != ' ');
    }
    CHECK(tachar);  // never "Tach" + "ar"
    CHECK(meng);
    CHECK(gong);
  }
}

TEST_CASE("captions fit the frame at 320x180, 640x360, 1920x1080 and 3840x2160", "[caption-fit]") {
  const scene::Scenario& s = caizhou();
  REQUIRE_FALSE(s.captions.empty());
  for (const auto& [w, h] :
       std::vector<std::pair<std::uint32_t, std::uint32_t>>{{320, 180}, {640, 360}, {1920, 1080}, {3840, 2160}}) {
    INFO(w << "x" << h);
    const app::CaptionFrame frame = app::caption_frame(w, h);
    REQUIRE(frame.fits);
    CHECK(frame.reason.empty());
    const app::Rect screen{0, 0, static_cast<float>(w), static_cast<float>(h)};
    CHECK(screen.contains(frame.area));
    CHECK(frame.scale * 17 >= 10 - 1e-4);  // body text never below 10 px
    const float em = 26 * frame.scale;     // the caption font
    const float wrap = app::caption_wrap_width(frame.area, 900 * frame.scale, frame.spacing);
    CHECK(wrap >= app::kCaptionMinEms * em);
    // Every caption of the scenario, in both languages, with the phase title under it.
    for (const scene::Caption& c : s.captions) {
      std::vector<app::CaptionBlock> blocks;
      blocks.push_back({scene::CaptionStyle::LowerThird, {wrap * 0.8f, 2 * em + 6 * frame.scale}, em});
      float widest = 0, height = 0;
      for (const std::string& text : {c.text.en, c.text.zh})
        for (const std::string& line : app::wrap_lines(text, wrap, measure_em(em))) {
          CHECK(measure_em(em)(line) <= wrap + em);  // a hanging mark at most
          widest = std::max(widest, measure_em(em)(line));
          height += em;
        }
      blocks.push_back({c.style, {std::min(widest, wrap), height}, em});
      const std::vector<app::PlacedCaption> placed = app::place_captions(frame.area, blocks, frame.spacing);
      CHECK(placed[0].shown);
      CHECK(placed[1].shown);  // at least its first line, the rest cut to the room there is
      for (const app::PlacedCaption& p : placed) {
        if (!p.shown) continue;
        const app::Rect box{p.text.x0 - frame.spacing.pad, p.text.y0 - frame.spacing.pad, p.text.x1 + frame.spacing.pad,
                            p.text.y1 + frame.spacing.pad};
        CHECK(screen.contains(box));
      }
    }
  }
  // Larger frames scale the same layout: 4K is exactly twice 1080p.
  const app::CaptionFrame hd = app::caption_frame(1920, 1080), uhd = app::caption_frame(3840, 2160);
  CHECK(uhd.scale == 2 * hd.scale);
  CHECK(uhd.area.x0 == 2 * hd.area.x0);
  CHECK(uhd.area.y1 == 2 * hd.area.y1);
  // Supersampling renders the same layout larger: --ssaa 2 at 960x540 is 1920x1080's.
  const app::CaptionFrame ss = app::caption_frame(960, 540, 2);
  CHECK(ss.scale == hd.scale);
  CHECK(ss.area.x1 == hd.area.x1);
}

TEST_CASE("captions: below the smallest frame that holds them, a reason naming that size", "[caption-fit]") {
  const app::CaptionFrame tiny = app::caption_frame(160, 90);
  CHECK_FALSE(tiny.fits);
  CHECK(tiny.reason.find("160x90") != std::string::npos);
  CHECK(tiny.reason.find("--captions off") != std::string::npos);
  // The size the reason names fits, and a pixel less either way does not.
  const std::size_t at = tiny.reason.find("at least ") + 9;
  const std::string size = tiny.reason.substr(at, tiny.reason.find(' ', at) - at);
  const std::uint32_t w = std::stoul(size.substr(0, size.find('x'))), h = std::stoul(size.substr(size.find('x') + 1));
  INFO("minimum " << w << "x" << h);
  CHECK(w > 160);
  CHECK(w <= 320);
  CHECK(app::caption_frame(w, h).fits);
  CHECK_FALSE(app::caption_frame(w - 1, h).fits);
  CHECK_FALSE(app::caption_frame(w, h - 1).fits);
}
