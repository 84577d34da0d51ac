#!/usr/bin/env bash
# Installs the Debian packages the product runs with for real, skipping what is there.
#   (default)  what the app needs: ansible-core (the executor), ssh client, sshpass, git,
#              bubblewrap (every job runs in a sandbox)
#   --test     also what the tests need: Chromium and CJK fonts (Playwright e2e),
#              openssh-server and sudo (SSH and become tests against a loopback sshd)
set -euo pipefail
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have ansible-playbook || need+=(ansible-core)
have ssh || need+=(openssh-client)
have sshpass || need+=(sshpass)
have git || need+=(git)
have bwrap || need+=(bubblewrap)
if [ "${1:-}" = "--test" ]; then
  have chromium || need+=(chromium)
  [ -x /usr/sbin/sshd ] || need+=(openssh-server)
  have sudo || need+=(sudo)
  # Chinese text in the e2e screenshots
  [ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
fi
if [ ${#need[@]} -eq 0 ]; then
  echo "[setup] system packages present"
  exit 0
fi
echo "[setup] installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
