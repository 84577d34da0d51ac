#!/usr/bin/env bash
# Installs the Debian packages the product and its tests run for real:
# Chromium (Playwright e2e), ansible-core (the executor), openssh-server, sshpass
# and sudo (SSH and become tests). Skips what is already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ansible-playbook >/dev/null 2>&1 || need+=(ansible-core)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v sshpass >/dev/null 2>&1 || need+=(sshpass)
command -v sudo >/dev/null 2>&1 || need+=(sudo)
command -v git >/dev/null 2>&1 || need+=(git)
if [ ${#need[@]} -eq 0 ]; then
  echo "[setup] system packages present"
  exit 0
fi
echo "[setup] installing: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
