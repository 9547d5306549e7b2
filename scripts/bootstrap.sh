#!/usr/bin/env bash
# Install everything Himpun needs on a Debian or Ubuntu machine that has only
# Python and apt: the system packages (Tesseract OCR with its Indonesian and
# orientation data, poppler-utils, DejaVu fonts), a virtualenv in .venv, and
# Himpun itself with its test extras. Safe to run again: it installs only
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd poppler-utils fonts-dejavu-core
              libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)  # the last three: WeasyPrint (rulebook PDF)

sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "bootstrap: no apt-get here; install these yourself: $*" >&2
        return 0
    fi
    echo "bootstrap: installing $* (apt)" >&2
    sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt_install "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        apt_install python3-venv
        "$PYTHON" -m venv .venv
    fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
