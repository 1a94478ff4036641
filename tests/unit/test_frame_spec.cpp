// The arithmetic of film export (app/core/film_plan): frame specs, farm slices, frame rates,
// spans of phases and shots, fixed time steps, frame file names.
#include <catch2/catch.hpp>

#include "app/core/film_plan.h"
#include "scene/model/clock.h"
#include "test_scenarios.h"

using namespace app;

TEST_CASE("frame specs select frames ascending without repeats", "[export]") {
  std::string error;
  auto f = parse_frame_spec("0-3,10,2,8-9", 20, &error);
  REQUIRE(f);
  CHECK(*f == std::vector<std::int64_t>{0, 1, 2, 3, 8, 9, 10});
  f = parse_frame_spec("15-", 20);
  REQUIRE(f);
  CHECK(*f == std::vector<std::int64_t>{15, 16, 17, 18, 19});
  CHECK(parse_frame_spec(" 4 ", 5).value() == std::vector<std::int64_t>{4});
}

TEST_CASE("bad frame specs say why", "[export]") {
  std::string error;
  CHECK_FALSE(parse_frame_spec("", 10, &error));
  CHECK_FALSE(parse_frame_spec("5-2", 10, &error));
  CHECK(error.find("backwards") != std::string::npos);
  CHECK_FALSE(parse_frame_spec("0-10", 10, &error));
  CHECK(error.find("past the end") != std::string::npos);
  CHECK(error.find("0-9") != std::string::npos);
  CHECK_FALSE(parse_frame_spec("-3", 10, &error));
  CHECK_FALSE(parse_frame_spec("1,,2", 10, &error));
  CHECK_FALSE(parse_frame_spec("a-b", 10, &error));
  CHECK_FALSE(parse_frame_spec("1.5", 10, &error));
}

TEST_CASE("farm slices are contiguous and cover every frame once", "[export]") {
  std::vector<std::int64_t> frames;
  for (std::int64_t i = 0; i < 12; ++i) frames.push_back(i * 2);
  for (int chunks : {1, 3, 5, 12, 13}) {
    std::vector<std::int64_t> joined;
    for (int k = 0; k < chunks; ++k) {
      const auto s = slice_frames(frames, k, chunks);
      CHECK(s.size() + 1 >= frames.size() / chunks);
      CHECK(s.size() <= frames.size() / chunks + 1);
      joined.insert(joined.end(), s.begin(), s.end());
    }
    CHECK(joined == frames);
  }
  CHECK(slice_frames(frames, 3, 3).empty());
  CHECK(slice_frames(frames, -1, 3).empty());
}

TEST_CASE("frame rates are fractions", "[export]") {
  CHECK(parse_frame_rate("24")->text() == "24");
  CHECK(parse_frame_rate("12.5")->text() == "25/2");
  CHECK(parse_frame_rate("29.97")->text() == "30000/1001");
  CHECK(parse_frame_rate("24000/1001")->text() == "24000/1001");
  std::string error;
  CHECK_FALSE(parse_frame_rate("0", &error));
  CHECK(error.find("--fps") != std::string::npos);
  CHECK_FALSE(parse_frame_rate("-24"));
  CHECK_FALSE(parse_frame_rate("abc"));
  CHECK_FALSE(parse_frame_rate("2000"));
  CHECK_FALSE(parse_frame_rate("24/0"));
}

TEST_CASE("sizes", "[export]") {
  std::uint32_t w = 0, h = 0;
  CHECK(parse_size("1920x1080", w, h, 3840, 2160));
  CHECK((w == 1920 && h == 1080));
  CHECK(parse_size("3840x2160", w, h, 3840, 2160));
  CHECK_FALSE(parse_size("3841x2160", w, h, 3840, 2160));
  CHECK_FALSE(parse_size("1920x", w, h));
  CHECK_FALSE(parse_size("8x8", w, h));
  CHECK_FALSE(parse_size("1920x1080x3", w, h));
}

