#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (tests/fuzz, clang, ASan + UBSan) in
# _build-fuzz and runs each for a bounded time: FUZZ_SECONDS (default 60)
# each, or the targets named on the command line. Fails if any target
# finds a crash, a leak, undefined behaviour, a timeout or runs out of
# memory; its reproducer is saved as _build-fuzz/crashes/TARGET/crash-…
# (copy it to tests/fuzz/crashes/ when it is reported). The corpus each run
# grows stays in _build-fuzz; the seeds are in tests/fuzz/corpus/TARGET.
# FUZZ_RUNS=N instead runs N inputs per target from a fixed seed, starting
# from the committed seeds only: the same inputs on every machine, so a
# run that passed here passes in CI (FUZZ_SECONDS then only caps the time).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh

builddir=_build-fuzz
seconds=${FUZZ_SECONDS:-60}
targets=${*:-text markdown html w3c values entities claims statements}

[ -f "$builddir/build.ninja" ] || CC=clang meson setup "$builddir" -Dfuzz=true
ninja -C "$builddir"

export ASAN_OPTIONS="abort_on_error=1:detect_odr_violation=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_SLICE=always-malloc

failed=""
for target in $targets; do
  max_len=16384
  [ "$target" = values ] && max_len=256
  work="$builddir/corpus/$target"
  crashes="$builddir/crashes/$target"
  mkdir -p "$work" "$crashes"
  echo "fuzz-$target: ${seconds} s" >&2
  if [ -n "${FUZZ_RUNS:-}" ]; then
    # a fresh work folder: what earlier runs grew would change the inputs
    rm -rf "$work" && mkdir -p "$work"
    set -- -runs="$FUZZ_RUNS" -seed=1
  else
    set --
  fi
  if ! "$builddir/tests/fuzz/fuzz-$target" "$@" -max_total_time="$seconds" -rss_limit_mb=2048 \
       -timeout=20 -max_len="$max_len" -print_final_stats=1 \
       -artifact_prefix="$crashes/" "$work" "tests/fuzz/corpus/$target"; then
    echo "fuzz-$target: FAILED, reproducer in $crashes" >&2
    failed="$failed $target"
  fi
done

if [ -n "$failed" ]; then
  echo "Fuzz targets that failed:$failed" >&2
  exit 1
fi
