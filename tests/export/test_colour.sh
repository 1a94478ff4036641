#!/usr/bin/env bash
# The display transform from `siege render`'s side: the shipped OCIO config's default view is
# what a plain render shows, another view changes the pixels, $OCIO is read, and a bad config
# or view is refused with exit 2 before anything is written, for frames and films alike.
#
#   tests/export/test_colour.sh SIEGE_BINARY [SOURCE_DIR]
set -uo pipefail
source "$(dirname "$0")/checks.sh"  # check, pass, fail, failures
siege=${1:?usage: test_colour.sh SIEGE_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
scenario=$src/assets/scenarios/caizhou.json
config=$src/assets/ocio/config.ocio
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
work=$(mktemp -d /tmp/siege-colour.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
unset OCIO


frame=(--size 160x90 --time 1233-12-01T12:00 --camera "300,180,1150:0,0,550:45")
render() { "$siege" render "$scenario" "${frame[@]}" "$@" >/dev/null 2>>log.txt; }

render -o default.png
render --ocio "$config" --view sRGB/Filmic -o explicit.png
render --view Standard -o standard.png
OCIO=$config render -o from_env.png
check "the default is the shipped config's sRGB/Filmic, byte for byte" cmp -s default.png explicit.png
check "\$OCIO is read" cmp -s default.png from_env.png
check "another view gives other pixels" test -f standard.png -a -n "$(cmp default.png standard.png 2>&1)"

# refused WHAT MESSAGE ARGS...: exit 2, the message on stderr, and nothing written.
refused() {
  local what=$1 message=$2; shift 2
  "$siege" render "$scenario" --size 160x90 "$@" >out.txt 2>err.txt
  local rc=$?
  if [[ $rc -eq 2 ]] && grep -qF "$message" err.txt && [[ ! -e refused.png && ! -e film ]]; then
    pass "$what"
  else
    fail "$what (exit $rc: $(cat err.txt))"
  fi
}
refused "a missing config" "OCIO config $work/none.ocio: no such file" --ocio "$work/none.ocio" --time 0 -o refused.png
refused "an unknown view" 'has no view "Vivid"; it has "Filmic", "Standard", "Raw"' --view Vivid --time 0 -o refused.png
refused "an unknown view, for a film" 'has no view "Vivid"' --view Vivid --phase 2 --duration 0.1 -o film/f_%05d.png

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
