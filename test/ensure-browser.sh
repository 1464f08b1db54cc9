#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium and Firefox ESR, and press real shortcuts under Xvfb with
# xdotool. Install what is missing (as root, with
# apt-get); elsewhere say exactly what to do. CHROMIUM_PATH / FIREFOX_PATH may point to other binaries.
set -euo pipefail

missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1; }
else
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
if [ -n "${FIREFOX_PATH:-}" ]; then
  [ -x "$FIREFOX_PATH" ] || { echo "FIREFOX_PATH=$FIREFOX_PATH is not an executable file." >&2; exit 1; }
else
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
fi
# Real keyboard shortcuts need a real window: a virtual display and a key presser.
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
# Desktop notifications are shown and clicked through a D-Bus session bus of the tests' own.
command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus-daemon)
# Firefox reaches that service through libnotify (a recommendation of firefox-esr, installed here explicitly).
if command -v dpkg >/dev/null 2>&1; then dpkg -s libnotify4 >/dev/null 2>&1 || missing+=(libnotify4); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the end-to-end tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
The end-to-end tests need ${missing[*]} and could not install it.
  Debian/Ubuntu:  sudo apt-get install ${missing[*]}
  Or point CHROMIUM_PATH / FIREFOX_PATH at a Chrome or Chromium / a Firefox binary, e.g.
    CHROMIUM_PATH=/path/to/chrome FIREFOX_PATH=/path/to/firefox npm test
MSG
exit 1
