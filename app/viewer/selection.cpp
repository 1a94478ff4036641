#include "app/viewer/viewer_state.h"

#include "app/core/labels.h"

namespace app {

void select_object(ViewerState& state, std::uint32_t id) {
  state.selected_object = id;
  const scene::ObjectInfo* info = state.objects ? state.objects->find(id) : nullptr;
  if (!info) return;  // clicked on nothing: keep the unit selection
  if (info->kind == scene::ObjectKind::Soldier) {
    for (size_t i = 0; i < state.scenario.units.size(); ++i)
      if (state.scenario.units[i].id == info->entity) {
        state.selected_unit = static_cast<int>(i);
        state.notify("selected " + bilingual(state.scenario.units[i].name) + " — press F to follow");
      }
  } else if (info->kind != scene::ObjectKind::Sky) {
    state.notify(info->name);
  }
}

}  // namespace app

#include "app/core/bookmarks.h"

namespace app {

void save_bookmarks(ViewerState& state) {
  std::string error;
  if (!write_bookmarks(bookmarks_path(state.scenario.id), state.bookmarks, &error)) state.notify(error);
}

void load_bookmarks(ViewerState& state) {
  std::string warning;
  state.bookmarks = read_bookmarks(bookmarks_path(state.scenario.id), &warning);
  if (!warning.empty()) state.notify(warning);
}

}  // namespace app
