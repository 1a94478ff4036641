#!/usr/bin/env bash
# `siege bench --counts` reports what issue 18 measures for a soldier count: the fast path, the
# far figures' splatted share, the quarter view, the troop pass's own cost with all the army
# in view and a quarter, the minimal and still-camera frames; validation layers on.
set -uo pipefail
siege=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SIEGE_VALIDATION=1 "$siege" bench "$scenario" --counts 2000 --frames 2 --quick --size 320x180 --json \
  >"$work/report.json" 2>"$work/err"
rc=$?
if [[ $rc -ne 0 ]]; then
  echo "FAIL: siege bench --counts exited $rc"
  cat "$work/err"
  exit 1
fi
python3 - "$work/report.json" <<'PY'
import json, math, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert len(runs) == 1 and runs[0]["soldiers_target"] == 2000, runs
run = runs[0]
fast = run["fast"]
assert fast["frame_ms_p50"] > 0 and fast["soldiers_drawn"] > 1000, fast
assert 0 < fast["soldiers_splatted"] <= fast["soldiers_drawn"], f"nothing splatted from the bench's distance: {fast}"
for key in ("quarter_view", "minimal_flat_troops_only", "still_camera"):
    assert run[key]["frame_ms_p50"] > 0, (key, run[key])
assert run["quarter_view"]["soldiers_drawn"] < 0.5 * fast["soldiers_drawn"], "the quarter view shows most of the army"
for key in ("troop_pass_ms", "troop_pass_quarter_ms", "ratio_quarter_vs_all_troop_pass", "ratio_quarter_vs_all"):
    assert isinstance(run[key], (int, float)) and math.isfinite(run[key]), (key, run.get(key))
print(f"ok: troop pass {run['troop_pass_ms']:.1f} ms, a quarter in view {run['troop_pass_quarter_ms']:.1f} ms; "
      f"{fast['soldiers_splatted']:.0f} of {fast['soldiers_drawn']:.0f} splatted")
PY
