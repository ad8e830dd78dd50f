#!/usr/bin/env bash
# Set up everything Ashraf Archive needs on a fresh Debian/Ubuntu machine, then get out of the way.
# Idempotent and quick when nothing changed: the venv is rebuilt only when pyproject.toml changes.
# Usage: scripts/bootstrap.sh [run|test]   (what the caller is about to do decides the system packages)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
purpose="${1:-run}"
venv="${ASHRAF_VENV:-$here/.venv}"

# System libraries Qt needs (../shared/notes/platform.md): offscreen always; a real X window for `run`.
pkgs=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0)
# OCR of scanned pages (docs/import.md): Tesseract with English, Persian and Arabic; the app runs without it
optional=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-fas tesseract-ocr-ara)
if [ "$purpose" = run ]; then
  pkgs+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
         libxcb-xkb1 libxkbcommon-x11-0)
fi
# The team tests (tests/team) start a throwaway PostgreSQL cluster of their own: Debian's server package,
# without the system cluster it would otherwise create and start (docs/team.md).
pg_found() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; }
if [ "$purpose" = test ] && ! pg_found; then pkgs+=(postgresql); fi
# ... and a private D-Bus session for the team password's Secret Service tests
if [ "$purpose" = test ]; then pkgs+=(dbus-daemon); fi
py_ok() { command -v python3 >/dev/null && python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
py_ok || pkgs+=(python3 python3-venv python3-pip)

if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  lacking=()
  for p in "${optional[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || lacking+=("$p")
  done
  if [ "${#lacking[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then missing+=("${lacking[@]}")
    else echo "bootstrap: for reading scanned pages (OCR): sudo apt-get install ${lacking[*]}" >&2; fi
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "bootstrap: installing system packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      if [[ " ${missing[*]} " == *" postgresql "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        mkdir -p /etc/postgresql-common   # tests run their own cluster: no system one on port 5432
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
      fi
      apt-get update -qq >/dev/null
      apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef \
        -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
    else
      echo "bootstrap: these system packages are missing; install them and run again:" >&2
      echo "  sudo apt-get install ${missing[*]}" >&2
      [ "$purpose" = test ] || exit 1
    fi
  fi
fi

py_ok || { echo "bootstrap: Python 3.11 or newer with venv is needed" >&2; exit 1; }

stamp="$venv/.ashraf-stamp"
want="$(cat "$here/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: preparing the Python environment in $venv (first time: about 100 MB of downloads)"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -e "$here[test]"
  echo "$want" > "$stamp"
fi

# The interface translations (ui/i18n.py): translations/*.ts compiled to resources/translations/*.qm, plus Qt's
# own Persian words (OK, Cancel, the file dialog), which the packaged app otherwise leaves out.
qmdir="$here/resources/translations"
mkdir -p "$qmdir"
for ts in "$here"/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="$qmdir/$(basename "${ts%.ts}").qm"
  if [ ! -s "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
done
if [ ! -s "$qmdir/qtbase_fa.qm" ]; then
  qt_tr="$("$venv/bin/python" -c 'from PySide6.QtCore import QLibraryInfo as L; print(L.path(L.LibraryPath.TranslationsPath))')"
  cp "$qt_tr/qtbase_fa.qm" "$qmdir/" 2>/dev/null || echo "bootstrap: Qt's Persian translation not found in $qt_tr" >&2
fi
