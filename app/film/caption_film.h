// --captions separate with a video: the caption layer also as a film of its own,
// NAME_captions.mov, ProRes 4444 with its alpha (straight, as the PNGs it is made from), at
// the film's exact rate, beside the clean video. The PNG layers stay (docs/EXPORT.md).
#pragma once

#include "app/film/film_steps.h"

namespace app::film {

// Where it goes: "out/film.mp4" → "out/film_captions.mov".
std::filesystem::path caption_film_path(const RenderArgs& args);

// Encodes the selected frames' caption layers as the film's videos are encoded (tags,
// timecode, vendor); throws std::runtime_error on failure. Returns
// 0, or 130 when interrupted.
int encode_caption_film(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta);

}  // namespace app::film
