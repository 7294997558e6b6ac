#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The one list of Debian 12 packages Crosscheck needs to build, run and test.
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev nettle-dev libjson-glib-dev libcmark-dev libstemmer-dev libuchardet-dev
  libxml2-dev libpoppler-glib-dev libsoup-3.0-dev libgweather-4-dev
  libxml2-utils desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 imagemagick
  xdotool
  clang libclang-rt-14-dev
  iso-codes tzdata wamerican
  adwaita-icon-theme fonts-cantarell fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "Installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
