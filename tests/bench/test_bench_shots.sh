#!/usr/bin/env bash
# `siege bench --shots` times the pictures a lecturer plays: one series a phase, in the
# scenario's order, each the director's shot of that phase, with frames that drew something and
# the far figures' share splatted;
# validation layers on (a message fails the run with exit 3).
set -uo pipefail
siege=$1
scenario=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SIEGE_VALIDATION=1 "$siege" bench "$scenario" --shots --frames 2 --size 160x90 --json >"$work/report.json" 2>"$work/err"
rc=$?
if [[ $rc -ne 0 ]]; then
  echo "FAIL: siege bench --shots exited $rc"
  cat "$work/err"
  exit 1
fi
python3 - "$scenario" "$work/report.json" <<'PY'
import json, sys
phases = [p["id"] for p in json.load(open(sys.argv[1]))["phases"]]
report = json.load(open(sys.argv[2]))
shots = report.get("shots", [])
assert not report.get("runs"), "--shots also ran the soldier counts"
assert [s["phase"] for s in shots] == phases, f"shots {[s['phase'] for s in shots]} != phases {phases}"
for s in shots:
    f = s["fast"]
    assert f["frame_ms_p50"] > 0 and f["triangles"] > 1000, f"{s['phase']}: {f}"
assert sum(s["fast"]["soldiers_drawn"] for s in shots) > 0, "no shot drew a soldier"
# The splat's share: figures a few pixels tall at this size are splatted, never more than drawn.
for s in shots:
    f = s["fast"]
    assert 0 <= f["soldiers_splatted"] <= f["soldiers_drawn"], f"{s['phase']}: {f}"
assert sum(s["fast"]["soldiers_splatted"] for s in shots) > 0, "no shot splatted a soldier"
times = [s["presentation_s"] for s in shots]
assert times == sorted(times) and len(set(times)) == len(times), f"not one shot a phase, in order: {times}"
print(f"ok: {len(shots)} shots, one a phase, in order")
PY
