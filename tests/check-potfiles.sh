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
set -u

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
