#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium. Install it when missing (as root, with apt-get);
# elsewhere say exactly what to do. CHROMIUM_PATH may point to any Chrome or Chromium instead.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1 && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi

cat >&2 <<'MSG'
The end-to-end tests need Chromium and could not install it.
  Debian/Ubuntu:  sudo apt-get install chromium
  Or point CHROMIUM_PATH at a Chrome or Chromium binary:  CHROMIUM_PATH=/path/to/chrome npm test
MSG
exit 1
