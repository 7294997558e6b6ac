#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Crosscheck needs, builds it and runs the whole test suite, GUI
# tests under Xvfb. With --sanitize, builds a second tree with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the suite there.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh

builddir=_build
setup_args=""
test_args=""
if [ "${1:-}" = "--sanitize" ]; then
  builddir=_build-sanitize
  setup_args="-Db_sanitize=address,undefined -Db_lundef=false"
  # GTK, fontconfig and GLib's type system keep allocations for the life of
  # the process: leak reports from them are not ours. Everything else
  # (overflows, use after free, undefined behaviour) fails the test.
  export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:detect_odr_violation=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  # Instrumented code runs several times slower.
  test_args="--timeout-multiplier 3"
fi

# shellcheck disable=SC2086
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" $setup_args
ninja -C "$builddir"

# shellcheck disable=SC2086
exec xvfb-run -a -s "-screen 0 1400x900x24" \
  dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 $test_args
