#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the views and panels of src/ui follow the session
# (CcSession: library, story, document, toasts) instead of reaching up
# into the window: no file of src/ui other than the window's own parts
# (cc-window*.c, cc-window*.h) and the application (cc-application.c) may
# include "cc-window.h" or "cc-window-private.h", or name CcWindow /
# cc_window_*.
# Usage: check-ui-layers.sh [SOURCE_ROOT]   (default: the parent of this script's folder)
#        check-ui-layers.sh --self-test
set -u

# --self-test: runs the check on small made-up trees and verifies that it
# passes on a clean tree and fails, naming the file, on each kind of error.
if [ "${1:-}" = "--self-test" ]; then
  self=$0
  tmp=$(mktemp -d) || exit 2
  trap 'rm -rf "$tmp"' EXIT INT TERM
  fails=0
  expect () {  # expect RC TEXT: runs the check on $tmp/t
    out=$(sh "$self" "$tmp/t" 2>&1)
    rc=$?
    if [ "$rc" -ne "$1" ] || ! printf '%s' "$out" | grep -qF -- "$2"; then
      echo "self-test: expected exit $1 and \"$2\", got exit $rc: $out" >&2
      fails=1
    fi
  }
  mkdir -p "$tmp/t/src/ui"
  printf '#include "cc-session.h"\n' > "$tmp/t/src/ui/cc-panel.c"
  printf '#include "cc-window-private.h"\nCcWindow *w;\n' > "$tmp/t/src/ui/cc-window-part.c"
  printf '#include "cc-window.h"\n' > "$tmp/t/src/ui/cc-application.c"
  printf '#pragma once\n#include "cc-window.h"\n' > "$tmp/t/src/ui/cc-window-private.h"
  expect 0 "views and panels follow the session"
  printf '#include "cc-session.h"\n#include "cc-window.h"\n' > "$tmp/t/src/ui/cc-panel.c"
  expect 1 "src/ui/cc-panel.c includes"
  printf '#include  <cc-window-private.h>\n' > "$tmp/t/src/ui/cc-panel.c"
  expect 1 "src/ui/cc-panel.c includes"
  printf '#pragma once\n#include "cc-window.h"\n' > "$tmp/t/src/ui/cc-panel.h"
  printf '#include "cc-session.h"\n' > "$tmp/t/src/ui/cc-panel.c"
  expect 1 "src/ui/cc-panel.h includes"
  rm "$tmp/t/src/ui/cc-panel.h"
  printf 'static void f (void) { cc_window_add_toast (NULL, NULL); }\n' > "$tmp/t/src/ui/cc-panel.c"
  expect 1 "src/ui/cc-panel.c names the window"
  printf 'static CcWindow *window;\n' > "$tmp/t/src/ui/cc-panel.c"
  expect 1 "src/ui/cc-panel.c names the window"
  printf '/* the window (CcWindow) shows the toasts */\n' > "$tmp/t/src/ui/cc-panel.c"
  expect 0 "views and panels follow the session"
  if [ "$fails" -eq 0 ]; then
    echo "check-ui-layers self-test: ok"
  fi
  exit "$fails"
fi

srcroot=${1:-$(dirname "$0")/..}
cd "$srcroot" || { echo "check-ui-layers: cannot enter $srcroot" >&2; exit 2; }

if [ ! -d src/ui ]; then
  echo "check-ui-layers: src/ui does not exist" >&2
  exit 1
fi

include_pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]cc-window(-private)?\.h[">]'
# Code, not comments: lines that start a comment are left out.
name_pattern='(^|[^A-Za-z0-9_])(CcWindow|CC_WINDOW|CC_IS_WINDOW|cc_window_[a-z_]+)([^A-Za-z0-9_]|$)'

status=0
n=0
for f in $(find src/ui -type f \( -name '*.c' -o -name '*.h' \) | sort); do
  case "$(basename "$f")" in
    cc-window*.c|cc-window*.h|cc-application.c)
      continue ;;
  esac
  n=$((n + 1))
  if grep -Eq -- "$include_pattern" "$f"; then
    echo "check-ui-layers: $f includes the window's header: give it the CcSession instead" >&2
    status=1
  fi
  if grep -Ev -- '^[[:space:]]*(/\*|\*|//)' "$f" | grep -Eq -- "$name_pattern"; then
    echo "check-ui-layers: $f names the window (CcWindow, cc_window_*): use the CcSession" >&2
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "check-ui-layers: views and panels follow the session ($n files)"
fi
exit "$status"