TEST_CASE("fixed time steps: real time, a speed, or a duration", "[export]") {
  const FilmSpan span{10, 60, "test"};
  auto t = plan_timing(span, {24, 1}, std::nullopt, std::nullopt);
  REQUIRE(t);
  CHECK(t->frame_count == 1200);
  CHECK(t->time_of(0) == 10.0);
  CHECK(t->time_of(24) == Approx(11.0));
  t = plan_timing(span, {25, 1}, std::nullopt, 5.0);
  REQUIRE(t);
  CHECK(t->frame_count == 125);
  CHECK(t->time_of(125) == Approx(60.0));
  t = plan_timing(span, {25, 1}, 10.0, std::nullopt);
  REQUIRE(t);
  CHECK(t->frame_count == 125);
  CHECK_FALSE(plan_timing(span, {25, 1}, 10.0, 5.0));
  CHECK_FALSE(plan_timing(span, {25, 1}, std::nullopt, 0.0));
  CHECK_FALSE(plan_timing(span, {25, 1}, -1.0, std::nullopt));
}

TEST_CASE("spans of phases and of the director's shots", "[export]") {
  const scene::Scenario s = test_scenarios::armies();  // phases 10 s, 40 s, 30 s
  std::string error;
  CHECK(resolve_phase_span(s, "", &error)->length() == 80.0);
  auto p = resolve_phase_span(s, "siege", &error);
  REQUIRE(p);
  CHECK((p->start_s == 10.0 && p->end_s == 50.0));
  p = resolve_phase_span(s, "2-3", &error);
  REQUIRE(p);
  CHECK((p->start_s == 10.0 && p->end_s == 80.0));
  p = resolve_phase_span(s, "gathering-siege", &error);
  REQUIRE(p);
  CHECK((p->start_s == 0.0 && p->end_s == 50.0));
  CHECK_FALSE(resolve_phase_span(s, "sege", &error));
  CHECK(error.find("gathering") != std::string::npos);  // lists the phases
  CHECK_FALSE(resolve_phase_span(s, "3-1", &error));

  const auto cuts = director_cuts(s);
  REQUIRE(cuts.size() == 3);  // overview, siege_shot, overview again
  CHECK(cuts[1].shot == "siege_shot");
  auto shot = resolve_shot_span(s, "2", &error);
  REQUIRE(shot);
  CHECK((shot->start_s == 10.0 && shot->end_s == 50.0));
  shot = resolve_shot_span(s, "siege_shot", &error);
  REQUIRE(shot);
  CHECK(shot->start_s == 10.0);
  shot = resolve_shot_span(s, "2-3", &error);
  REQUIRE(shot);
  CHECK((shot->start_s == 10.0 && shot->end_s == 80.0));
  CHECK_FALSE(resolve_shot_span(s, "overview", &error));  // used twice: ask for a number
  CHECK(error.find("1 and 3") != std::string::npos);
  CHECK_FALSE(resolve_shot_span(s, "nope", &error));
  CHECK(error.find("siege_shot") != std::string::npos);
  CHECK_FALSE(resolve_shot_span(s, "4", &error));
}

TEST_CASE("frame patterns", "[export]") {
  CHECK(is_frame_pattern("out/frame_%05d.png"));
  CHECK(is_frame_pattern("f%d.png"));
  CHECK_FALSE(is_frame_pattern("film.mp4"));
  CHECK_FALSE(is_frame_pattern("a%05d_%05d.png"));
  CHECK_FALSE(is_frame_pattern("100%%.png"));
  CHECK_FALSE(is_frame_pattern("x%s.png"));
  CHECK(expand_frame_pattern("out/frame_%05d.png", 42) == "out/frame_00042.png");
  CHECK(expand_frame_pattern("f%d.png", 7) == "f7.png");
  CHECK(expand_frame_pattern("100%%_%03d.png", 7) == "100%_007.png");
  CHECK(replace_frame_field("out/frame_%05d.png", "film") == "out/frame_film.png");
  CHECK(fnv1a_hex("") == "cbf29ce484222325");
}
