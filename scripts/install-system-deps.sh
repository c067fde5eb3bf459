#!/usr/bin/env bash
# Install the system packages the test suite needs, when they are missing:
#   chromium    (/usr/bin/chromium: the web explorer's browser tests, via Playwright)
#   postgresql  (/usr/lib/postgresql/*/bin: the store and API tests on PostgreSQL)
# Idempotent: installs nothing when both are present; runs `apt-get update`
# only when a package is missing and apt has no package lists yet (or the
# first install attempt fails on stale lists). Needs root (or passwordless
# sudo) to install; says what it does.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-system-deps: chromium and postgresql already installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "install-system-deps: need root to install: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
install() {
    echo "install-system-deps: apt-get install -y --no-install-recommends ${missing[*]}"
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

if ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null; then
    echo "install-system-deps: apt-get update (no package lists yet)"
    "${SUDO[@]}" apt-get update -q
fi
if ! install; then
    echo "install-system-deps: install failed; apt-get update and retry"
    "${SUDO[@]}" apt-get update -q
    install
fi
echo "install-system-deps: done"
