#include "app/film/caption_film.h"

#include "app/film/caption_layer.h"

namespace fs = std::filesystem;

namespace app::film {

fs::path caption_film_path(const RenderArgs& args) {
  const fs::path out(args.out);
  return out.parent_path() / (out.stem().string() + "_captions.mov");
}

int encode_caption_film(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan, JobEta& eta) {
  const VideoOut film{caption_film_path(args), "prores", ".mov", "4444"};
  return encode_video_from(
      film, [&](std::int64_t f) { return caption_layer_path(args.out, true, "", f); }, args, outputs, plan, eta);
}

}  // namespace app::film
