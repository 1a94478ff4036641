# The export tests' reporting, sourced by each tests/export/*.sh: `check WHAT COMMAND...` runs
# the command and prints ok or FAIL; `pass` and `fail` say so directly; `failures` counts.
failures=0
pass() { echo "ok   - $*"; }
fail() { echo "FAIL - $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
