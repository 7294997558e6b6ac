#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Crosscheck needs, builds it and opens the bundled sample
# corpus (or the folders given as arguments) in the app, uninstalled.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

./build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build

export GSETTINGS_SCHEMA_DIR="$top/_build/data"
if [ "$#" -eq 0 ]; then
  set -- "$top/data/sample-corpus"
fi
exec ./_build/src/ui/crosscheck "$@"
