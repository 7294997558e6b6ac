#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the source tree:
#  - every file under src/ and resources/ that contains a translatable string
#    (_(), N_(), C_(), NC_(), ngettext() in C; translatable="yes" in .ui/.xml)
#    must be listed;
#  - the data/ files that are always translatable (.desktop.in,
#    .metainfo.xml.in, .gschema.xml) must be listed;
#  - every file listed must exist.
# Usage: check-potfiles.sh [SOURCE_ROOT]   (default: the parent of this script's folder)
#        check-potfiles.sh --self-test
set -u

# --self-test: runs the check on small made-up trees and verifies that it
# passes on a complete list and fails, naming the file, on each kind of error.
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
  mkdir -p "$tmp/t/po" "$tmp/t/src/core" "$tmp/t/resources" "$tmp/t/data"
  printf 'const char *s = _ ("Hello");\n' > "$tmp/t/src/core/a.c"
  printf 'static const char *t = N_("Bye");\n' > "$tmp/t/src/core/b.h"
  printf 'int plain_(void); /* no strings */\n' > "$tmp/t/src/core/c.c"
  printf '<property name="label" translatable="yes">Open</property>\n' > "$tmp/t/resources/w.ui"
  printf '[Desktop Entry]\nName=X\n' > "$tmp/t/data/x.desktop.in"
  printf '# comment\n\ndata/x.desktop.in\nresources/w.ui\nsrc/core/a.c\nsrc/core/b.h\n' > "$tmp/t/po/POTFILES.in"
  expect 0 "is complete"
  sed -i '/a\.c/d' "$tmp/t/po/POTFILES.in"
  expect 1 "src/core/a.c has translatable strings"
  printf 'src/core/a.c\n' >> "$tmp/t/po/POTFILES.in"
  sed -i '/w\.ui/d' "$tmp/t/po/POTFILES.in"
  expect 1 "resources/w.ui has translatable strings"
  printf 'resources/w.ui\nsrc/gone.c\n' >> "$tmp/t/po/POTFILES.in"
  expect 1 "src/gone.c is listed"
  sed -i '/gone/d;/desktop/d' "$tmp/t/po/POTFILES.in"
  expect 1 "data/x.desktop.in has translatable strings"
  if [ "$fails" -eq 0 ]; then
    echo "check-potfiles self-test: ok"
  fi
  exit "$fails"
fi

srcroot=${1:-$(dirname "$0")/..}
cd "$srcroot" || { echo "check-potfiles: cannot enter $srcroot" >&2; exit 2; }

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $potfiles does not exist" >&2
  exit 1
fi

listed=$(mktemp) || exit 2
trap 'rm -f "$listed"' EXIT INT TERM
# Drop comments, blank lines and surrounding blanks.
sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" | sort -u > "$listed"

status=0

# Listed files must exist.
while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "check-potfiles: $f is listed in $potfiles but does not exist" >&2
    status=1
  fi
done < "$listed"

is_listed () {
  grep -qxF -- "$1" "$listed"
}

# Source files with translatable strings must be listed. In C the macro may be
# followed by a space (GNU style): _ ("text").
c_pattern='(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\(|(^|[^A-Za-z0-9_])(g_d?n?gettext|ngettext|g_dpgettext2?) ?\('
ui_pattern='translatable="(yes|true|1)"'

dirs=""
for d in src resources; do
  [ -d "$d" ] && dirs="$dirs $d"
done

if [ -n "$dirs" ]; then
  # shellcheck disable=SC2086
  for f in $(find $dirs -type f \( -name '*.c' -o -name '*.h' \) | sort); do
    if grep -Eq -- "$c_pattern" "$f" && ! is_listed "$f"; then
      echo "check-potfiles: $f has translatable strings but is not in $potfiles" >&2
      status=1
    fi
  done
  # shellcheck disable=SC2086
  for f in $(find $dirs -type f \( -name '*.ui' -o -name '*.xml' -o -name '*.blp' \) | sort); do
    if grep -Eq -- "$ui_pattern" "$f" && ! is_listed "$f"; then
      echo "check-potfiles: $f has translatable strings but is not in $potfiles" >&2
      status=1
    fi
  done
fi

if [ -d data ]; then
  for f in $(find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                                              -o -name '*.appdata.xml.in' -o -name '*.gschema.xml' \) | sort); do
    if ! is_listed "$f"; then
      echo "check-potfiles: $f has translatable strings but is not in $potfiles" >&2
      status=1
    fi
  done
fi

if [ "$status" -eq 0 ]; then
  echo "check-potfiles: $potfiles is complete ($(wc -l < "$listed") files)"
fi
exit "$status"
