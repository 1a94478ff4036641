#!/usr/bin/env bash
# The rooms' rule (docs/ARCHITECTURE.md) for headers: each folder includes only the project
# folders and outside libraries it may use. The libraries' links catch a wrong call; this
# catches a wrong include that needs no call (a type, a constant). Prints each offence with
# its file and line, and fails when there is any.
#
#   tests/rooms/check_includes.sh [ROOT]
set -uo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$root" || exit 2

# folder | project folders it may include (a prefix each) | outside headers it must not include
rules=(
  "common|common/|vulkan GLFW imgui assimp meshoptimizer png.h OpenColorIO"
  "scene/model|scene/model/|vulkan GLFW imgui assimp meshoptimizer nlohmann png.h OpenColorIO"
  "scene/load|scene/load/ scene/model/ common/|vulkan GLFW imgui assimp meshoptimizer OpenColorIO"
  "scene/sim|scene/sim/ scene/model/ common/|vulkan GLFW imgui assimp meshoptimizer nlohmann png.h OpenColorIO"
  "scene/materials|scene/materials/ scene/model/ shaders/materials.h|vulkan GLFW imgui assimp meshoptimizer nlohmann png.h OpenColorIO"
  "scene/mesh|scene/mesh/ scene/model/ common/|vulkan GLFW imgui nlohmann png.h OpenColorIO"
  "scene/figures|scene/figures/ scene/mesh/ scene/model/ shaders/shared.h|vulkan GLFW imgui nlohmann png.h OpenColorIO"
  "scene/world|scene/world/ scene/mesh/ scene/sim/ scene/model/|vulkan GLFW imgui assimp nlohmann png.h OpenColorIO"
  "renderer|renderer/ common/ shaders/ scene/materials/ scene/world/ scene/figures/ scene/mesh/ scene/sim/ scene/model/|GLFW imgui assimp OpenColorIO"
  "app/core|app/core/ common/ scene/load/ scene/sim/ scene/model/|vulkan GLFW imgui assimp"
  "app/overlay|app/overlay/ app/core/ common/ renderer/ scene/|GLFW assimp"
  "app/film|app/film/ common/ app/overlay/ app/core/ renderer/ scene/|GLFW assimp"
  "app/viewer|app/viewer/ common/ app/overlay/ app/core/ renderer/ scene/|assimp"
  "app/cli|app/ common/ renderer/ scene/|assimp"
)

offences=0
for rule in "${rules[@]}"; do
  IFS='|' read -r folder allowed banned <<<"$rule"
  [[ -d $folder ]] || { echo "rooms: no folder $folder"; offences=$((offences + 1)); continue; }
  while IFS=: read -r file line text; do
    if [[ $text =~ \#include[[:space:]]*\"([^\"]+)\" ]]; then
      target=${BASH_REMATCH[1]}
      ok=0
      for prefix in $allowed; do [[ $target == "$prefix"* ]] && ok=1; done
      if ((!ok)); then
        echo "$file:$line: $folder may not include \"$target\""
        offences=$((offences + 1))
      fi
    elif [[ $text =~ \#include[[:space:]]*\<([^\>]+)\> ]]; then
      target=${BASH_REMATCH[1]}
      for name in $banned; do
        if [[ $target == "$name"* ]]; then
          echo "$file:$line: $folder may not include <$target>"
          offences=$((offences + 1))
        fi
      done
    fi
  done < <(grep -n '^[[:space:]]*#[[:space:]]*include' "$folder"/*.h "$folder"/*.cpp 2>/dev/null)
done

# Every source folder is covered by a rule: a new room must say what it may use.
while read -r dir; do
  covered=0
  for rule in "${rules[@]}"; do [[ ${rule%%|*} == "$dir" ]] && covered=1; done
  if ((!covered)); then
    echo "rooms: $dir holds sources but has no rule here"
    offences=$((offences + 1))
  fi
done < <(find common scene renderer app -name '*.cpp' -printf '%h\n' | sort -u)

if ((offences)); then
  echo "rooms: $offences offence(s)"
  exit 1
fi
echo "rooms: every include keeps to its room"
