#!/usr/bin/env bash
# `siege bench` refuses bad --counts, --frames and --size with exit 2 and a message naming the option
# and the text, before it loads anything or makes a device.
set -uo pipefail
siege=$1
fail=0
expect() {  # expect WHAT PATTERN ARGS...: exit 2 and PATTERN in stderr
  local what=$1 pattern=$2
  shift 2
  local err
  err=$("$siege" bench "$@" 2>&1 >/dev/null)
  local rc=$?
  if [[ $rc -ne 2 || $err != *"$pattern"* ]]; then
    echo "FAIL: $what (exit $rc): $err"
    fail=1
  else
    echo "ok: $what"
  fi
}
expect "--counts with a letter" '--counts "1x"' --counts 1x
expect "--counts empty item" '--counts "1000,,2"' --counts 1000,,2
expect "--counts zero" '--counts "0"' --counts 0
expect "--counts too many" '--counts "99999999999"' --counts 99999999999
expect "--frames zero" '--frames 0' --frames 0
expect "--frames negative" '--frames -3' --frames -3
expect "--size without x" '--size "12"' --size 12
expect "--size too small" '--size "8x8"' --size 8x8
exit $fail
